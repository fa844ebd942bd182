import type { Role } from '#ikm/auth';
import { findContract } from '#ikm/contracts';
import { decodeCloudEvent } from '#ikm/messaging';
import {
  apiClient,
  eventually,
  gatewayApi,
  headerText,
  itAnswersEachWithAProblem,
  outboxEvents,
  ServiceProcess,
  TEST_SERVICES,
  TestKafka,
  unpublishedOutboxCount,
  type BadInputCase,
  type PersonaClaims,
  type PersonaClient,
} from '#ikm/testing';
import type { KafkaMessage } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type request from 'supertest';
import { accessCases, CONTENT_SEEN_BY, RECORD_SEEN_BY, ASSET_STATES, assetDraft, type AccessCase, assetIn, draftAsset, transitionAsset, type AssetState } from './factories.js';

/** The knowledge-assets API as its users meet it, against real Kafka and PostgreSQL, and once through the gateway. */
const service = new ServiceProcess(TEST_SERVICES['knowledge-assets']);
const gateway = new ServiceProcess(TEST_SERVICES.gateway);
/** Ideas keeps a replica of published assets from this service's events (similar-work detection). */
const ideas = new ServiceProcess(TEST_SERVICES.ideas);
const ideasDb = new pg.Pool({ connectionString: TEST_SERVICES.ideas.databaseUrl, max: 1 });
const kafka = new TestKafka();
const db = new pg.Pool({ connectionString: TEST_SERVICES['knowledge-assets'].databaseUrl, max: 2 });
const assetsApi = apiClient(service, { prefix: '/knowledge-assets/assets' });

/** A unit of this run, so that lists see only this file's assets whatever else shares the database. */
const UNIT = `DIALOGUE-${randomUUID().slice(0, 8)}`;
const OTHER_UNIT = `STATISTICS-${randomUUID().slice(0, 8)}`;

interface Persona extends PersonaClaims {
  sub: string;
  roles: Role[];
}

/** Who acts in these tests, with the claims the asset rules read (roles and unit). */
const PEOPLE = {
  creator: { sub: 'cleo', roles: ['staff'], unit: OTHER_UNIT },
  unitOfficer: { sub: 'kim', roles: ['km_officer'], unit: UNIT },
  otherUnitOfficer: { sub: 'kurt', roles: ['km_officer'], unit: OTHER_UNIT },
  admin: { sub: 'ada', roles: ['ikmu_admin'] },
  otherStaff: { sub: 'sam', roles: ['staff'], unit: OTHER_UNIT },
  unitStaff: { sub: 'uma', roles: ['staff'], unit: UNIT },
  constituent: { sub: 'con', roles: ['constituent'], unit: UNIT },
  reporting: { sub: 'rep', roles: ['reporting'], unit: UNIT },
} satisfies Record<string, Persona>;
type Who = keyof typeof PEOPLE;

/** The arguments of `.as(…)` that call as this persona, on any client of the API. */
function persona(who: Who): [user: string, roles: Role[], claims: PersonaClaims] {
  const { sub, roles, ...claims } = PEOPLE[who] as Persona;
  return [sub, roles, claims];
}

/** Calls `/knowledge-assets/assets<path>` as this persona. */
const as = (who: Who): PersonaClient => assetsApi.as(...persona(who));

/** A record complete enough to be submitted, created by cleo for the unit. */
const asset = (extra: object = {}) => assetDraft(UNIT, extra);
/** cleo creates the asset; kim, the unit's km_officer, publishes it. */
const people = () => ({ owner: as('creator'), publisher: as('unitOfficer') });
const created = (extra: object = {}) => draftAsset(as('creator'), asset(extra));
const published = (extra: object = {}) => assetIn('published', people(), asset(extra));
const move = (id: string, who: Who, to: string, reason?: string) => transitionAsset(as(who), id, to, reason);

beforeAll(async () => {
  await Promise.all([service.start(), gateway.start(), ideas.start()]);
}, 60_000);

afterAll(async () => {
  await Promise.all([gateway.stop(), service.stop(), ideas.stop()]);
  await Promise.all([db.end(), ideasDb.end()]);
});

