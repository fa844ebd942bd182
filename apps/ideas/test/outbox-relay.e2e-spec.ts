import { eventually, ServiceProcess, TEST_SERVICES } from '#ikm/testing';
import pg from 'pg';
import { INSERT_OUTBOX_ROW, outboxRow } from './outbox-rows.js';

/**
 * The relay reads the outbox from just below the last position it published. A row whose transaction
 * commits after many later rows were published sits far behind that cursor; it must still leave.
 */
const ideas = new ServiceProcess(TEST_SERVICES.ideas);
const db = new pg.Pool({ connectionString: TEST_SERVICES.ideas.databaseUrl, max: 3 });

async function isPublished(id: string): Promise<boolean> {
  const { rows } = await db.query(`SELECT published_at IS NOT NULL AS published FROM outbox WHERE id = $1`, [id]);
  return rows[0]?.published === true;
}

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
    const { rows: [lateRow] } = await late.query(INSERT_OUTBOX_ROW, outboxRow('committed late'));

    // 500 rows with higher positions commit and leave while the first transaction is still open.
    const later = Array.from({ length: 500 }, (_, index) => outboxRow(`committed earlier ${index}`));
    const { rows: laterRows } = await db.query(
      `INSERT INTO outbox (id, topic, aggregate_id, type, source, payload)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::jsonb[]) RETURNING id`,
      [0, 1, 2, 3, 4, 5].map((column) => later.map((row) => row[column])),
    );
    await eventually(async () => expect(await isPublished(laterRows.at(-1).id)).toBe(true));

    await late.query('COMMIT');
    await eventually(async () => expect(await isPublished(lateRow.id)).toBe(true), 30_000);
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
  const { rows: [row] } = await db.query(INSERT_OUTBOX_ROW, outboxRow('published, then vacuumed away'));
  await eventually(async () => expect(await isPublished(row.id)).toBe(true));
  await eventually(async () => expect(await vacuums()).toBeGreaterThan(before), 90_000, 1_000);
});
