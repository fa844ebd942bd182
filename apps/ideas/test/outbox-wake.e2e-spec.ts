import { eventually, ServiceProcess, TEST_SERVICES, tokenFor } from '#ikm/testing';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import request from 'supertest';
import { INSERT_OUTBOX_ROW, outboxRow } from './outbox-rows.js';

/**
 * A write's commit wakes the relay of its own process (no NOTIFY in the writing transaction any more).
 * The relay's poll is set to ten minutes here, so nothing but that wake-up can publish within the test.
 */
const ideas = new ServiceProcess(TEST_SERVICES.ideas, { OUTBOX_POLL_INTERVAL_MS: '600000' });
const db = new pg.Pool({ connectionString: TEST_SERVICES.ideas.databaseUrl, max: 2 });
let author: string;

async function createIdea(title: string): Promise<string> {
  const response = await request(ideas.baseUrl)
    .post('/ideas')
    .set('authorization', `Bearer ${author}`)
    .send({ title, problem: 'Events wait for the next poll.', proposal: 'Wake the relay on commit.' });
  expect(response.status).toBe(201);
  return (response.body as { id: string }).id;
}

async function publishedAt(column: 'aggregate_id' | 'id', value: string): Promise<Date | null> {
  const { rows } = await db.query(`SELECT published_at FROM outbox WHERE ${column} = $1`, [value]);
  expect(rows).toHaveLength(1);
  return rows[0].published_at as Date | null;
}

/** A row written by other means than the service (no signal): only a poll or a later wake-up finds it. */
async function insertUnsignalledRow(): Promise<string> {
  const { rows: [row] } = await db.query(INSERT_OUTBOX_ROW, outboxRow('written beside the service'));
  return row.id as string;
}

beforeAll(async () => {
  author = await tokenFor('wake-author');
  await ideas.start();
});

afterAll(async () => {
  await ideas.stop();
  await db.end();
});

it('publishes a committed write at once, while the poll would wait ten minutes', async () => {
  // The relay's first read at start-up may publish this one; it proves the relay is connected.
  const first = await createIdea('First write after start');
  await eventually(async () => expect(await publishedAt('aggregate_id', first)).not.toBeNull());

  // Nothing signals this row: it stays unpublished, which shows the poll is really out of the way.
  const unsignalled = await insertUnsignalledRow();
  await sleep(2_000);
  expect(await publishedAt('id', unsignalled)).toBeNull();

  // The next write through the service wakes the relay, which publishes both rows.
  const second = await createIdea('Second write wakes the relay');
  await eventually(async () => {
    expect(await publishedAt('aggregate_id', second)).not.toBeNull();
    expect(await publishedAt('id', unsignalled)).not.toBeNull();
  }, 10_000);
});
