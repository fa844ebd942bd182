import { IdeaCreatedV1, IdeaUpdatedV1 } from '#ikm/contracts';
import { DEAD_LETTER_HEADERS, encodeCloudEvent } from '#ikm/messaging';
import { apiClient, eventIdOf, eventually, handledCount, headerText, serviceApi, ServiceProcess, TEST_SERVICES, TestKafka, waitUntilCaughtUp } from '#ikm/testing';
import type { Role } from '#ikm/auth';
import type { Message } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { ideaCreatedRecord, ideaDraft } from '../../ideas/test/factories.js';
import { REPLAY_PAGE_SIZE } from '../src/replay/use-cases/rebuild-projections.use-case.js';

/**
 * The event pipeline end to end: ideas and metrics as separate processes, as in production, over the
 * real broker and real databases, including the broker going away and metrics being killed.
 */
const ideas = new ServiceProcess(TEST_SERVICES.ideas);
const metrics = new ServiceProcess(TEST_SERVICES.metrics);
const kafka = new TestKafka();
const ideasDb = new pg.Pool({ connectionString: TEST_SERVICES.ideas.databaseUrl, max: 2 });
const metricsDb = new pg.Pool({ connectionString: TEST_SERVICES.metrics.databaseUrl, max: 2 });
const metricsApi = serviceApi(metrics);
/** One user on both services: writes ideas, reads the figures. */
const ROLES: Role[] = ['staff', 'reporting'];
const onIdeas = serviceApi(ideas).as('pipeline-user', ROLES);
const onMetrics = metricsApi.as('pipeline-user', ROLES);

type Funnel = Record<string, number>;

async function funnel(): Promise<Funnel> {
  const response = await onMetrics.get('/funnel');
  expect(response.status).toBe(200);
  return Object.fromEntries(response.body.stages.map((stage: { status: string; ideas: number }) => [stage.status, stage.ideas]));
}

async function createIdea(requestId?: string): Promise<string> {
  const call = onIdeas.post('', ideaDraft({ title: 'Pipeline idea', problem: 'Slow reporting', proposal: 'Events' }));
  if (requestId) call.set('x-request-id', requestId);
  const response = await call;
  expect(response.status).toBe(201);
  return response.body.id;
}

async function count(db: pg.Pool, sql: string, params: unknown[]): Promise<number> {
  const { rows } = await db.query(sql, params);
  return Number(rows[0].count);
}

/** Waits until metrics has consumed everything ideas has published, so counts can be compared. */
const caughtUp = () => waitUntilCaughtUp(ideasDb, metricsDb);

beforeAll(async () => {
  await ideas.start();
  await metrics.start();
  await caughtUp();
});

afterAll(async () => {
  await Promise.all([ideas.stop(), metrics.stop()]);
  await Promise.all([ideasDb.end(), metricsDb.end()]);
});

it('shows an idea created and submitted over HTTP in the metrics funnel within seconds, with its correlation id', async () => {
  const before = await funnel();
  const requestId = `e2e-flow-${Date.now()}`;
  const id = await createIdea(requestId);
  const submitted = await onIdeas.post(`/${id}/submit`).set('x-request-id', `${requestId}-submit`);
  expect(submitted.status).toBe(200);

  await eventually(async () => {
    const after = await funnel();
    expect(after.submitted).toBe(before.submitted + 1);
    expect(after.draft).toBe(before.draft);
  }, 10_000);

  const { rows } = await metricsDb.query(`SELECT type, correlation_id FROM event_log WHERE subject = $1 ORDER BY occurred_at`, [id]);
  expect(rows).toEqual([
    { type: 'ikm.ideas.idea.created.v1', correlation_id: requestId },
    { type: 'ikm.ideas.idea.submitted.v1', correlation_id: `${requestId}-submit` },
  ]);
  // The consumer's own log lines carry the correlation id of the HTTP request that caused the event.
  const handledLine = new RegExp(`"correlationId":"${requestId}-submit".*"msg":"event handled"`);
  await eventually(() => expect(handledLine.test(metrics.logs())).toBe(true));
});