describe('describing an asset', () => {
  it('creates a draft with its location, ETag, owners’ transitions and metadata quality, language tags made canonical', async () => {
    const response = await as('creator').post('', asset({ title: { EN: 'Platform work', 'fr-ca': 'Travail de plateforme' }, languages: ['EN-gb'] }));
    expect(response.status).toBe(201);
    expect(response.headers.location).toBe(`/knowledge-assets/assets/${response.body.id}`);
    expect(response.headers.etag).toBe('"1"');
    expect(response.body).toMatchObject({
      versionNumber: 1,
      revision: 1,
      status: 'draft',
      title: { en: 'Platform work', 'fr-CA': 'Travail de plateforme' },
      languages: ['en-GB'],
      creators: [{ name: 'Cleo Martin', orcid: '0000-0002-1825-0097', staffId: 'cleo' }, { name: 'An outside author', orcid: null, staffId: null }],
      allowedTransitions: ['in_review'],
      createdBy: 'cleo',
      quality: { score: 100, missing: [], missingRequired: [] },
    });
  });

  it('scores a sparse draft and lists what it lacks; it cannot be submitted before it has what publishing needs', async () => {
    const response = await as('unitOfficer').post('', { type: 'dataset', title: { es: 'Encuesta de fuerza de trabajo' }, publishingUnit: UNIT });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ accessLevel: 'internal', creators: [], quality: { score: 23, missingRequired: ['creators', 'dateIssued', 'languages'] } });
    const submitted = await as('unitOfficer').post(`/${response.body.id}/transitions`, { to: 'in_review' });
    expect(submitted.status).toBe(409);
    expect(submitted.body.errors.map((error: { field: string }) => error.field)).toEqual(['creators', 'dateIssued', 'languages']);
  });

  it('refuses a draft its writer would not own: neither among the creators nor the unit’s km_officer', async () => {
    const response = await as('otherStaff').post('', asset());
    expect(response.status).toBe(400);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual(['creators']);
    expect((await as('otherUnitOfficer').post('', asset())).status).toBe(400);
    expect((await as('unitOfficer').post('', asset({ creators: [] }))).status).toBe(201);
  });

  it('lets an owner edit the draft with If-Match, refuses a stale one with 412 changing nothing, and writes the quality into the event', async () => {
    const id = await created({ licence: null });
    const edited = await as('creator').patch(`/${id}`, { licence: 'CC-BY-SA-4.0', abstract: null }).set('if-match', '"1"');
    expect(edited.status).toBe(200);
    expect(edited.headers.etag).toBe('"2"');
    expect(edited.body).toMatchObject({ licence: 'CC-BY-SA-4.0', abstract: {}, revision: 2, quality: { missing: ['description'] } });
    const stale = await as('unitOfficer').patch(`/${id}`, { licence: 'MIT' }).set('if-match', '"1"');
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ type: expect.stringMatching(/asset-version-mismatch$/), currentVersion: 2 });
    expect((await as('creator').get(`/${id}`)).body).toMatchObject({ licence: 'CC-BY-SA-4.0', revision: 2 });
    const updates = await outboxEvents(db, { aggregateId: id, type: 'ikm.knowledge-assets.asset.draft-updated.v1' });
    expect(updates.map((event) => event.payload)).toEqual([
      expect.objectContaining({ version: 2, versionNumber: 1, changes: { licence: 'CC-BY-SA-4.0', abstract: {} }, quality: expect.objectContaining({ missing: ['description'] }), actorId: 'cleo' }),
    ]);
  });

  it('through the gateway: the route, the Location rewritten to the gateway’s path, and the service’s operations in the merged document', async () => {
    const response = await gatewayApi(gateway, 'knowledge-assets').as(...persona('creator')).post('/assets', asset());
    expect(response.status).toBe(201);
    expect(response.headers.location).toBe(`/api/v1/knowledge-assets/assets/${response.body.id}`);
    await eventually(async () => {
      const document = (await (await fetch(`${gateway.baseUrl}/docs-json`)).json()) as { paths: Record<string, unknown> };
      expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/v1/knowledge-assets/assets', '/api/v1/knowledge-assets/assets/{id}/versions/{number}']));
    }, 40_000);
  });
});

/**
 * The lifecycle exhaustively: each state an asset can be in, each action, each persona, on a fresh
 * public asset. The expected answers are written from the rules, independently of the service's table.
 */
