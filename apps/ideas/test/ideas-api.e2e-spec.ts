import { spawnSync } from 'node:child_process';
import http from 'node:http';
import pg from 'pg';
import type { Response } from 'supertest';
import { serviceEntry } from '../../../scripts/platform.js';
import { apiClient, outboxEvents, serviceApi, ServiceProcess, serviceEnv, TEST_SERVICES } from '#ikm/testing';
import { draftIdea, openChallenge } from './factories.js';

/** The ideas REST API, run as its own process against the real database (Kafka is not needed to write). */
const ideas = new ServiceProcess(TEST_SERVICES.ideas);
const db = new pg.Pool({ connectionString: TEST_SERVICES.ideas.databaseUrl, max: 2 });
const ideasApi = serviceApi(ideas);
const alice = ideasApi.as('alice');
const bob = ideasApi.as('bob');

const draft = { title: 'Shared translation memory', problem: 'Offices translate the same texts', proposal: 'One memory for all', themes: ['knowledge-sharing'] };

/** Without a token, from the service's root (probes, documents). */
const anonymous = apiClient(ideas).anonymous;

/**
 * A POST that declares a body of `bytes` but sends only its start, and reads the answer. Sending a real
 * oversized body races the server: it answers 413 and closes the connection while the client is still
 * writing, and the client then sees EPIPE instead of the answer.
 */