it('counts the same event delivered twice only once', async () => {
  const ideaId = randomUUID();
  const event = encodeCloudEvent(ideaCreatedRecord(ideaId));
  const eventId = eventIdOf(event);
  const before = await funnel();
  const sentinel = encodeCloudEvent({
    ...ideaCreatedRecord(ideaId),
    type: IdeaUpdatedV1.type,
    payload: { ideaId, version: 2, changes: { title: 'Later' }, updatedAt: new Date().toISOString() },
  });
  // Same key, so all three land in one partition in this order: the sentinel proves both copies were seen.
  await kafka.produce(IdeaCreatedV1.topic, [event, event, sentinel]);

  await eventually(async () => {
    expect(await count(metricsDb, `SELECT count(*) FROM event_log WHERE event_id = $1`, [eventIdOf(sentinel)])).toBe(1);
  });
  expect(await count(metricsDb, `SELECT count(*) FROM event_log WHERE event_id = $1`, [eventId])).toBe(1);
  expect(await handledCount(metricsDb, [eventId])).toBe(1);
  expect((await funnel()).draft).toBe(before.draft + 1);
  expect(metrics.logs().includes(`"eventId":"${eventId}","type":"ikm.ideas.idea.created.v1","msg":"duplicate event skipped"`)).toBe(true);
});

it('dead-letters a malformed message and an unknown event version, and goes on with the next good one', async () => {
  const key = randomUUID();
  // Proper CloudEvents headers, but a value that is not JSON.
  const malformed: Message = { ...encodeCloudEvent(ideaCreatedRecord(key)), value: '{"this is": not json' };
  const unknownVersion = encodeCloudEvent({ ...ideaCreatedRecord(key), type: 'ikm.ideas.idea.created.v9' });
  const good = encodeCloudEvent(ideaCreatedRecord(key));
  await kafka.produce(IdeaCreatedV1.topic, [malformed, unknownVersion, good]);

  await eventually(async () => {
    expect(await count(metricsDb, `SELECT count(*) FROM funnel_ideas WHERE idea_id = $1`, [key])).toBe(1);
  });
  const { rows } = await metricsDb.query(`SELECT partition, "offset" FROM event_log WHERE event_id = $1`, [eventIdOf(good)]);
  const { partition, offset: goodOffset } = rows[0];

  const deadLetters = (await kafka.readAll(`${IdeaCreatedV1.topic}.dlq`, 2)).filter((record) => record.key?.toString() === key);
  expect(deadLetters).toHaveLength(2);
  const [first, second] = deadLetters;
  expect(first.value?.toString()).toBe('{"this is": not json');
  expect(headerText(second.headers, 'ce_type')).toBe('ikm.ideas.idea.created.v9');
  for (const record of deadLetters) {
    expect(headerText(record.headers, DEAD_LETTER_HEADERS.topic)).toBe(IdeaCreatedV1.topic);
    expect(headerText(record.headers, DEAD_LETTER_HEADERS.partition)).toBe(String(partition));
    expect(headerText(record.headers, DEAD_LETTER_HEADERS.consumer)).toBe('ikm.metrics');
  }
  expect(Number(headerText(first.headers, DEAD_LETTER_HEADERS.offset))).toBe(Number(goodOffset) - 2);
  expect(Number(headerText(second.headers, DEAD_LETTER_HEADERS.offset))).toBe(Number(goodOffset) - 1);
  expect(headerText(first.headers, DEAD_LETTER_HEADERS.error)).toMatch(/not a CloudEvent: .*JSON/);
  expect(headerText(second.headers, DEAD_LETTER_HEADERS.error)).toMatch(/unknown event type ikm.ideas.idea.created.v9/);
  expect(await handledCount(metricsDb, [eventIdOf(unknownVersion)])).toBe(0);
});