describe('lifecycle: state x action x persona', () => {
  const ACTIONS = ['edit', 'submit', 'publish', 'sendBack', 'retire', 'supersede', 'newVersion'] as const;
  type Action = (typeof ACTIONS)[number];
  const ACTORS: Who[] = ['creator', 'unitOfficer', 'otherUnitOfficer', 'admin', 'otherStaff', 'constituent', 'reporting'];

  const act: Record<Action, (who: Who, id: string) => PromiseLike<request.Response>> = {
    edit: (who, id) => as(who).patch(`/${id}`, { title: { en: 'A new title' } }),
    submit: (who, id) => as(who).post(`/${id}/transitions`, { to: 'in_review' }),
    publish: (who, id) => as(who).post(`/${id}/transitions`, { to: 'published' }),
    sendBack: (who, id) => as(who).post(`/${id}/transitions`, { to: 'draft', reason: 'Add the 2025 figures.' }),
    retire: (who, id) => as(who).post(`/${id}/transitions`, { to: 'retired', reason: 'Withdrawn at the author’s request.' }),
    supersede: (who, id) => as(who).post(`/${id}/transitions`, { to: 'superseded' }),
    newVersion: (who, id) => as(who).post(`/${id}/versions`),
  };

  const OWNERS: Who[] = ['creator', 'unitOfficer'];
  const PUBLISHERS: Who[] = ['unitOfficer', 'admin'];

  /** What each persona gets: written from the rules in README, not from the lifecycle table. */
  function expected(state: AssetState, action: Action, who: Who): number {
    if (who === 'constituent' || who === 'reporting') return 403; // writing needs a staff role
    const privileged = [...OWNERS, ...PUBLISHERS].includes(who);
    // A draft or a version in review is seen by its owners and publishers only; the rest is public here.
    if ((state === 'draft' || state === 'in_review') && !privileged) return 404;
    // Owners and publishers act on the version in progress of a revising asset, the others on its published one.
    const subject = state === 'revising' ? (privileged ? 'draft' : 'published') : state;
    const owner = OWNERS.includes(who);
    const publisher = PUBLISHERS.includes(who);
    switch (action) {
      case 'edit':
        if (!owner) return 403;
        return subject === 'draft' ? 200 : 409;
      case 'submit':
        if (subject !== 'draft') return 409;
        return owner ? 200 : 403;
      case 'publish':
      case 'sendBack':
        if (subject !== 'in_review') return 409;
        return publisher ? 200 : 403;
      case 'retire':
        // Retiring acts on the published version, also while a new one is in progress.
        if (state !== 'published' && state !== 'revising') return 409;
        return publisher ? 200 : 403;
      case 'supersede':
        return subject === 'published' ? 403 : 409; // only a successor's publication supersedes
      case 'newVersion':
        if (!owner) return 403;
        if (subject === 'published') return 201;
        return 409;
    }
  }

  const rows = ASSET_STATES.flatMap((state) => ACTIONS.flatMap((action) => ACTORS.map((who) => [state, action, who, expected(state, action, who)] as const)));

  it.each(rows)('%s, %s by %s: %i', async (state, action, who, status) => {
    const id = await assetIn(state, people(), asset());
    const response = await act[action](who, id);
    expect(`${response.status} ${response.body.detail ?? ''}`).toMatch(new RegExp(`^${status} `));
    if (status >= 400) expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});

describe('versions', () => {
  it('keeps a published version immutable; a new version is a draft copy; publishing it supersedes the previous one; each stays at its URL', async () => {
    const id = await published();
    const v1 = await as('otherStaff').get(`/${id}`);
    expect(v1.body).toMatchObject({ versionNumber: 1, status: 'published', revision: 3 });
    expect((await as('creator').patch(`/${id}`, { title: { en: 'Changed after publication' } })).status).toBe(409);

    const started = await as('creator').post(`/${id}/versions`).set('if-match', v1.headers.etag);
    expect(started.status).toBe(201);
    expect(started.headers.location).toBe(`/knowledge-assets/assets/${id}/versions/2`);
    expect(started.body).toMatchObject({ versionNumber: 2, status: 'draft', title: v1.body.title, revision: 4 });
    expect((await as('creator').post(`/${id}/versions`)).status).toBe(409); // one version in progress at a time

    expect((await as('creator').patch(`/${id}`, { title: { en: 'Second edition' } })).status).toBe(200);
    // Outsiders still see version 1 at the asset's URL; the owners see their draft.
    expect((await as('otherStaff').get(`/${id}`)).body).toMatchObject({ versionNumber: 1, title: v1.body.title });
    expect((await as('creator').get(`/${id}`)).body).toMatchObject({ versionNumber: 2, title: { en: 'Second edition' } });
    expect((await as('otherStaff').get(`/${id}/versions/2`)).status).toBe(404);
    expect((await as('creator').get(`/${id}/versions/1`)).body).toMatchObject({ status: 'published', title: v1.body.title });

    await move(id, 'creator', 'in_review');
    await move(id, 'admin', 'published');
    const first = await as('otherStaff').get(`/${id}/versions/1`);
    expect(first.body).toMatchObject({ versionNumber: 1, status: 'superseded', title: v1.body.title });
    expect((await as('otherStaff').get(`/${id}`)).body).toMatchObject({ versionNumber: 2, status: 'published', title: { en: 'Second edition' } });
    expect((await as('otherStaff').get(`/${id}/versions/3`)).status).toBe(404);

    const history = await as('otherStaff').get(`/${id}/history`);
    expect(history.body.map((entry: { versionNumber: number; from: string; to: string; actorId: string }) => [entry.versionNumber, entry.from, entry.to, entry.actorId])).toEqual([
      [1, 'draft', 'in_review', 'cleo'],
      [1, 'in_review', 'published', 'kim'],
      [1, 'published', 'superseded', 'ada'],
      [2, 'draft', 'in_review', 'cleo'],
      [2, 'in_review', 'published', 'ada'],
    ]);
    const events = await outboxEvents<{ version: number; versionNumber: number }>(db, { aggregateId: id });
    expect(events.map((event) => [event.type.split('.')[3], event.payload.version, event.payload.versionNumber])).toEqual([
      ['draft-created', 1, 1],
      ['submitted', 2, 1],
      ['published', 3, 1],
      ['draft-created', 4, 2],
      ['draft-updated', 5, 2],
      ['submitted', 6, 2],
      ['superseded', 7, 1],
      ['published', 7, 2],
    ]);
  });

  it('sends back with a reason and retires with a reason, both in the history and the events', async () => {
    const id = await created();
    await move(id, 'creator', 'in_review');
    const noReason = await as('unitOfficer').post(`/${id}/transitions`, { to: 'draft' });
    expect([noReason.status, noReason.body.errors?.[0]?.field]).toEqual([400, 'reason']);
    await move(id, 'unitOfficer', 'draft', 'Add the 2025 figures.');
    await move(id, 'creator', 'in_review');
    await move(id, 'unitOfficer', 'published');
    expect((await as('admin').post(`/${id}/transitions`, { to: 'retired', reason: '  ' })).status).toBe(400);
    await move(id, 'admin', 'retired', 'Superseded by a joint ILO-OECD report.');
    const history = (await as('creator').get(`/${id}/history`)).body as Array<{ to: string; reason: string | null }>;
    expect(history.map((entry) => [entry.to, entry.reason])).toEqual([
      ['in_review', null],
      ['draft', 'Add the 2025 figures.'],
      ['in_review', null],
      ['published', null],
      ['retired', 'Superseded by a joint ILO-OECD report.'],
    ]);
    expect((await as('otherStaff').get(`/${id}`)).body).toMatchObject({ status: 'retired', allowedTransitions: [] });
    const [retired] = await outboxEvents(db, { aggregateId: id, type: 'ikm.knowledge-assets.asset.retired.v1' });
    expect(retired.payload).toMatchObject({ assetId: id, versionNumber: 1, reason: 'Superseded by a joint ILO-OECD report.', actorId: 'ada' });
  });

  it('refuses a stale If-Match on a transition with 412, changing neither status, revision, history nor events', async () => {
    const id = await created();
    const before = (await outboxEvents(db, { aggregateId: id })).length;
    const stale = await as('creator').post(`/${id}/transitions`, { to: 'in_review' }).set('if-match', '"7"');
    expect(stale.status).toBe(412);
    expect((await as('creator').get(`/${id}`)).body).toMatchObject({ status: 'draft', revision: 1 });
    expect((await as('creator').get(`/${id}/history`)).body).toEqual([]);
    expect((await outboxEvents(db, { aggregateId: id })).length).toBe(before);
  });

  it('changes who may read a published version without a new version, and tells consumers the full state', async () => {
    const id = await published();
    const changed = await as('unitOfficer').put(`/${id}/access`, { accessLevel: 'restricted', restrictedToUnits: [UNIT] });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ versionNumber: 1, status: 'published', accessLevel: 'restricted', restrictedToUnits: [UNIT] });
    expect((await as('otherStaff').get(`/${id}`)).status).toBe(404);
    expect((await as('unitStaff').get(`/${id}`)).status).toBe(200);
    expect((await as('otherStaff').put(`/${id}/access`, { accessLevel: 'public' })).status).toBe(404);
    expect((await as('unitStaff').put(`/${id}/access`, { accessLevel: 'public' })).status).toBe(403);
    const updates = await outboxEvents(db, { aggregateId: id, type: 'ikm.knowledge-assets.asset.updated.v1' });
    expect(updates.map((event) => event.payload)).toEqual([expect.objectContaining({ accessLevel: 'restricted', restrictedToUnits: [UNIT], versionNumber: 1, version: 4 })]);
  });
});

