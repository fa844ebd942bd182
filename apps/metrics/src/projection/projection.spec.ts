import { inlineStatement } from './projection.js';

describe('inlineStatement', () => {
  it('writes parameters in as escaped literals, keeping their casts', () => {
    const sut = inlineStatement({
      sql: `INSERT INTO t (a, b, c, d, e) VALUES ($1, $2::jsonb, $3, $4, $10)`,
      params: [`O'Brien; DROP TABLE t; --`, JSON.stringify({ region: 'Côte d’Ivoire' }), 4.5, null, true, 0, 0, 0, 0, 'ten'],
    });
    expect(sut).toBe(`INSERT INTO t (a, b, c, d, e) VALUES ('O''Brien; DROP TABLE t; --', '{"region":"Côte d’Ivoire"}'::jsonb, 4.5, NULL, 'ten')`);
  });

  it('escapes backslashes the way PostgreSQL needs them', () => {
    // pg's escapeLiteral writes an E'' string with a leading space when there is a backslash.
    expect(inlineStatement({ sql: 'SELECT $1', params: ['a\\b'] })).toBe("SELECT  E'a\\\\b'");
  });

  it('refuses values it cannot write safely', () => {
    expect(() => inlineStatement({ sql: 'SELECT $1', params: [{ an: 'object' }] })).toThrow(/cannot inline/);
    expect(() => inlineStatement({ sql: 'SELECT $1', params: [Number.NaN] })).toThrow(/cannot inline/);
  });
});
