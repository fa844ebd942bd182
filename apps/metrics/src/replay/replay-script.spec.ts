import type { EntityManager } from 'typeorm';
import { replayStatementName, ReplayScript, untypedLiteral } from './replay-script.js';

/** A connection that already holds the statements named. */
function connectionHolding(names: string[]): EntityManager {
  return { query: async () => names.map((name) => ({ name })) } as unknown as EntityManager;
}

const UPSERT = `INSERT INTO t (a, b) VALUES ($1, $2::jsonb) ON CONFLICT (a) DO NOTHING`;

describe('ReplayScript', () => {
  it('prepares a statement text the first time it appears, then only executes it', async () => {
    const sut = await ReplayScript.onConnectionOf(connectionHolding([]));
    const name = replayStatementName(UPSERT);
    const first = sut.scriptFor([
      { sql: UPSERT, params: ['x', '{}'] },
      { sql: UPSERT, params: ['y', '{}'] },
    ]);
    expect(first).toBe(`PREPARE ${name} AS ${UPSERT};\nEXECUTE ${name}('x', '{}');\nEXECUTE ${name}('y', '{}')`);
    expect(sut.scriptFor([{ sql: UPSERT, params: ['z', '{}'] }])).toBe(`EXECUTE ${name}('z', '{}')`);
  });

  it('does not prepare again what an earlier replay left on the connection', async () => {
    const name = replayStatementName(UPSERT);
    const sut = await ReplayScript.onConnectionOf(connectionHolding([name]));
    expect(sut.scriptFor([{ sql: UPSERT, params: ['x', null] }])).toBe(`EXECUTE ${name}('x', NULL)`);
  });

  it('names statements apart from the ones pg prepares itself', () => {
    expect(replayStatementName(UPSERT)).toMatch(/^replay_[0-9a-f]{20}$/);
    expect(replayStatementName(UPSERT)).not.toBe(replayStatementName(`${UPSERT} `));
  });
});

describe('untypedLiteral', () => {
  it('quotes every value so that PostgreSQL types it by its parameter', () => {
    expect(untypedLiteral(4.5)).toBe(`'4.5'`);
    expect(untypedLiteral(true)).toBe(`'true'`);
    expect(untypedLiteral(new Date('2026-01-02T03:04:05.000Z'))).toBe(`'2026-01-02T03:04:05.000Z'`);
    expect(untypedLiteral(undefined)).toBe('NULL');
  });

  it('escapes quotes and backslashes, so a value can never end its literal', () => {
    expect(untypedLiteral(`O'Brien'); DROP TABLE t; --`)).toBe(`'O''Brien''); DROP TABLE t; --'`);
    // pg's escapeLiteral writes an E'' string, with a leading space, when there is a backslash.
    expect(untypedLiteral('a\\b')).toBe(` E'a\\\\b'`);
  });

  it('refuses values it cannot write safely', () => {
    expect(() => untypedLiteral({ an: 'object' })).toThrow(/cannot write/);
    expect(() => untypedLiteral(Number.NaN)).toThrow(/cannot write/);
  });
});