/**
 * Access level and embargo, enforced in the query: each viewer gets exactly the published records they
 * may read, by id and in the list, and the content (abstract, file links, uploaded files) of those whose
 * embargo does not hold for them; the others say `contentEmbargoed` and carry the embargo date.
 */
describe('access: viewer x access level x embargo, on get and list', () => {
  /** All of this block's assets share a subject, so that the list can be read for them alone. */
  const subject = randomUUID();
  const CASES = accessCases(UNIT, OTHER_UNIT);
  type Case = AccessCase;
  const ALL = Object.keys(CASES) as Case[];
  const ids = {} as Record<Case, string>;
  const RECORDS: Record<Who, Case[]> = RECORD_SEEN_BY;
  const CONTENT: Record<Who, Case[]> = CONTENT_SEEN_BY;
  /** What a response shows of an asset's content: all of it, or the record alone. */
  const contentOf = (body: { contentEmbargoed: boolean; abstract: unknown; files: unknown; uploadedFiles: unknown; embargoUntil: string | null }) =>
    body.contentEmbargoed
      ? { contentEmbargoed: true, abstract: body.abstract, files: body.files, uploadedFiles: body.uploadedFiles, embargoUntil: body.embargoUntil }
      : { contentEmbargoed: false, abstract: body.abstract, files: (body.files as unknown[]).length, uploadedFiles: body.uploadedFiles };
  const expectedContent = (who: Who, name: Case) =>
    CONTENT[who].includes(name)
      ? { contentEmbargoed: false, abstract: assetDraft(UNIT).abstract, files: 1, uploadedFiles: [] }
      : { contentEmbargoed: true, abstract: null, files: null, uploadedFiles: null, embargoUntil: '2999-01-01' };

  beforeAll(async () => {
    for (const [name, access] of Object.entries(CASES) as Array<[Case, object]>) ids[name] = await published({ ...access, subjects: [subject] });
  });

  it.each(Object.keys(RECORDS) as Who[])('%s gets exactly the records and the content they may, by id and in the list', async (who) => {
    const responses = Object.fromEntries(await Promise.all(ALL.map(async (name) => [name, await as(who).get(`/${ids[name]}`)] as const)));
    expect(Object.fromEntries(ALL.map((name) => [name, responses[name].status]))).toEqual(Object.fromEntries(ALL.map((name) => [name, RECORDS[who].includes(name) ? 200 : 404])));
    const seen = RECORDS[who];
    expect(Object.fromEntries(seen.map((name) => [name, { title: responses[name].body.title, ...contentOf(responses[name].body) }]))).toEqual(
      Object.fromEntries(seen.map((name) => [name, { title: assetDraft(UNIT).title, ...expectedContent(who, name) }])),
    );
    const listed = await as(who).get(`?subject=${subject}&limit=100`);
    expect(listed.status).toBe(200);
    const byId = Object.fromEntries(Object.entries(ids).map(([name, id]) => [id, name])) as Record<string, Case>;
    expect(listed.body.items.map((item: { id: string }) => byId[item.id]).sort()).toEqual([...seen].sort());
    expect(Object.fromEntries(listed.body.items.map((item: { id: string } & Parameters<typeof contentOf>[0]) => [byId[item.id], contentOf(item)]))).toEqual(
      Object.fromEntries(seen.map((name) => [name, expectedContent(who, name)])),
    );
  });

  it('pages through a list without gaps or repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: request.Response = await as('admin').get(`?subject=${subject}&limit=3&sort=oldest${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((item: { id: string }) => item.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(Object.values(ids));
  });
});

