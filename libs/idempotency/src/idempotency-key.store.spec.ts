import { judgeStoredKey, scopeKeys, type StoredKey } from './idempotency-key.store.js';

describe('judgeStoredKey', () => {
  const done: StoredKey = { fingerprint: 'f1', status: 201, headers: { location: '/ideas/1', etag: '"1"' }, body: '{"id":"1"}' };

  it('lets a request act when nothing is recorded under its key', () => {
    expect(judgeStoredKey(undefined, 'f1')).toEqual({ outcome: 'act' });
  });

  it('replays a request done before with the same fingerprint', () => {
    expect(judgeStoredKey(done, 'f1')).toEqual({
      outcome: 'replay',
      response: { status: 201, headers: { location: '/ideas/1', etag: '"1"' }, body: '{"id":"1"}' },
    });
  });

  it('replays a response without a body as such', () => {
    expect(judgeStoredKey({ ...done, status: 200, headers: {}, body: null }, 'f1')).toEqual({
      outcome: 'replay',
      response: { status: 200, headers: {}, body: null },
    });
  });

  it('says reused for another request', () => {
    expect(judgeStoredKey(done, 'f2')).toEqual({ outcome: 'reused' });
  });
});

describe('scopeKeys', () => {
  const scope = { caller: 'alice', method: 'POST', path: '/ideas', key: 'k1' };

  it('is stable, and short whatever the length of the path and key', () => {
    expect(scopeKeys(scope)).toEqual(scopeKeys({ ...scope }));
    expect(scopeKeys({ ...scope, path: `/ideas/${'x'.repeat(5000)}` }).id).toHaveLength(43);
  });

  it('gives a lock key that PostgreSQL takes as an integer', () => {
    const { lock } = scopeKeys(scope);
    expect(Number.isInteger(lock) && lock >= -(2 ** 31) && lock < 2 ** 31).toBe(true);
  });

  it.each([
    ['caller', { caller: 'bob' }],
    ['method', { method: 'PUT' }],
    ['path', { path: '/ideas/1/submit' }],
    ['key', { key: 'k2' }],
  ])('differs with the %s', (_part, change) => {
    expect(scopeKeys({ ...scope, ...change }).id).not.toBe(scopeKeys(scope).id);
    expect(scopeKeys({ ...scope, ...change }).lock).not.toBe(scopeKeys(scope).lock);
  });

  it('cannot be confused by a separator moved between parts', () => {
    expect(scopeKeys({ ...scope, caller: 'a', path: 'b/c' }).id).not.toBe(scopeKeys({ ...scope, caller: 'a/b', path: 'c' }).id);
  });
});
