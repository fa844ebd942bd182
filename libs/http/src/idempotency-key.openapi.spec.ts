import type { OpenAPIObject } from '@nestjs/swagger';
import { documentIdempotencyKey } from './idempotency-key.openapi.js';

describe('documentIdempotencyKey', () => {
  it('adds the optional header to every write operation and to nothing else, keeping their parameters', () => {
    const idParameter = { name: 'id', in: 'path' as const, required: true, schema: { type: 'string' as const } };
    const document = {
      openapi: '3.0.0',
      info: { title: 't', version: '1' },
      paths: {
        '/ideas': { get: { responses: {} }, post: { responses: {} } },
        '/ideas/{id}': { patch: { parameters: [idParameter], responses: {} }, delete: { responses: {} } },
        '/ideas/{id}/endorsement': { put: { responses: {} } },
      },
    } as OpenAPIObject;
    const sut = documentIdempotencyKey(document);
    const headerOf = (operation?: { parameters?: unknown[] }) => operation?.parameters?.filter((parameter) => (parameter as { name: string }).name === 'Idempotency-Key');
    expect(headerOf(sut.paths['/ideas'].get)).toBeUndefined();
    for (const operation of [sut.paths['/ideas'].post, sut.paths['/ideas/{id}'].patch, sut.paths['/ideas/{id}'].delete, sut.paths['/ideas/{id}/endorsement'].put]) {
      expect(headerOf(operation)).toEqual([expect.objectContaining({ in: 'header', required: false, schema: expect.objectContaining({ type: 'string' }) })]);
    }
    expect(sut.paths['/ideas/{id}'].patch?.parameters?.[0]).toBe(idParameter);
  });
});