describe('bad input on every endpoint: a 4xx problem naming the field', () => {
  let draftId: string;
  let publishedId: string;
  const uuid = randomUUID();

  beforeAll(async () => {
    draftId = await created();
    publishedId = await published();
  });

  const cursor = (key: unknown) => Buffer.from(JSON.stringify({ key, id: uuid })).toString('base64url');

  const cases: BadInputCase[] = [
    ['POST without a title', () => as('creator').post('', asset({ title: undefined })), 400, 'title'],
    ['POST with an empty title map', () => as('creator').post('', asset({ title: {} })), 400, 'title'],
    ['POST with a title in no language', () => as('creator').post('', asset({ title: { english: 'x' } })), 400, 'title'],
    ['POST with a title in an unknown language', () => as('creator').post('', asset({ title: { xx: 'x' } })), 400, 'title'],
    ['POST with a title twice in one language', () => as('creator').post('', asset({ title: { en: 'x', EN: 'y' } })), 400, 'title'],
    ['POST with an empty title text', () => as('creator').post('', asset({ title: { en: '  ' } })), 400, 'title'],
    ['POST with a title as a string', () => as('creator').post('', asset({ title: 'Platform work' })), 400, 'title'],
    ['POST with a title as an array', () => as('creator').post('', asset({ title: ['Platform work'] })), 400, 'title'],
    ['POST with a NUL in the abstract', () => as('creator').post('', asset({ abstract: { en: 'a\u0000b' } })), 400, 'abstract'],
    ['POST with keywords not in a list', () => as('creator').post('', asset({ keywords: { en: 'dialogue' } })), 400, 'keywords'],
    ['POST with an unknown type', () => as('creator').post('', asset({ type: 'blog_post' })), 400, 'type'],
    ['POST without a publishing unit', () => as('creator').post('', asset({ publishingUnit: undefined })), 400, 'publishingUnit'],
    ['POST with a bad ORCID checksum', () => as('creator').post('', asset({ creators: [{ name: 'Cleo', orcid: '0000-0002-1825-0098', staffId: 'cleo' }] })), 400, 'creators.0.orcid'],
    ['POST with a creator without a name', () => as('creator').post('', asset({ creators: [{ staffId: 'cleo' }] })), 400, 'creators.0.name'],
    ['POST with creators as an object', () => as('creator').post('', asset({ creators: { name: 'Cleo' } })), 400, 'creators'],
    ['POST with a creator as a string', () => as('creator').post('', asset({ creators: ['Cleo'] })), 400, 'creators'],
    ['POST with a date issued on 30 February', () => as('creator').post('', asset({ dateIssued: '2026-02-30' })), 400, 'dateIssued'],
    ['POST with a date issued in year 0', () => as('creator').post('', asset({ dateIssued: '0000-01-01' })), 400, 'dateIssued'],
    ['POST with an unknown language', () => as('creator').post('', asset({ languages: ['klingon'] })), 400, 'languages'],
    ['POST with a language twice', () => as('creator').post('', asset({ languages: ['en', 'EN'] })), 400, 'languages'],
    ['POST with a subject that is not a concept id', () => as('creator').post('', asset({ subjects: ['labour law'] })), 400, 'subjects'],
    ['POST with an alpha-3 country', () => as('creator').post('', asset({ countries: ['KEN'] })), 400, 'countries'],
    ['POST with an unassigned country', () => as('creator').post('', asset({ countries: ['ZZ'] })), 400, 'countries'],
    ['POST with an unknown region', () => as('creator').post('', asset({ regions: ['oceania'] })), 400, 'regions'],
    ['POST with an unknown source platform', () => as('creator').post('', asset({ source: { platform: 'sharepoint' } })), 400, 'source.platform'],
    ['POST with a source URL that is not one', () => as('creator').post('', asset({ source: { platform: 'labordoc', url: 'labordoc' } })), 400, 'source.url'],
    ['POST with a malformed DOI', () => as('creator').post('', asset({ persistentIdentifier: { scheme: 'doi', value: 'doi:10.1/x' } })), 400, 'persistentIdentifier.value'],
    ['POST with a malformed Handle', () => as('creator').post('', asset({ persistentIdentifier: { scheme: 'handle', value: 'ilo-123' } })), 400, 'persistentIdentifier.value'],
    ['POST with an unknown identifier scheme', () => as('creator').post('', asset({ persistentIdentifier: { scheme: 'isbn', value: '978-92-2-000000-0' } })), 400, 'persistentIdentifier.scheme'],
    ['POST with a licence SPDX does not list', () => as('creator').post('', asset({ licence: 'All rights reserved' })), 400, 'licence'],
    ['POST with an unknown access level', () => as('creator').post('', asset({ accessLevel: 'secret' })), 400, 'accessLevel'],
    ['POST with units named for a public asset', () => as('creator').post('', asset({ restrictedToUnits: [UNIT] })), 400, 'restrictedToUnits'],
    ['POST with a community that is not an id', () => as('creator').post('', asset({ accessLevel: 'restricted', restrictedToCommunities: ['km-network'] })), 400, 'restrictedToCommunities'],
    ['POST with an embargo on 31 April', () => as('creator').post('', asset({ embargoUntil: '2027-04-31' })), 400, 'embargoUntil'],
    ['POST with a file URL that is not one', () => as('creator').post('', asset({ files: [{ url: 'ftp://x', mediaType: 'application/pdf' }] })), 400, 'files.0.url'],
    ['POST with a file media type that is not one', () => as('creator').post('', asset({ files: [{ url: 'https://x.org/a', mediaType: 'pdf' }] })), 400, 'files.0.mediaType'],
    ['POST with a negative file size', () => as('creator').post('', asset({ files: [{ url: 'https://x.org/a', mediaType: 'application/pdf', size: -1 }] })), 400, 'files.0.size'],
    ['POST with a file size of 1e300', () => as('creator').post('', asset({ files: [{ url: 'https://x.org/a', mediaType: 'application/pdf', size: 1e300 }] })), 400, 'files.0.size'],
    ['POST with a checksum of no known algorithm', () => as('creator').post('', asset({ files: [{ url: 'https://x.org/a', mediaType: 'application/pdf', checksum: 'crc32:abcd1234' }] })), 400, 'files.0.checksum'],
    ['POST with files as an object', () => as('creator').post('', asset({ files: { url: 'https://x.org/a' } })), 400, 'files'],
    ['POST with a server-owned status', () => as('creator').post('', asset({ status: 'published' })), 400, 'status'],
    ['POST with a server-owned revision', () => as('creator').post('', asset({ revision: 9 })), 400, 'revision'],
    ['POST as a constituent', () => as('constituent').post('', asset()), 403, undefined],
    ['GET list with an unknown sort', () => as('creator').get('?sort=random'), 400, 'sort'],
    ['GET list with an unknown type', () => as('creator').get('?type=blog'), 400, 'type'],
    ['GET list with a bad language', () => as('creator').get('?language=english'), 400, 'language'],
    ['GET list with a bad country', () => as('creator').get('?country=kenya'), 400, 'country'],
    ['GET list with a bad subject', () => as('creator').get('?subject=7'), 400, 'subject'],
    ['GET list with an unknown parameter', () => as('creator').get('?owner=me'), 400, 'owner'],
    ['GET list with a limit of 101', () => as('creator').get('?limit=101'), 400, 'limit'],
    ['GET list with a cursor in year 0', () => as('creator').get(`?cursor=${cursor('0000-01-01T00:00:00Z')}`), 400, 'cursor'],
    ['GET list with a number cursor', () => as('creator').get(`?cursor=${cursor(1e308)}`), 400, 'cursor'],
    ['GET a malformed id', () => as('creator').get('/nope'), 400, 'id'],
    ['GET an unknown asset', () => as('creator').get(`/${uuid}`), 404, undefined],
    ['GET version 0', () => as('creator').get(`/${publishedId}/versions/0`), 400, 'number'],
    ['GET version 1.5', () => as('creator').get(`/${publishedId}/versions/1.5`), 400, 'number'],
    ['GET version abc', () => as('creator').get(`/${publishedId}/versions/abc`), 400, 'number'],
    ['GET version 2147483648', () => as('creator').get(`/${publishedId}/versions/2147483648`), 400, 'number'],
    ['GET version -1', () => as('creator').get(`/${publishedId}/versions/-1`), 400, 'number'],
    ['GET a version of a malformed id', () => as('creator').get('/nope/versions/1'), 400, 'id'],
    ['GET history of a malformed id', () => as('creator').get('/nope/history'), 400, 'id'],
    ['GET history of an unknown asset', () => as('creator').get(`/${uuid}/history`), 404, undefined],
    ['PATCH a malformed id', () => as('creator').patch('/nope', { licence: 'MIT' }), 400, 'id'],
    ['PATCH an unknown asset', () => as('creator').patch(`/${uuid}`, { licence: 'MIT' }), 404, undefined],
    ['PATCH with a malformed If-Match', () => as('creator').patch(`/${draftId}`, { licence: 'MIT' }).set('if-match', 'yesterday'), 400, 'If-Match'],
    ['PATCH with an unknown field', () => as('creator').patch(`/${draftId}`, { status: 'published' }), 400, 'status'],
    ['PATCH with an unknown language in the title', () => as('creator').patch(`/${draftId}`, { title: { zz: 'x' } }), 400, 'title'],
    ['PATCH removing oneself from the creators', () => as('creator').patch(`/${draftId}`, { creators: [{ name: 'Someone else' }] }), 400, 'creators'],
    ...(['type', 'title', 'keywords', 'creators', 'publishingUnit', 'languages', 'subjects', 'countries', 'regions', 'accessLevel', 'restrictedToUnits', 'restrictedToCommunities', 'files'].map((field) => [
      `PATCH a draft with ${field}: null`,
      () => as('creator').patch(`/${draftId}`, { [field]: null }),
      400,
      field,
    ]) as BadInputCase[]),
    ['POST transitions to an unknown state', () => as('unitOfficer').post(`/${draftId}/transitions`, { to: 'archived' }), 400, 'to'],
    ['POST transitions to null', () => as('unitOfficer').post(`/${draftId}/transitions`, { to: null }), 400, 'to'],
    ['POST transitions with an extra field', () => as('unitOfficer').post(`/${draftId}/transitions`, { to: 'in_review', by: 'me' }), 400, 'by'],
    ['POST transitions with an empty reason', () => as('unitOfficer').post(`/${draftId}/transitions`, { to: 'in_review', reason: '' }), 400, 'reason'],
    ['POST transitions on a malformed id', () => as('unitOfficer').post('/nope/transitions', { to: 'in_review' }), 400, 'id'],
    ['POST transitions on an unknown asset', () => as('unitOfficer').post(`/${uuid}/transitions`, { to: 'in_review' }), 404, undefined],
    ['POST transitions with a malformed If-Match', () => as('creator').post(`/${draftId}/transitions`, { to: 'in_review' }).set('if-match', '*'), 400, 'If-Match'],
    ['POST versions on a malformed id', () => as('creator').post('/nope/versions'), 400, 'id'],
    ['POST versions on an unknown asset', () => as('creator').post(`/${uuid}/versions`), 404, undefined],
    ['POST versions of a draft', () => as('creator').post(`/${draftId}/versions`), 409, undefined],
    ['PUT access with an unknown level', () => as('unitOfficer').put(`/${publishedId}/access`, { accessLevel: 'secret' }), 400, 'accessLevel'],
    ['PUT access without a level', () => as('unitOfficer').put(`/${publishedId}/access`, {}), 400, 'accessLevel'],
    ['PUT access restricted to nobody', () => as('unitOfficer').put(`/${publishedId}/access`, { accessLevel: 'restricted' }), 400, 'restrictedToUnits'],
    ['PUT access with an embargo on 30 February', () => as('unitOfficer').put(`/${publishedId}/access`, { accessLevel: 'public', embargoUntil: '2027-02-30' }), 400, 'embargoUntil'],
    ['PUT access with units as a string', () => as('unitOfficer').put(`/${publishedId}/access`, { accessLevel: 'restricted', restrictedToUnits: UNIT }), 400, 'restrictedToUnits'],
    ['PUT access on a draft-only asset', () => as('creator').put(`/${draftId}/access`, { accessLevel: 'public' }), 409, undefined],
    ['PUT access on a malformed id', () => as('unitOfficer').put('/nope/access', { accessLevel: 'public' }), 400, 'id'],
  ];

  itAnswersEachWithAProblem(cases);
});

