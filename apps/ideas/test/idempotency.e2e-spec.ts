import { randomUUID } from 'node:crypto';
import pg from 'pg';
import request from 'supertest';
import { gatewayApi, outboxEvents, ServiceProcess, TcpProxy, TEST_SERVICES, type PersonaClient } from '#ikm/testing';
import { ideaDraft } from './factories.js';

/**
 * `Idempotency-Key` on the writes of a service, through the gateway as a front end calls it. The ideas
 * service reaches PostgreSQL through a TCP proxy, which can lose the answer to a COMMIT.
 */
const proxy = new TcpProxy(TEST_SERVICES.ideas.databaseUrl);
let ideas: ServiceProcess;
const ORIGIN = 'https://app.ikm.test';
const gateway = new ServiceProcess(TEST_SERVICES.gateway, { CORS_ALLOWED_ORIGINS: ORIGIN });
const db = new pg.Pool({ connectionString: TEST_SERVICES.ideas.databaseUrl, max: 2 });
const ideasApi = gatewayApi(gateway, 'ideas');
const alice = ideasApi.as('idem-alice');
const bob = ideasApi.as('idem-bob');

function draft(title: string) {
  return ideaDraft({ title, problem: 'Clients retry writes whose answer they did not get', proposal: 'Idempotency keys' });
}

function post(caller: PersonaClient, path: string, body: object, key?: string): request.Test {
  const call = caller.post(path, body);
  return key === undefined ? call : call.set('idempotency-key', key);
}

async function ideasTitled(title: string): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(`SELECT id FROM ideas WHERE title = $1`, [title]);
  return rows.map((row) => row.id);
}

beforeAll(async () => {
  await proxy.start();
  ideas = new ServiceProcess(TEST_SERVICES.ideas, { DATABASE_URL: proxy.url });
  await ideas.start();
  await gateway.start();
});

afterAll(async () => {
  await gateway.stop();
  await ideas.stop();
  await proxy.cut();
  await db.end();
});

describe('a retry with the same key', () => {
  it('gets the first response (status, body, Location, ETag) and creates nothing more', async () => {
    const title = `Retried draft ${randomUUID()}`;
    const key = `"${randomUUID()}"`;
    const first = await post(alice, '', draft(title), key);
    const retry = await post(alice, '', draft(title), key);
    expect(first.status).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.location).toBe(`/api/v1/ideas/${first.body.id}`);
    expect(retry.headers.etag).toBe(first.headers.etag);
    expect(await ideasTitled(title)).toEqual([first.body.id]);
    expect(await outboxEvents(db, { aggregateId: first.body.id })).toHaveLength(1);
  });

  it('is the same key whether sent as a Structured Field string or bare', async () => {
    const title = `Quoted then bare ${randomUUID()}`;
    const key = randomUUID();
    const first = await post(alice, '', draft(title), `"${key}"`);
    const retry = await post(alice, '', draft(title), key);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body.id).toBe(first.body.id);
  });

  it('with its fields in another order is the same request', async () => {
    const title = `Reordered ${randomUUID()}`;
    const key = randomUUID();
    const { title: _title, ...rest } = draft(title);
    const first = await post(alice, '', { title, ...rest }, key);
    const retry = await post(alice, '', { ...rest, title }, key);
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
  });

  it('of a transition is answered with its outcome, not refused as a second submission', async () => {
    const created = await post(alice, '', draft(`Submitted twice ${randomUUID()}`));
    const key = randomUUID();
    const submitted = await post(alice, `/${created.body.id}/submit`, {}, key);
    const retry = await post(alice, `/${created.body.id}/submit`, {}, key);
    expect(submitted.status).toBe(200);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(submitted.body);
    expect(retry.headers.etag).toBe(submitted.headers.etag);
    const { rows } = await db.query(`SELECT count(*)::int AS transitions FROM idea_transitions WHERE idea_id = $1`, [created.body.id]);
    expect(rows).toEqual([{ transitions: 1 }]);
    // Without a key, the same request is a second submission, which the lifecycle refuses.
    expect((await post(alice, `/${created.body.id}/submit`, {})).status).toBe(409);
  });
});

