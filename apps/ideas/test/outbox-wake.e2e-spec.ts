import { eventually, insertOutboxRecords, outboxEvents, serviceApi, ServiceProcess, TEST_SERVICES, type OutboxFilter } from '#ikm/testing';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { draftIdea, ideaCreatedRecord, ideaDraft } from './factories.js';

/**
 * A write's commit wakes the relay of its own process (no NOTIFY in the writing transaction any more).
 * The relay's poll is set to ten minutes here, so nothing but that wake-up can publish within the test.
 */
const ideas = new ServiceProcess(TEST_SERVICES.ideas, { OUTBOX_POLL_INTERVAL_MS: '600000' });
const db = new pg.Pool({ connectionString: TEST_SERVICES.ideas.databaseUrl, max: 2 });
const author = serviceApi(ideas).as('wake-author');

async function createIdea(title: string): Promise<string> {
  return (await draftIdea(author, ideaDraft({ title, problem: 'Events wait for the next poll.', proposal: 'Wake the relay on commit.' }))).id;
}

async function publishedAt(filter: OutboxFilter): Promise<Date | null> {
  const events = await outboxEvents(db, filter);
  expect(events).toHaveLength(1);
  return events[0].publishedAt;
}

/** A row written by other means than the service (no signal): only a poll or a later wake-up finds it. */
async function insertUnsignalledRow(): Promise<string> {
  const [id] = await insertOutboxRecords(db, [ideaCreatedRecord(undefined, { title: 'written beside the service' })]);
  return id;
}

beforeAll(async () => {
  await ideas.start();
});

afterAll(async () => {
  await ideas.stop();
  await db.end();
});

it('publishes a committed write at once, while the poll would wait ten minutes', async () => {
  // The relay's first read at start-up may publish this one; it proves the relay is connected.
  const first = await createIdea('First write after start');
  await eventually(async () => expect(await publishedAt({ aggregateId: first })).not.toBeNull());

  // Nothing signals this row: it stays unpublished, which shows the poll is really out of the way.
  const unsignalled = await insertUnsignalledRow();
  await sleep(2_000);
  expect(await publishedAt({ id: unsignalled })).toBeNull();

  // The next write through the service wakes the relay, which publishes both rows.
  const second = await createIdea('Second write wakes the relay');
  await eventually(async () => {
    expect(await publishedAt({ aggregateId: second })).not.toBeNull();
    expect(await publishedAt({ id: unsignalled })).not.toBeNull();
  }, 10_000);
});