describe('events', () => {
  it('keep ideas’ replica as before: a publication, a new version superseding it, an access change and a retirement, in order', async () => {
    const replica = async (id: string) => (await ideasDb.query(`SELECT version, title, access_level, retired, url FROM knowledge_assets WHERE asset_id = $1`, [id])).rows;
    const id = await published({ title: { en: 'Replicated brief' } });
    await eventually(async () => expect(await replica(id)).toEqual([{ version: 3, title: { en: 'Replicated brief' }, access_level: 'public', retired: false, url: 'https://doi.org/10.54394/ABCD1234' }]), 30_000);
    expect((await as('creator').post(`/${id}/versions`)).status).toBe(201);
    expect((await as('creator').patch(`/${id}`, { title: { en: 'Replicated brief, second edition' } })).status).toBe(200);
    await move(id, 'creator', 'in_review');
    // Drafts and submissions never reach the replica: it still holds version 1 as published.
    expect(await replica(id)).toEqual([expect.objectContaining({ version: 3, title: { en: 'Replicated brief' } })]);
    await move(id, 'unitOfficer', 'published');
    expect((await as('unitOfficer').put(`/${id}/access`, { accessLevel: 'internal' })).status).toBe(200);
    await move(id, 'unitOfficer', 'retired', 'Out of date.');
    await eventually(async () => expect(await replica(id)).toEqual([expect.objectContaining({ version: 9, title: { en: 'Replicated brief, second edition' }, access_level: 'internal', retired: true })]), 30_000);
  });


  it('every event the service emitted is on Kafka and validates against its contract', async () => {
    await eventually(async () => expect(await unpublishedOutboxCount(db)).toBe(0), 30_000);
    const all = await outboxEvents(db);
    // The taxonomy's seed wrote its concept events too (tested with the taxonomy); these are the assets'.
    expect(new Set(all.map((row) => row.topic))).toEqual(new Set(['ikm.knowledge-assets.asset', 'ikm.knowledge-assets.concept']));
    // This file's assets only: the other suites of a run (usage and review, imports) write to the same database.
    const ours = new Set(
      (await db.query(`SELECT DISTINCT asset_id FROM asset_versions WHERE publishing_unit = ANY($1)`, [[UNIT, OTHER_UNIT]])).rows.map((row) => row.asset_id as string),
    );
    const rows = all.filter((row) => row.topic === 'ikm.knowledge-assets.asset' && ours.has(row.aggregateId));
    // Every kind of change was made above, so every contract of the topic was written at least once.
    expect(new Set(rows.map((row) => row.type))).toEqual(
      new Set(['draft-created', 'draft-updated', 'submitted', 'sent-back', 'published', 'updated', 'superseded', 'retired'].map((event) => `ikm.knowledge-assets.asset.${event}.v1`)),
    );
    for (const row of rows) expect(() => findContract(row.type)!.schema.parse(row.payload)).not.toThrow();
    const emitted = new Set(rows.map((row) => row.id));
    const isOurs = (record: KafkaMessage) => emitted.has(headerText(record.headers, 'ce_id') ?? '');
    const idsOf = (records: KafkaMessage[]) => new Set(records.filter(isOurs).map((record) => headerText(record.headers, 'ce_id')));
    const records = await kafka.readUntil('ikm.knowledge-assets.asset', (received) => idsOf(received).size >= emitted.size, 60_000);
    expect(idsOf(records).size).toBe(emitted.size);
    for (const record of records.filter(isOurs)) expect(() => decodeCloudEvent('ikm.knowledge-assets.asset', 0, record)).not.toThrow();
  });
});