it('retries an event its handler cannot apply, then dead-letters it with the original error', async () => {
  const key = randomUUID();
  // Valid against the contract, but PostgreSQL refuses NUL in jsonb: every attempt fails the same way.
  const poison = encodeCloudEvent({ ...ideaCreatedRecord(key), payload: { ...ideaCreatedRecord(key).payload as object, title: 'nul \u0000' } });
  const goodBefore = encodeCloudEvent(ideaCreatedRecord(randomUUID()));
  const good = encodeCloudEvent(ideaCreatedRecord(randomUUID()));
  const before = await funnel();
  // One partition, one fetch: the consumer tries the three in one transaction, which the poison rolls
  // back; then each on its own. The good event before the poison must count once, not zero or twice.
  await kafka.produce(IdeaCreatedV1.topic, [{ ...goodBefore, key }, poison, { ...good, key }]);

  await eventually(async () => {
    expect(await count(metricsDb, `SELECT count(*) FROM event_log WHERE event_id = $1`, [eventIdOf(good)])).toBe(1);
  });
  expect(await count(metricsDb, `SELECT count(*) FROM event_log WHERE event_id = $1`, [eventIdOf(goodBefore)])).toBe(1);
  expect(await handledCount(metricsDb, [eventIdOf(goodBefore)])).toBe(1);
  expect((await funnel()).draft).toBe(before.draft + 2);
  const deadLetter = (await kafka.readAll(`${IdeaCreatedV1.topic}.dlq`, 3)).find((record) => record.key?.toString() === key);
  expect(headerText(deadLetter?.headers, 'ce_id')).toBe(eventIdOf(poison));
  expect(headerText(deadLetter?.headers, DEAD_LETTER_HEADERS.attempts)).toBe('5');
  expect(headerText(deadLetter?.headers, DEAD_LETTER_HEADERS.error)).toMatch(/unsupported Unicode escape sequence/);
  // The failed attempts rolled back: no inbox row, so a replay from the dead letters would be applied.
  expect(await handledCount(metricsDb, [eventIdOf(poison)])).toBe(0);
});

it('accepts 100 writes while Kafka is down and, once it is back, metrics counts each exactly once', async () => {
  await caughtUp();
  const before = await funnel();
  kafka.stopBroker();
  try {
    const ids: string[] = [];
    for (let batch = 0; batch < 10; batch += 1) ids.push(...(await Promise.all(Array.from({ length: 10 }, () => createIdea()))));
    expect(new Set(ids).size).toBe(100);
    expect(await count(ideasDb, `SELECT count(*) FROM outbox WHERE aggregate_id = ANY($1) AND published_at IS NULL`, [ids])).toBe(100);
    const ready = await apiClient(ideas).anonymous.get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'degraded', checks: { kafka: { status: 'down' }, database: { status: 'up' } } });

    kafka.startBroker();
    await eventually(async () => {
      expect(await count(metricsDb, `SELECT count(*) FROM funnel_ideas WHERE idea_id = ANY($1::uuid[])`, [ids])).toBe(100);
    }, 120_000);
    await caughtUp();
    expect((await funnel()).draft).toBe(before.draft + 100);
    expect(await count(metricsDb, `SELECT count(*) FROM event_log WHERE subject = ANY($1)`, [ids])).toBe(100);
    const { rows } = await metricsDb.query(`SELECT count(*) AS count, count(DISTINCT event_id) AS distinct FROM inbox WHERE event_id IN (SELECT event_id FROM event_log WHERE subject = ANY($1))`, [ids]);
    expect(rows[0]).toEqual({ count: '100', distinct: '100' });
  } finally {
    kafka.startBroker(); // no-op when already up; keeps later tests alive if an assertion failed
  }
});

