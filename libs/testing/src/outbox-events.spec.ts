import { outboxEvents, rowsOf, type TestDatabase } from './outbox-events.js';

/** A database that records what it was asked and answers like pg (`{ rows }`) or TypeORM (an array). */
function recordingDatabase(answer: (rows: unknown[]) => unknown) {
  const asked: Array<{ sql: string; params: unknown[] }> = [];
  const db: TestDatabase = {
    query: async (sql: string, params: unknown[] = []) => {
      asked.push({ sql: sql.replace(/\s+/g, ' ').trim(), params });
      return answer([{ id: 'e1' }]);
    },
  };
  return { db, asked };
}

it('filters on every field given, in a fixed order, and on nothing when none is', async () => {
  const { db, asked } = recordingDatabase((rows) => ({ rows }));
  await outboxEvents(db, { type: 'ikm.ideas.idea.adopted.v1', aggregateId: 'a1' });
  await outboxEvents(db, { id: 'e1' });
  await outboxEvents(db);
  expect(asked.map(({ sql, params }) => [sql.slice(sql.indexOf('FROM')), params])).toEqual([
    ['FROM outbox WHERE aggregate_id = $1 AND type = $2 ORDER BY position', ['a1', 'ikm.ideas.idea.adopted.v1']],
    ['FROM outbox WHERE id = $1 ORDER BY position', ['e1']],
    ['FROM outbox ORDER BY position', []],
  ]);
});

it('reads rows from pg’s result and from TypeORM’s array alike', async () => {
  expect(await rowsOf(recordingDatabase((rows) => ({ rows })).db, 'SELECT 1')).toEqual([{ id: 'e1' }]);
  expect(await rowsOf(recordingDatabase((rows) => rows).db, 'SELECT 1')).toEqual([{ id: 'e1' }]);
});
