import type { EntityManager } from 'typeorm';
import { TransitionHistory, transitionHistoryTable } from './transition-history.js';

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

describe('transitionHistoryTable', () => {
  it('creates the table the history writes, its subject referencing the subjects, and the index it is read by', () => {
    const [table, index] = transitionHistoryTable({ table: 'enrolment_transitions', subjectColumn: 'enrolment_id' }, 'enrolments');
    expect(table).toMatch(/^CREATE TABLE "enrolment_transitions" \(/);
    expect(table).toContain('"enrolment_id"  uuid NOT NULL REFERENCES "enrolments" (id)');
    for (const column of ['from_status text NOT NULL', 'to_status   text NOT NULL', 'actor_id    text NOT NULL', 'reason      text,', 'at          timestamptz NOT NULL']) expect(table).toContain(column);
    expect(index).toBe('CREATE INDEX "enrolment_transitions_enrolment" ON "enrolment_transitions" ("enrolment_id", id)');
  });

  it('refuses a name that is not a plain SQL identifier', () => {
    expect(() => transitionHistoryTable({ table: 'x; DROP TABLE ideas', subjectColumn: 'x_id' }, 'xs')).toThrow('not a plain SQL identifier');
    expect(() => transitionHistoryTable({ table: 'x_transitions', subjectColumn: 'x_id' }, 'X-s')).toThrow('not a plain SQL identifier');
  });
});
