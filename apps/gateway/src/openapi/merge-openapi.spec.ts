import { PROBLEM_SCHEMA } from '#ikm/http';
import type { OpenAPIObject } from '@nestjs/swagger';
import { mergeOpenApi } from './merge-openapi.js';

const base = { openapi: '3.0.0', info: { title: 'IKM', version: '1' }, paths: {}, components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } } } as OpenAPIObject;

function serviceDoc(paths: Record<string, object>, schemas: Record<string, object>): OpenAPIObject {
  return { openapi: '3.0.0', info: { title: 's', version: '1' }, paths, components: { schemas } } as OpenAPIObject;
}

describe('mergeOpenApi', () => {
  const ideas = serviceDoc(
    {
      '/health/live': { get: { operationId: 'live', responses: {} } },
      '/ideas/{id}': { get: { operationId: 'get', responses: { 200: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Page' } } } } } } },
    },
    { Page: { type: 'object', properties: { items: { type: 'array' } } } },
  );
  const metrics = serviceDoc(
    { '/metrics/funnel': { get: { operationId: 'get', responses: { 200: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Page' } } } } } } } },
    { Page: { type: 'object', properties: { stages: { type: 'array' } } } },
  );

  const sut = mergeOpenApi(base, [
    { service: 'ideas', document: ideas },
    { service: 'metrics', document: metrics },
  ]);

  it('exposes each path under /api/v1 and leaves health probes out', () => {
    expect(Object.keys(sut.paths)).toEqual(['/api/v1/ideas/{id}', '/api/v1/metrics/funnel']);
  });

  it('makes operation ids unique by service', () => {
    expect(sut.paths['/api/v1/ideas/{id}'].get?.operationId).toBe('ideas_get');
    expect(sut.paths['/api/v1/metrics/funnel'].get?.operationId).toBe('metrics_get');
  });

  it('renames a clashing schema of the later service and points its references at the new name', () => {
    expect(Object.keys(sut.components?.schemas ?? {}).sort()).toEqual(['MetricsPage', 'Page', PROBLEM_SCHEMA, 'ProblemFieldError']);
    const ref = JSON.stringify(sut.paths['/api/v1/metrics/funnel']);
    expect(ref).toContain('#/components/schemas/MetricsPage');
    expect(JSON.stringify(sut.paths['/api/v1/ideas/{id}'])).toContain('#/components/schemas/Page"');
  });

  it('documents the problems the gateway itself answers on every operation', () => {
    for (const path of ['/api/v1/ideas/{id}', '/api/v1/metrics/funnel']) {
      const responses = sut.paths[path].get!.responses;
      for (const status of ['429', '502', '503', '504']) {
        expect(responses[status]).toMatchObject({ content: { 'application/problem+json': { schema: { $ref: `#/components/schemas/${PROBLEM_SCHEMA}` } } } });
      }
      expect(responses['429']).toMatchObject({ headers: { 'Retry-After': expect.anything() } });
    }
  });

  it('keeps the gateway’s security scheme', () => {
    expect(sut.components?.securitySchemes).toEqual(base.components?.securitySchemes);
  });
});
