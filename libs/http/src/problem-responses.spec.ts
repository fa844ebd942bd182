import type { OpenAPIObject } from '@nestjs/swagger';
import { PROBLEM_SCHEMA, SERVICE_PROBLEMS, withProblemResponses } from './problem-responses.js';

const PROBLEM_CONTENT = { 'application/problem+json': { schema: { $ref: `#/components/schemas/${PROBLEM_SCHEMA}` } } };

function documentWith(paths: OpenAPIObject['paths'], security: OpenAPIObject['security'] = [{ bearer: [] }]): OpenAPIObject {
  return { openapi: '3.0.0', info: { title: 't', version: '1' }, security, paths, components: { schemas: { Idea: { type: 'object' } } } };
}

const ok = { 200: { description: 'ok' } };

describe('withProblemResponses', () => {
  const source = documentWith({
    '/ideas': {
      post: { responses: { 201: { description: 'created' }, 400: { description: 'Unknown challenge.' } }, requestBody: { content: {} }, 'x-required-roles': ['staff'] } as never,
      get: { responses: ok },
    },
    '/ideas/{id}': {
      get: { parameters: [{ name: 'id', in: 'path', required: true }], responses: { ...ok, 403: { description: 'Not yours.' } }, 'x-required-roles': ['staff', 'reviewer'] } as never,
    },
    '/public': { get: { responses: ok, security: [] } },
    '/health/live': { get: { responses: ok, 'x-public': true } as never },
  });
  const sut = withProblemResponses(source, SERVICE_PROBLEMS);

  it('registers the problem schema beside the service’s own', () => {
    expect(Object.keys(sut.components!.schemas!)).toEqual(expect.arrayContaining(['Idea', PROBLEM_SCHEMA]));
    expect(sut.components!.schemas![PROBLEM_SCHEMA]).toMatchObject({
      required: ['type', 'title', 'status'],
      properties: { status: { type: 'integer' }, errorId: { format: 'uuid' }, errors: { type: 'array' } },
    });
  });

  it('adds what applies to each operation: 400 with a body or parameters, 401 when secured, 403 with roles, 404 with an id, 413 with a body, 500', () => {
    expect(Object.keys(sut.paths['/ideas'].post!.responses).sort()).toEqual(['201', '400', '401', '403', '413', '500']);
    expect(Object.keys(sut.paths['/ideas'].get!.responses).sort()).toEqual(['200', '401', '500']);
    expect(Object.keys(sut.paths['/ideas/{id}'].get!.responses).sort()).toEqual(['200', '400', '401', '403', '404', '500']);
    expect(Object.keys(sut.paths['/public'].get!.responses).sort()).toEqual(['200', '500']);
  });

  it('documents a @Public() operation without security and without 401', () => {
    expect(sut.paths['/health/live'].get).toEqual({ security: [], responses: { 200: { description: 'ok' }, 500: expect.anything() } });
  });

  it('gives every error response the problem content, keeping a declared description and naming the roles of a 403', () => {
    expect(sut.paths['/ideas'].post!.responses['400']).toEqual({ description: 'Unknown challenge.', content: PROBLEM_CONTENT });
    expect(sut.paths['/ideas/{id}'].get!.responses['403']).toEqual({ description: 'Not yours. Needs one of the roles: staff, reviewer.', content: PROBLEM_CONTENT });
    expect(sut.paths['/ideas/{id}'].get!.responses['200']).toEqual({ description: 'ok' });
  });

  it('leaves its input alone and gives the same document when applied again', () => {
    expect(source.paths['/ideas'].get!.responses).toEqual(ok);
    expect(withProblemResponses(sut, SERVICE_PROBLEMS)).toEqual(sut);
  });
});