function postDeclaring(bytes: number, token: string): Promise<{ status: number; body: { type?: string } }> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${ideas.baseUrl}/ideas`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': String(bytes) },
    });
    request.on('response', (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => {
        request.destroy();
        resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) as { type?: string } });
      });
    });
    request.on('error', reject);
    request.write('{"title":"');
  });
}

beforeAll(async () => {
  await ideas.start();
});

afterAll(async () => {
  await ideas.stop();
  await db.end();
});

describe('authentication', () => {
  it('refuses a request without a token with a 401 problem', async () => {
    const response = await anonymous.get('/ideas');
    expect(response.status).toBe(401);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.headers['www-authenticate']).toBe('Bearer');
    expect(response.body).toMatchObject({ status: 401, title: 'unauthorized', instance: '/ideas' });
  });

  it('refuses a token signed with another secret', async () => {
    const forged = (await ideasApi.token('alice')).replace(/\.[^.]+$/, '.AAAA');
    expect((await anonymous.get('/ideas').set('authorization', `Bearer ${forged}`)).status).toBe(401);
  });

  it('lets health probes and the API documents through without a token', async () => {
    expect((await anonymous.get('/health/live')).status).toBe(200);
    const ready = await anonymous.get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.checks.database).toMatchObject({ status: 'up', critical: true });
    const openApi = await anonymous.get('/docs-json');
    expect(openApi.status).toBe(200);
    expect(Object.keys(openApi.body.paths)).toEqual(expect.arrayContaining(['/ideas', '/ideas/{id}', '/ideas/{id}/submit']));
    expect((await anonymous.get('/docs')).status).toBe(200);
  });
});

describe('creating a draft', () => {
  it('returns the draft with its location and ETag, the author taken from the token', async () => {
    const response = await alice.post('', draft);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ ...draft, status: 'draft', authorId: 'alice', version: 1, submittedAt: null });
    expect(response.headers.location).toBe(`/ideas/${response.body.id}`);
    expect(response.headers.etag).toBe('"1"');
  });

  it('writes the created event to the outbox in the same transaction, with the request id as correlation id', async () => {
    const response = await alice.post().set('x-request-id', 'req-outbox-1').send(draft);
    expect(response.headers['x-request-id']).toBe('req-outbox-1');
    expect(await outboxEvents(db, { aggregateId: response.body.id })).toMatchObject([
      {
        type: 'ikm.ideas.idea.created.v1',
        topic: 'ikm.ideas.idea',
        aggregateId: response.body.id,
        correlationId: 'req-outbox-1',
        actor: 'alice',
        payload: expect.objectContaining({ ideaId: response.body.id, version: 1, status: 'draft', authorId: 'alice' }),
      },
    ]);
  });

  it.each([
    ['status', 'adopted'],
    ['authorId', 'mallory'],
    ['version', 99],
    ['id', '00000000-0000-4000-8000-000000000000'],
    ['createdAt', '2020-01-01T00:00:00Z'],
  ])('refuses the server-owned field %s with a 400 naming it', async (field, value) => {
    const response = await alice.post('', { ...draft, [field]: value });
    expect(response.status).toBe(400);
    expect(response.body.errors).toContainEqual({ field, reason: `property ${field} should not exist` });
  });

  it.each([
    ['title', { ...draft, title: 'ab' }],
    ['title', { ...draft, title: 42 }],
    ['problem', { title: draft.title, proposal: 'x' }],
    ['proposal', { ...draft, proposal: 'x'.repeat(10_001) }],
    ['themes', { ...draft, themes: 'one' }],
    ['themes', { ...draft, themes: ['a', 'a'] }],
    ['themes', { ...draft, themes: Array.from({ length: 11 }, (_, i) => `t${i}`) }],
    ['title', { ...draft, title: 'Nul \u0000 inside' }],
    ['themes', { ...draft, themes: ['nul\u0000'] }],
  ])('refuses an invalid %s with a 400 naming it', async (field, body) => {
    const response = await alice.post('', body);
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
  });

  it('refuses malformed JSON and oversized bodies with problems, never a 500', async () => {
    const malformed = await alice.post().set('content-type', 'application/json').send('{"title":');
    expect(malformed.status).toBe(400);
    expect(malformed.body.type).toMatch(/problems\/bad-request$/);
    const huge = await postDeclaring(2_000_000, await ideasApi.token('alice'));
    expect(huge.status).toBe(413);
    expect(huge.body.type).toMatch(/problems\/payload-too-large$/);
  });
});

describe('reading', () => {
  it('shows a draft to its author only', async () => {
    const { id } = await draftIdea(alice, draft);
    expect((await alice.get(`/${id}`)).status).toBe(200);
    const asBob = await bob.get(`/${id}`);
    expect(asBob.status).toBe(404);
    expect(asBob.body.type).toMatch(/problems\/idea-not-found$/);
  });

  it('answers a malformed id with a 400 naming the id', async () => {
    const response = await alice.get('/not-a-uuid');
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ field: 'id', reason: 'must be a UUID' }]);
  });
});

describe('editing and submitting', () => {
  it('lets the author edit the draft, bumping the version', async () => {
    const { id } = await draftIdea(alice, draft);
    const response = await alice.patch(`/${id}`).set('if-match', '"1"').send({ title: 'A better title' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ title: 'A better title', problem: draft.problem, version: 2 });
    expect(response.headers.etag).toBe('"2"');
    const events = await outboxEvents(db, { aggregateId: id });
    expect(events.map(({ type, payload }) => ({ type, changes: payload.changes ?? null }))).toEqual([
      { type: 'ikm.ideas.idea.created.v1', changes: null },
      { type: 'ikm.ideas.idea.updated.v1', changes: { title: 'A better title' } },
    ]);
  });

  it('clears challengeId and expectedBenefits with null, and refuses null for a field that cannot be empty', async () => {
    const challengeId = await openChallenge(ideasApi.as('kim', ['km_officer']));
    const expectedBenefits = { description: 'Fewer translations', annualSavingsUsd: 1000.5, staffHours: null };
    const { id } = await draftIdea(alice, { ...draft, challengeId, expectedBenefits });
    const cleared = await alice.patch(`/${id}`, { challengeId: null, expectedBenefits: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({ challengeId: null, expectedBenefits: null, version: 2 });
    const { rows } = await db.query(`SELECT challenge_id, expected_benefits FROM ideas WHERE id = $1`, [id]);
    expect(rows).toEqual([{ challenge_id: null, expected_benefits: null }]);

    const nulled = await alice.patch(`/${id}`, { title: null, themes: null });
    expect(nulled.status).toBe(400);
    expect(nulled.body.errors.map((error: { field: string }) => error.field)).toEqual(expect.arrayContaining(['title', 'themes']));
    expect((await alice.get(`/${id}`)).body).toMatchObject({ title: draft.title, themes: draft.themes, version: 2 });
  });

  it('refuses a stale If-Match with 412 and leaves the draft as it was', async () => {
    const { id } = await draftIdea(alice, draft);
    await alice.patch(`/${id}`, { title: 'First edit' }).expect(200);
    const stale = await alice.patch(`/${id}`).set('if-match', '"1"').send({ title: 'Lost update' });
    expect(stale.status).toBe(412);
    expect(stale.body.currentVersion).toBe(2);
    const current = await alice.get(`/${id}`);
    expect(current.body.title).toBe('First edit');
  });

  it('refuses a stale If-Match on submission and on a transition with 412, changing nothing: status, version, history, events', async () => {
    const admin = ideasApi.as('ada', ['ikmu_admin']);
    const { id } = await draftIdea(alice);
    await alice.patch(`/${id}`, { title: 'First edit' }).expect(200);
    const stateOf = async () => {
      const idea = await alice.get(`/${id}`);
      const { rows: history } = await db.query(`SELECT from_status, to_status FROM idea_transitions WHERE idea_id = $1 ORDER BY id`, [id]);
      const events = await outboxEvents(db, { aggregateId: id });
      return { status: idea.body.status, version: idea.body.version, etag: idea.headers.etag, history, events: events.map((event) => event.type) };
    };

    const draft = await stateOf();
    expect(draft).toMatchObject({ status: 'draft', version: 2, history: [] });
    const staleSubmit = await alice.post(`/${id}/submit`).set('if-match', '"1"');
    expect(staleSubmit.status).toBe(412);
    expect(staleSubmit.body).toMatchObject({ type: expect.stringMatching(/problems\/idea-version-mismatch$/), currentVersion: 2 });
    expect(await stateOf()).toEqual(draft);

    await alice.post(`/${id}/submit`).set('if-match', '"2"').expect(200);
    const submitted = await stateOf();
    expect(submitted).toMatchObject({ status: 'submitted', version: 3, history: [{ from_status: 'draft', to_status: 'submitted' }] });
    const staleTransition = await admin.post(`/${id}/transitions`).set('if-match', '"2"').send({ to: 'in_review' });
    expect(staleTransition.status).toBe(412);
    expect(staleTransition.body.currentVersion).toBe(3);
    expect(await stateOf()).toEqual(submitted);
  });

  it('never answers If-None-Match with a 304 for an idea: endorsements change it without a new version', async () => {
    const { id } = await draftIdea(alice, draft);
    await alice.post(`/${id}/submit`).expect(200);
    const held = await bob.get(`/${id}`);
    expect([held.status, held.headers.etag, held.body.endorsementCount]).toEqual([200, '"2"', 0]);
    await bob.put(`/${id}/endorsement`).expect(200);
    const again = await bob.get(`/${id}`).set('if-none-match', held.headers.etag);
    expect([again.status, again.headers.etag, again.body.endorsementCount]).toEqual([200, '"2"', 1]);
  });

  it('versions challenges the same way: ETag, and a stale If-Match is a 412 with the challenge’s own problem', async () => {
    const officer = ideasApi.as('kim', ['km_officer']);
    const posed = await officer.post('/challenges', { title: 'Versioned', description: 'd', opensAt: '2026-01-01T00:00:00Z', closesAt: '2099-01-01T00:00:00Z', criteria: [{ key: 'impact', name: 'Impact', weight: 1 }] });
    expect([posed.status, posed.headers.etag]).toEqual([201, '"1"']);
    const path = `/challenges/${posed.body.id}`;
    const edited = await officer.patch(path, { title: 'Versioned, edited' }).set('if-match', '"1"');
    expect([edited.status, edited.headers.etag]).toEqual([200, '"2"']);
    const stale = await officer.patch(path, { title: 'Lost update' }).set('if-match', '"1"');
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ type: expect.stringMatching(/problems\/challenge-version-mismatch$/), currentVersion: 2 });
    const current = await officer.get(path);
    expect([current.headers.etag, current.body.title]).toEqual(['"2"', 'Versioned, edited']);
  });

  it('hides another user’s draft from their edits', async () => {
    const { id } = await draftIdea(alice, draft);
    expect((await bob.patch(`/${id}`, { title: 'Hijacked' })).status).toBe(404);
  });

  it('submits once; a second submit is a 409 naming the allowed transitions; a submitted idea is not editable', async () => {
    const { id } = await draftIdea(alice, draft);
    const submitted = await alice.post(`/${id}/submit`);
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', version: 2 });
    expect(submitted.body.submittedAt).toEqual(expect.any(String));

    const again = await alice.post(`/${id}/submit`);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ currentStatus: 'submitted', allowedTransitions: ['in_review', 'not_pursued', 'withdrawn'] });

    const edit = await alice.patch(`/${id}`, { title: 'Too late' });
    expect(edit.status).toBe(409);
    const byBob = await bob.patch(`/${id}`, { title: 'Not mine' });
    expect(byBob.status).toBe(403);
    expect((await bob.get(`/${id}`)).status).toBe(200);
  });

  it('refuses a submit by someone else with 404 while it is a draft', async () => {
    const { id } = await draftIdea(alice, draft);
    expect((await bob.post(`/${id}/submit`)).status).toBe(404);
  });
});

describe('listing', () => {
  it('pages newest first through every visible idea without gaps or repeats', async () => {
    const author = `lister-${Date.now()}`;
    const lister = ideasApi.as(author);
    const created: string[] = [];
    for (let i = 0; i < 7; i += 1) created.push((await draftIdea(lister, { ...draft, title: `Idea number ${i}` })).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const response: Response = await lister.get().query({ author, limit: 3, ...(cursor ? { cursor } : {}) });
      expect(response.status).toBe(200);
      expect(response.body.items.length).toBeLessThanOrEqual(3);
      seen.push(...response.body.items.map((item: { id: string }) => item.id));
      cursor = response.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...created].reverse());
  });

  it('never lists someone else’s drafts, and filters by status', async () => {
    const { id: draftId } = await draftIdea(alice, draft);
    const asBob = await bob.get().query({ author: 'alice', limit: 100 });
    expect(asBob.body.items.map((item: { id: string }) => item.id)).not.toContain(draftId);
    expect(asBob.body.items.every((item: { status: string }) => item.status !== 'draft')).toBe(true);
    const submitted = await alice.get().query({ status: 'submitted' });
    expect(submitted.body.items.length).toBeGreaterThan(0);
    expect(submitted.body.items.every((item: { status: string }) => item.status === 'submitted')).toBe(true);
  });

  it.each([
    ['limit', { limit: 101 }],
    ['limit', { limit: 0 }],
    ['limit', { limit: 'ten' }],
    ['status', { status: 'flying' }],
    ['cursor', { cursor: 'not-a-cursor' }],
    ['unexpected', { unexpected: 'x' }],
  ])('refuses a bad %s with a 400 naming it', async (field, query) => {
    const response = await alice.get().query(query);
    expect(response.status).toBe(400);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
  });
});

describe('configuration', () => {
  it('refuses to boot with invalid settings, naming each variable', () => {
    const result = spawnSync(process.execPath, [serviceEntry('ideas', 'main')], {
      env: { ...process.env, ...serviceEnv(TEST_SERVICES.ideas), NODE_ENV: 'production', AUTH_JWT_SECRET: 'short', KAFKA_BROKERS: 'nohost', PORT: '99999' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    const output = result.stdout + result.stderr;
    expect(output).toMatch(/AUTH_JWT_SECRET.*at least 32 characters/);
    expect(output).toMatch(/KAFKA_BROKERS.*host:port/);
    expect(output).toMatch(/PORT/);
  });
});

describe('configuration in production', () => {
  it('refuses to boot without the issuer and audience tokens must carry, naming both', () => {
    const env: NodeJS.ProcessEnv = { ...process.env, ...serviceEnv(TEST_SERVICES.ideas), NODE_ENV: 'production' };
    delete env.AUTH_JWT_ISSUER;
    delete env.AUTH_JWT_AUDIENCE;
    const result = spawnSync(process.execPath, [serviceEntry('ideas', 'main')], { env, encoding: 'utf8', timeout: 20_000 });
    expect(result.status).toBe(1);
    const output = result.stdout + result.stderr;
    expect(output).toMatch(/Missing\S* environment variables/);
    expect(output).toMatch(/AUTH_JWT_ISSUER\S*: the issuer \(iss\) every token must carry; required when NODE_ENV=production/);
    expect(output).toMatch(/AUTH_JWT_AUDIENCE\S*: the audience \(aud\) every token must carry; required when NODE_ENV=production/);
  });
});