describe('a key reused or misused', () => {
  it('for another body is a 422 problem, and nothing is done', async () => {
    const key = randomUUID();
    const title = `First body ${randomUUID()}`;
    const other = `Other body ${randomUUID()}`;
    expect((await post(alice, '', draft(title), key)).status).toBe(201);
    const reused = await post(alice, '', draft(other), key);
    expect(reused.status).toBe(422);
    expect(reused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(reused.body).toMatchObject({ status: 422, title: 'idempotency key reused' });
    expect(await ideasTitled(other)).toEqual([]);
  });

  it('by another caller is another key', async () => {
    const key = randomUUID();
    const title = `Two callers, one key ${randomUUID()}`;
    const byAlice = await post(alice, '', draft(title), key);
    const byBob = await post(bob, '', draft(title), key);
    expect(byBob.status).toBe(201);
    expect(byBob.headers['idempotent-replayed']).toBeUndefined();
    expect(byBob.body.id).not.toBe(byAlice.body.id);
    expect(byBob.body.authorId).toBe('idem-bob');
    expect((await ideasTitled(title)).sort()).toEqual([byAlice.body.id, byBob.body.id].sort());
  });

  it('after a request that failed lets the corrected request act (errors are not kept)', async () => {
    const key = randomUUID();
    const title = `Corrected ${randomUUID()}`;
    expect((await post(alice, '', { ...draft(title), problem: '' }, key)).status).toBe(400);
    const corrected = await post(alice, '', draft(title), key);
    expect(corrected.status).toBe(201);
    expect(corrected.headers['idempotent-replayed']).toBeUndefined();
    expect(await ideasTitled(title)).toEqual([corrected.body.id]);
  });

  it.each([
    ['longer than 255 characters', 'k'.repeat(256)],
    ['empty', '""'],
    ['two keys', '"one", "two"'],
    ['an unterminated string', '"abc'],
    ['with a space in a bare key', 'two words'],
  ])('%s is a 400 problem naming the header', async (_case, key) => {
    const title = `Bad key ${randomUUID()}`;
    const response = await post(alice, '', draft(title), key);
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.errors).toEqual([{ field: 'Idempotency-Key', reason: expect.any(String) }]);
    expect(await ideasTitled(title)).toEqual([]);
  });
});

it('concurrent duplicates act once: the others get the same response or a 409 to retry', async () => {
  const key = randomUUID();
  const title = `Concurrent duplicates ${randomUUID()}`;
  const responses = await Promise.all(Array.from({ length: 10 }, () => post(alice, '', draft(title), key)));
  const ids = await ideasTitled(title);
  expect(ids).toHaveLength(1);
  for (const response of responses) {
    if (response.status === 201) {
      expect(response.body.id).toBe(ids[0]);
    } else {
      expect(response.status).toBe(409);
      expect(response.headers['retry-after']).toBe('1');
      expect(response.body).toMatchObject({ status: 409, title: 'idempotency key in flight' });
    }
  }
  expect(responses.filter((response) => response.status === 201 && !response.headers['idempotent-replayed'])).toHaveLength(1);
  const later = await post(alice, '', draft(title), key);
  expect(later.status).toBe(201);
  expect(later.body.id).toBe(ids[0]);
});

it('keyed writes at once, more than the pool has connections, each on the one connection its request holds', async () => {
  // A keyed request holds a pooled connection until its outcome is recorded; a use case that read or
  // wrote outside that transaction asked for a second one, and a full pool then waited on itself.
  const created = await post(alice, '', draft(`Followed at once ${randomUUID()}`));
  expect(created.status).toBe(201);
  await alice.post(`/${created.body.id}/submit`).expect(200);
  const followers = Array.from({ length: 15 }, (_, index) => ideasApi.as(`idem-follower-${index}`));
  const answers = await Promise.all(followers.map((follower) => follower.put(`/${created.body.id}/follow`).set('idempotency-key', randomUUID())));
  expect(answers.map((answer) => answer.status)).toEqual(followers.map(() => 200));
  const { rows } = await db.query(`SELECT count(*)::int AS count FROM follows WHERE idea_id = $1`, [created.body.id]);
  expect(rows[0].count).toBe(followers.length);
});

it('a write whose COMMIT was answered with a lost connection is, on retry, answered and not done twice', async () => {
  const title = `Commit answer lost ${randomUUID()}`;
  const key = randomUUID();
  proxy.loseCommitAnswerAfter(title);
  const cutOff = await post(alice, '', draft(title), key);
  // The client cannot know: the service could not either, and says so with a 503 to retry.
  expect(cutOff.status).toBe(503);
  expect(cutOff.headers['retry-after']).toBeDefined();
  const committed = await ideasTitled(title);
  expect(committed).toHaveLength(1);
  const retry = await post(alice, '', draft(title), key);
  expect(retry.status).toBe(201);
  expect(retry.headers['idempotent-replayed']).toBe('true');
  expect(retry.body.id).toBe(committed[0]);
  expect(await ideasTitled(title)).toEqual(committed);
});

it('is documented on every write operation of the merged OpenAPI document and allowed by CORS', async () => {
  const document = (await request(gateway.baseUrl).get('/docs-json')).body as { paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string }> }>> };
  const writes = Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations)
      .filter(([method]) => ['post', 'put', 'patch', 'delete'].includes(method))
      .map(([method, operation]) => ({ operation: `${method} ${path}`, documented: (operation.parameters ?? []).some((parameter) => parameter.in === 'header' && parameter.name === 'Idempotency-Key') })),
  );
  expect(writes.map((write) => write.operation)).toContain('post /api/v1/ideas');
  expect(writes.filter((write) => !write.documented)).toEqual([]);
  const preflight = await request(gateway.baseUrl)
    .options('/api/v1/ideas')
    .set('origin', ORIGIN)
    .set('access-control-request-method', 'POST')
    .set('access-control-request-headers', 'authorization,content-type,idempotency-key');
  expect(preflight.headers['access-control-allow-headers']).toContain('idempotency-key');
});
