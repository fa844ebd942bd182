import { judgeStoredKey, scopeId, type StoredKey } from './idempotency-key.store.js';

describe('judgeStoredKey', () => {
  const completed: StoredKey = { fingerprint: 'f1', status: 201, headers: { location: '/ideas/1', etag: '"1"' }, body: '{"id":"1"}' };
  const inFlight: StoredKey = { fingerprint: 'f1', status: null, headers: null, body: null };

  it('replays a completed request with the same fingerprint', () => {
    expect(judgeStoredKey(completed, 'f1')).toEqual({
      outcome: 'replay',
      response: { status: 201, headers: { location: '/ideas/1', etag: '"1"' }, body: '{"id":"1"}' },
    });
  });

  it('replays a response without a body or headers as such', () => {
    expect(judgeStoredKey({ fingerprint: 'f1', status: 200, headers: null, body: null }, 'f1')).toEqual({
      outcome: 'replay',
      response: { status: 200, headers: {}, body: null },
    });
  });

  it('says in flight while the first attempt holds the key', () => {
    expect(judgeStoredKey(inFlight, 'f1')).toEqual({ outcome: 'in-flight' });
  });

  it('says reused for another request, completed or still in flight', () => {
    expect(judgeStoredKey(completed, 'f2')).toEqual({ outcome: 'reused' });
    expect(judgeStoredKey(inFlight, 'f2')).toEqual({ outcome: 'reused' });
  });
});

describe('scopeId', () => {
  const scope = { caller: 'alice', method: 'POST', path: '/ideas', key: 'k1' };

  it('is stable and short whatever the length of the path and key', () => {
    expect(scopeId(scope)).toBe(scopeId({ ...scope }));
    expect(scopeId({ ...scope, path: `/ideas/${'x'.repeat(5000)}` })).toHaveLength(43);
  });

  it.each([
    ['caller', { caller: 'bob' }],
    ['method', { method: 'PUT' }],
    ['path', { path: '/ideas/1/submit' }],
    ['key', { key: 'k2' }],
  ])('differs with the %s', (_part, change) => {
    expect(scopeId({ ...scope, ...change })).not.toBe(scopeId(scope));
  });

  it('cannot be confused by a separator moved between parts', () => {
    expect(scopeId({ ...scope, caller: 'a', path: 'b/c' })).not.toBe(scopeId({ ...scope, caller: 'a/b', path: 'c' }));
  });
});
