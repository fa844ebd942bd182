import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { KnowledgeAssetPublishedV1 } from '#ikm/contracts';
import { eventIdOf, eventually, ServiceProcess, TcpProxy, TestKafka, TEST_SERVICES, tokenFor, waitUntilHandled } from '#ikm/testing';
import { knowledgeAssetPublished } from './knowledge-asset-events.js';

/**
 * The ideas service's database goes away under write load and comes back. The service reaches
 * PostgreSQL through a TCP proxy that the test cuts (open connections broken, new ones refused), as a
 * restart or a network cut would, without touching the server the machine shares.
 */
const proxy = new TcpProxy(TEST_SERVICES.ideas.databaseUrl);
let ideas: ServiceProcess;
const db = new pg.Pool({ connectionString: TEST_SERVICES.ideas.databaseUrl, max: 2 });
const kafka = new TestKafka();
let token: string;

interface Outcome {
  status: number;
  contentType: string | null;
  retryAfter: string | null;
  body: { id?: string; status?: number; title?: string };
}

async function write(title: string): Promise<Outcome> {
  const response = await fetch(`${ideas.baseUrl}/ideas`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ title, problem: 'The database went away', proposal: 'Answer 503 and carry on' }),
  });
  const body = (await response.json()) as Outcome['body'];
  return { status: response.status, contentType: response.headers.get('content-type'), retryAfter: response.headers.get('retry-after'), body };
}

/** Log lines written since `from` characters into the service's log, parsed. */
function logLinesSince(from: number): Array<{ level: number; msg: string }> {
  return ideas
    .logs()
    .slice(from)
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { level: number; msg: string });
}

beforeAll(async () => {
  token = await tokenFor('outage-writer');
  await proxy.start();
  ideas = new ServiceProcess(TEST_SERVICES.ideas, { DATABASE_URL: proxy.url });
  await ideas.start();
  await eventually(() => expect(logLinesSince(0).some((line) => line.msg === 'consuming')).toBe(true), 60_000);
});

afterAll(async () => {
  await ideas.stop();
  await proxy.cut();
  await db.end();
});

it('answers writes with a 503 problem and Retry-After while the database is away, logs the episode once, and loses nothing acknowledged or consumed', async () => {
  const outcomes: Outcome[] = [];
  let writing = true;
  let sequence = 0;
  const writers = Array.from({ length: 4 }, async () => {
    while (writing) {
      outcomes.push(await write(`outage write ${(sequence += 1)}`));
      await sleep(20);
    }
  });

  await eventually(() => expect(outcomes.filter((outcome) => outcome.status === 201).length).toBeGreaterThan(20));
  const logFrom = ideas.logs().length;
  const beforeCut = outcomes.length;
  await proxy.cut();
  await eventually(() => expect(outcomes.slice(beforeCut).filter((outcome) => outcome.status === 503).length).toBeGreaterThan(20));
  // Events arrive meanwhile: the consumer must wait for the database, neither retrying each record
  // until it gives up nor dead-lettering any (the old way took about 3 s per record, so the cut lasts longer).
  const assetIds = Array.from({ length: 10 }, () => randomUUID());
  const published = assetIds.map((assetId) =>
    knowledgeAssetPublished(assetId, {
      title: { en: `Asset published during the outage ${assetId}` },
      abstract: { en: 'Consumed once the database is back.' },
      subjects: ['resilience'],
      languages: ['en'],
      accessLevel: 'public',
    }),
  );
  await kafka.produce(KnowledgeAssetPublishedV1.topic, published);
  await sleep(4_000);
  const ready = await fetch(`${ideas.baseUrl}/health/ready`);
  expect(ready.status).toBe(503);
  expect(await ready.json()).toMatchObject({ status: 'down', checks: { database: { status: 'down' } } });

  const beforeRestore = outcomes.length;
  await proxy.start();
  await eventually(() => expect(outcomes.slice(beforeRestore).filter((outcome) => outcome.status === 201).length).toBeGreaterThan(20));
  writing = false;
  await Promise.all(writers);
  await eventually(async () => expect((await fetch(`${ideas.baseUrl}/health/ready`)).status).toBe(200));

  // Every write was either done (201) or refused with a problem the client can retry: never a 500.
  expect(new Set(outcomes.map((outcome) => outcome.status))).toEqual(new Set([201, 503]));
  for (const refused of outcomes.filter((outcome) => outcome.status === 503)) {
    expect(refused).toMatchObject({ contentType: expect.stringMatching(/^application\/problem\+json/), retryAfter: '5', body: { status: 503, title: 'service unavailable' } });
  }

  // Nothing acknowledged was lost.
  const acknowledged = outcomes.filter((outcome) => outcome.status === 201).map((outcome) => outcome.body.id);
  const { rows } = await db.query<{ id: string }>(`SELECT id FROM ideas WHERE id = ANY($1::uuid[])`, [acknowledged]);
  expect(rows.map((row) => row.id).sort()).toEqual([...acknowledged].sort());

  // Every event consumed, once the database was back.
  await waitUntilHandled(db, published.map(eventIdOf), 30_000);
  const { rows: assets } = await db.query(`SELECT asset_id FROM knowledge_assets WHERE asset_id = ANY($1::uuid[])`, [assetIds]);
  expect(assets).toHaveLength(assetIds.length);

  // One warning for the episode and one line when it ended, not a line (or a stack) per refused request.
  await eventually(() => expect(logLinesSince(logFrom).filter((line) => line.msg === 'database available again')).toHaveLength(1));
  const lines = logLinesSince(logFrom);
  expect(lines.filter((line) => line.msg.startsWith('database unavailable'))).toEqual([expect.objectContaining({ level: 40 })]);
  expect(lines.filter((line) => line.level >= 50)).toEqual([]);
  expect(lines.filter((line) => /handler failed|not applied together|dead-lettered/.test(line.msg))).toEqual([]);
  expect(lines.filter((line) => line.level === 40).length).toBeLessThanOrEqual(2);
  // The outbox relay met the same outage: logged in that one episode, not again by the relay.
  expect(lines.filter((line) => line.msg.startsWith('outbox relay could not publish'))).toEqual([]);
});
