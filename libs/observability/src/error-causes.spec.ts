import { causes } from './error-causes.js';

describe('causes', () => {
  it('gives the error, then what it wraps as its cause or, for TypeORM, its driverError', () => {
    const pgError = Object.assign(new Error('pg'), { code: '57P01' });
    const queryFailed = Object.assign(new Error('query failed'), { driverError: pgError });
    const outer = new Error('outer', { cause: queryFailed });
    expect([...causes(outer)].map((link) => link.message)).toEqual(['outer', 'query failed', 'pg']);
  });

  it('skips what is not an object, and gives a link reached twice once', () => {
    const shared = new Error('shared');
    const error = Object.assign(new Error('outer', { cause: shared }), { driverError: shared });
    expect([...causes(error)].map((link) => link.message)).toEqual(['outer', 'shared']);
    expect([...causes('Connection terminated')]).toEqual([]);
    expect([...causes(undefined)]).toEqual([]);
  });

  it('ends a chain that loops, and a very long one after 10 links', () => {
    const looping = new Error('first') as Error & { cause?: unknown };
    looping.cause = looping;
    expect([...causes(looping)]).toHaveLength(1);
    let deep: unknown;
    for (let i = 0; i < 50; i += 1) deep = new Error(String(i), { cause: deep });
    expect([...causes(deep)]).toHaveLength(10);
  });
});
