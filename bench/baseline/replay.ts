import pg from 'pg';
import { SELECT_EVENT_LOG_PAGE, UPSERT_FUNNEL } from './sql.js';

const BATCH = 2_000;

/**
 * The baseline for metrics' rebuild: the same transaction, lock, truncate, pages of 2,000 and one
 * funnel upsert per created or submitted event, on a plain pg client.
 */
export async function replayBaseline(databaseUrl: string): Promise<{ events: number; durationMs: number }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const started = performance.now();
  let events = 0;
  try {
    await client.query('BEGIN');
    await client.query('LOCK TABLE event_log IN SHARE MODE');
    await client.query('TRUNCATE funnel_ideas');
    let after = '0';
    for (;;) {
      const { rows } = await client.query(SELECT_EVENT_LOG_PAGE, [after, BATCH]);
      for (const row of rows) {
        const at = row.type.endsWith('.created.v1') ? row.data.createdAt : row.data.submittedAt;
        if (at) await client.query(UPSERT_FUNNEL, [row.data.ideaId, row.data.status, row.data.version, at]);
      }
      events += rows.length;
      if (rows.length < BATCH) break;
      after = rows[rows.length - 1].seq;
    }
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
  return { events, durationMs: Math.round(performance.now() - started) };
}
