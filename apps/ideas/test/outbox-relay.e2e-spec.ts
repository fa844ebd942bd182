import { eventually, insertOutboxRecords, outboxEvents, ServiceProcess, TEST_SERVICES } from '#ikm/testing';
import pg from 'pg';
import { ideaCreatedRecord } from './factories.js';

/**
 * The relay reads the outbox from just below the last position it published. A row whose transaction
 * commits after many later rows were published sits far behind that cursor; it must still leave.
 */
const ideas = new ServiceProcess(TEST_SERVICES.ideas);
const db = new pg.Pool({ connectionString: TEST_SERVICES.ideas.databaseUrl, max: 3 });

async function isPublished(id: string): Promise<boolean> {
  const [event] = await outboxEvents(db, { id });
  return Boolean(event?.publishedAt);
}

/** Rows written beside the service, so that no commit signal wakes the relay. */
const rowsTitled = (...titles: string[]) => titles.map((title) => ideaCreatedRecord(undefined, { title }));

beforeAll(async () => {
  await ideas.start();
});

afterAll(async () => {
  await ideas.stop();
  await db.end();
});

it('publishes a row committed long after hundreds of later rows were published', async () => {
  const late = await db.connect();
  try {
    await late.query('BEGIN');
    const [lateId] = await insertOutboxRecords(late, rowsTitled('committed late'));

    // 500 rows with higher positions commit and leave while the first transaction is still open.
    const laterIds = await insertOutboxRecords(db, rowsTitled(...Array.from({ length: 500 }, (_, index) => `committed earlier ${index}`)));
    await eventually(async () => expect(await isPublished(laterIds.at(-1)!)).toBe(true));

    await late.query('COMMIT');
    await eventually(async () => expect(await isPublished(lateId)).toBe(true), 30_000);
  } finally {
    late.release();
  }
});

it('vacuums the outbox within a minute of publishing, so the dead versions of published rows do not pile up', async () => {
  const vacuums = async (): Promise<number> => {
    const { rows } = await db.query(`SELECT vacuum_count FROM pg_stat_user_tables WHERE relname = 'outbox'`);
    return Number(rows[0].vacuum_count);
  };
  const before = await vacuums();
  const [id] = await insertOutboxRecords(db, rowsTitled('published, then vacuumed away'));
  await eventually(async () => expect(await isPublished(id)).toBe(true));
  await eventually(async () => expect(await vacuums()).toBeGreaterThan(before), 90_000, 1_000);
});