describe('metrics stopped in the middle of a stream', () => {
  const STREAM = 3_000;

  async function produceStream(): Promise<string[]> {
    const ids = Array.from({ length: STREAM }, () => randomUUID());
    await kafka.produce(IdeaCreatedV1.topic, ids.map((id) => encodeCloudEvent(ideaCreatedRecord(id))));
    return ids;
  }

  async function loggedOf(ids: string[]): Promise<number> {
    return count(metricsDb, `SELECT count(*) FROM event_log WHERE subject = ANY($1)`, [ids]);
  }

  async function stopMidStream(ids: string[], signal: NodeJS.Signals) {
    await eventually(async () => expect(await loggedOf(ids)).toBeGreaterThan(0), 30_000, 20);
    const exit = await metrics.stop(signal);
    const loggedAtStop = await loggedOf(ids);
    // Otherwise the stream was consumed before the stop and this test proves nothing.
    expect(loggedAtStop).toBeLessThan(STREAM);
    return exit;
  }

  async function expectEachCountedOnce(ids: string[], before: Funnel): Promise<void> {
    await eventually(async () => expect(await loggedOf(ids)).toBe(STREAM), 120_000);
    const { rows } = await metricsDb.query(
      `SELECT count(*) AS count, count(DISTINCT subject) AS distinct FROM event_log WHERE subject = ANY($1)`,
      [ids],
    );
    expect(rows[0]).toEqual({ count: String(STREAM), distinct: String(STREAM) });
    expect(await count(metricsDb, `SELECT count(*) FROM funnel_ideas WHERE idea_id = ANY($1::uuid[])`, [ids])).toBe(STREAM);
    expect((await funnel()).draft).toBe(before.draft + STREAM);
  }

  it('stops cleanly on SIGTERM and resumes where it left off', async () => {
    await caughtUp();
    const before = await funnel();
    const ids = await produceStream();
    expect(await stopMidStream(ids, 'SIGTERM')).toEqual({ code: null, signal: 'SIGTERM' });
    // The log reaches the file through a pipe that may lag the exit a little.
    await eventually(() => expect(metrics.logs().includes('"msg":"consumer stopped"')).toBe(true), 5_000);
    await metrics.start();
    await expectEachCountedOnce(ids, before);
  });

  it('loses nothing and counts nothing twice when killed outright', async () => {
    const before = await funnel();
    const ids = await produceStream();
    await stopMidStream(ids, 'SIGKILL');
    await metrics.start();
    await expectEachCountedOnce(ids, before);
  });
});

it('rebuilds its projections from the event log to the same numbers, over more than one page of events', async () => {
  // More events than one replay page holds, whatever the earlier tests logged: a rebuild that stopped
  // after its first page would lose the drafts of the last ones.
  const ideaIds = Array.from({ length: REPLAY_PAGE_SIZE + 100 }, () => randomUUID());
  await kafka.produce(IdeaCreatedV1.topic, ideaIds.map((id) => encodeCloudEvent(ideaCreatedRecord(id))));
  await eventually(async () => {
    expect(await count(metricsDb, `SELECT count(*) FROM event_log WHERE subject = ANY($1)`, [ideaIds])).toBe(ideaIds.length);
  }, 60_000);
  await caughtUp();
  const before = await funnel();
  const { rows } = await metricsDb.query(`SELECT count(*) AS count FROM event_log`);
  expect(Number(rows[0].count)).toBeGreaterThan(REPLAY_PAGE_SIZE);
  const staff = await onMetrics.post('/projections/rebuild');
  expect(staff.status).toBe(403);
  const response = await metricsApi.as('metrics-admin', ['ikmu_admin']).post('/projections/rebuild');
  expect(response.status).toBe(200);
  expect(response.body).toMatchObject({ events: Number(rows[0].count), projections: ['funnel', 'stage-visits', 'experiments', 'benefits'] });
  expect(await funnel()).toEqual(before);
});
