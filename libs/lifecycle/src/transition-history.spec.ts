import type { EntityManager } from 'typeorm';
import { TransitionHistory } from './transition-history.js';

/** Records the statements the history sends, and answers a read with the rows given. */
function managerAnswering(rows: unknown[] = []) {
  const queries: Array<{ sql: string; parameters: unknown[] }> = [];
  const manager = { query: async (sql: string, parameters: unknown[]) => (queries.push({ sql, parameters }), rows) } as unknown as EntityManager;
  return { manager, queries };
}

describe('TransitionHistory', () => {
  const sut = new TransitionHistory<'requested' | 'confirmed'>({ table: 'enrolment_transitions', subjectColumn: 'enrolment_id' });
  const at = new Date('2026-03-01T09:00:00Z');

  it('writes a move into the table of its kind of subject', async () => {
    const { manager, queries } = managerAnswering();
    await sut.record(manager, 'e1', { from: 'requested', to: 'confirmed', reason: null }, 'coord', at);
    expect(queries).toEqual([
      {
        sql: 'INSERT INTO "enrolment_transitions" ("enrolment_id", from_status, to_status, actor_id, reason, at) VALUES ($1, $2, $3, $4, $5, $6)',
        parameters: ['e1', 'requested', 'confirmed', 'coord', null, at],
      },
    ]);
  });

  it('reads a subject’s moves in the order written, as the API shows them', async () => {
    const { manager, queries } = managerAnswering([{ from_status: 'requested', to_status: 'confirmed', actor_id: 'coord', reason: 'seat freed', at }]);
    expect(await sut.of(manager, 'e1')).toEqual([{ from: 'requested', to: 'confirmed', actorId: 'coord', reason: 'seat freed', at: '2026-03-01T09:00:00.000Z' }]);
    expect(queries[0].sql).toMatch(/FROM "enrolment_transitions" WHERE "enrolment_id" = \$1 ORDER BY id$/);
  });

  it('refuses a table or column name that is not a plain identifier, since names go into the SQL text', () => {
    expect(() => new TransitionHistory({ table: 'x; DROP TABLE ideas', subjectColumn: 'x_id' })).toThrow('not a plain SQL identifier');
    expect(() => new TransitionHistory({ table: 'x', subjectColumn: 'X-id' })).toThrow('not a plain SQL identifier');
  });
});
