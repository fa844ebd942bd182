import type { Role } from '#ikm/auth';
import {
  DiscussionSharedAssetsChangedV1,
  findContract,
  IdeaCreatedV1,
  IdeaUpdatedV1,
  KnowledgeAssetReviewDateChangedV1,
  KnowledgeAssetReviewDueV1,
  KnowledgeAssetUsageRecordedV1,
  SharingEventCitedAssetsChangedV1,
  type EventContract,
  type EventData,
} from '#ikm/contracts';
import { decodeCloudEvent, encodeCloudEvent, type OutboxRecord } from '#ikm/messaging';
import {
  apiClient,
  eventIdOf,
  eventually,
  headerText,
  itAnswersEachWithAProblem,
  outboxEvents,
  outboxRecord,
  ServiceProcess,
  TEST_SERVICES,
  TestKafka,
  unpublishedOutboxCount,
  waitUntilHandled,
  type PersonaClaims,
} from '#ikm/testing';
import type { KafkaMessage } from 'kafkajs';
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { assetDraft, assetIn } from './factories.js';

/**
 * Use, reuse and freshness against real PostgreSQL and Kafka: views and downloads counted by COUNTER's
 * rules (recorded through the API, their times then moved to the seconds a rule is about), reused-in
 * links from ideas' and communities' events, usage per period, the review-due job (past-due only, most
 * used first, once, one of two concurrent runs), confirmations, the flags, and the events on Kafka.
 */
const service = new ServiceProcess(TEST_SERVICES['knowledge-assets']);
const kafka = new TestKafka();
const db = new pg.Pool({ connectionString: TEST_SERVICES['knowledge-assets'].databaseUrl, max: 2 });
const assetsApi = apiClient(service, { prefix: '/knowledge-assets/assets' });
const rootApi = apiClient(service, { prefix: '/knowledge-assets' });

const UNIT = `FRESH-${randomUUID().slice(0, 8)}`;
const OTHER_UNIT = `ELSE-${randomUUID().slice(0, 8)}`;
const STAFF: Role[] = ['staff'];

const assetsAs = (user: string, roles: Role[] = STAFF, claims: PersonaClaims = { unit: OTHER_UNIT }) => assetsApi.as(user, roles, claims);
const rootAs = (user: string, roles: Role[] = STAFF, claims: PersonaClaims = { unit: OTHER_UNIT }) => rootApi.as(user, roles, claims);
const owner = assetsAs('cleo', STAFF, { unit: UNIT });
const publisher = assetsAs('kim', ['km_officer'], { unit: UNIT });
const officer = rootAs('kim', ['km_officer'], { unit: UNIT });
const admin = rootAs('ada', ['ikmu_admin']);
const people = { owner, publisher };

const published = (overrides: object = {}) => assetIn('published', people, assetDraft(UNIT, overrides));
const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(2_000)]);

beforeAll(async () => {
  await service.start();
}, 60_000);

afterAll(async () => {
  await service.stop();
  await db.end();
});

async function actionCount(assetId: string): Promise<number> {
  const { rows } = await db.query(`SELECT count(*)::int AS count FROM asset_usage_actions WHERE asset_id = $1`, [assetId]);
  return rows[0].count;
}

/** Waits until the recorder has written this many actions of the asset (it writes after the answers, in batches). */
async function recorded(assetId: string, count: number): Promise<void> {
  await eventually(async () => expect(await actionCount(assetId)).toBe(count), 10_000);
}

/** Moves the asset's recorded actions, oldest first, to these seconds after a minute ago. */
async function moveActions(assetId: string, seconds: number[]): Promise<void> {
  const { rows } = await db.query(`SELECT ctid::text AS ctid FROM asset_usage_actions WHERE asset_id = $1 ORDER BY at, ctid`, [assetId]);
  expect(rows).toHaveLength(seconds.length);
  const base = Date.now() - 120_000;
  for (const [index, row] of rows.entries()) {
    await db.query(`UPDATE asset_usage_actions SET at = $2 WHERE asset_id = $1 AND ctid = $3::tid`, [assetId, new Date(base + seconds[index]! * 1000), row.ctid]);
  }
}

async function usageOf(assetId: string, query = '') {
  const response = await assetsAs('cleo', STAFF, { unit: UNIT }).get(`/${assetId}/usage${query}`);
  expect(response.status).toBe(200);
  return response.body;
}

function record<C extends EventContract>(contract: C, aggregateId: string, data: EventData<C>, overrides: Partial<OutboxRecord> = {}) {
  return encodeCloudEvent(outboxRecord(contract, aggregateId, contract.schema.parse(data), overrides));
}

describe('views and downloads, counted by COUNTER’s rules', () => {
  // [case, the same user's views at these seconds, views counted]
  it.each([
    ['one view', [0], 1],
    ['twice within 29 s: a double click, once', [0, 29], 1],
    ['exactly 30 s apart: still within the window, once', [0, 30], 1],
    ['31 s apart: twice', [0, 31], 2],
    ['a chain of clicks each within 30 s of the last: once', [0, 20, 40], 1],
    ['three clicks 40 s apart: three times', [0, 40, 80], 3],
  ])('%s', async (_, seconds, views) => {
    const id = await published();
    for (const _second of seconds) expect((await assetsAs('ana').get(`/${id}`)).status).toBe(200);
    await recorded(id, seconds.length);
    await moveActions(id, seconds);
    const usage = await usageOf(id);
    expect(usage.totals).toEqual({ views, downloads: 0, uniqueUsers: 1 });
  });

  it('counts other users apart, a version’s view as a view, and downloads apart from views', async () => {
    const id = await assetIn('draft', people, assetDraft(UNIT));
    const file = `/${id}/versions/1/files/report.pdf`;
    expect((await owner.put(file).set('content-type', 'application/pdf').send(pdf)).status).toBe(201);
    await owner.post(`/${id}/transitions`, { to: 'in_review' });
    expect((await publisher.post(`/${id}/transitions`, { to: 'published' })).status).toBe(200);
    await Promise.all([assetsAs('ana').get(`/${id}`), assetsAs('bob').get(`/${id}/versions/1`), assetsAs('ana').get(file)]);
    await recorded(id, 3);
    const usage = await usageOf(id);
    expect(usage.totals).toEqual({ views: 2, downloads: 1, uniqueUsers: 2 });
    expect(usage.periods).toEqual([{ start: new Date().toISOString().slice(0, 10), views: 2, downloads: 1, uniqueUsers: 2 }]);
  });

  it('never counts a failed request: 404, a record hidden from the viewer, 304, 416, an embargoed file', async () => {
    const id = await assetIn('draft', people, assetDraft(UNIT, { accessLevel: 'internal' }));
    const file = `/${id}/versions/1/files/report.pdf`;
    const upload = await owner.put(file).set('content-type', 'application/pdf').send(pdf);
    await owner.post(`/${id}/transitions`, { to: 'in_review' });
    await publisher.post(`/${id}/transitions`, { to: 'published' });
    expect((await assetsAs('ana').get(`/${id}/versions/7`)).status).toBe(404);
    expect((await assetsAs('ana').get(`/${id}/versions/1/files/other.pdf`)).status).toBe(404);
    expect((await assetsAs('con', ['constituent']).get(`/${id}`)).status).toBe(404);
    expect((await assetsAs('con', ['constituent']).get(file)).status).toBe(404);
    const etag = (await assetsAs('ana').get(file)).headers.etag;
    await recorded(id, 1); // the one successful download
    expect((await assetsAs('ana').get(file).set('if-none-match', etag)).status).toBe(304);
    expect((await assetsAs('ana').get(file).set('range', `bytes=${pdf.length + 10}-`)).status).toBe(416);
    expect(upload.status).toBe(201);
    // The embargoed asset: its record is seen (counted as a view), its file refused (not counted).
    const embargoed = await published({ embargoUntil: '2999-01-01' });
    expect((await assetsAs('ana').get(`/${embargoed}/versions/1/files/any.pdf`)).status).toBe(403);
    await new Promise((resolve) => setTimeout(resolve, 600)); // past the recorder's 200 ms batches
    expect(await actionCount(id)).toBe(1);
    expect(await actionCount(embargoed)).toBe(0);
  });

  it('counts a ranged download (206) as a download, and the ranges of one reading within 30 s once', async () => {
    const id = await assetIn('draft', people, assetDraft(UNIT));
    const file = `/${id}/versions/1/files/report.pdf`;
    await owner.put(file).set('content-type', 'application/pdf').send(pdf);
    await owner.post(`/${id}/transitions`, { to: 'in_review' });
    await publisher.post(`/${id}/transitions`, { to: 'published' });
    expect((await assetsAs('ana').get(file).set('range', 'bytes=0-999')).status).toBe(206);
    expect((await assetsAs('ana').get(file).set('range', 'bytes=1000-')).status).toBe(206);
    await recorded(id, 2);
    expect((await usageOf(id)).totals).toEqual({ views: 0, downloads: 1, uniqueUsers: 1 });
  });
});

describe('usage per period', () => {
  it('groups by day and by month within from and to (both included), unique users over the window', async () => {
    const id = await published();
    const actions: [string, string, string][] = [
      ['view', 'ana', '2026-10-31T23:59:50Z'],
      ['view', 'ana', '2026-11-01T00:00:10Z'], // within 30 s of the one before: counted in November, that one not
      ['view', 'bob', '2026-11-01T10:00:00Z'],
      ['download', 'bob', '2026-11-15T10:00:00Z'],
      ['view', 'ana', '2026-12-01T10:00:00Z'],
      ['view', 'cy', '2026-12-02T10:00:00Z'],
    ];
    for (const [kind, user, at] of actions) {
      await db.query(`INSERT INTO asset_usage_actions (asset_id, kind, item, user_id, at) VALUES ($1, $2, $3, $4, $5)`, [id, kind, kind === 'view' ? 'record' : '1/a.pdf', user, at]);
    }
    const byMonth = await usageOf(id, '?from=2026-10-01&to=2026-12-01&period=month');
    expect(byMonth.periods).toEqual([
      { start: '2026-11-01', views: 2, downloads: 1, uniqueUsers: 2 },
      { start: '2026-12-01', views: 1, downloads: 0, uniqueUsers: 1 },
    ]);
    expect(byMonth.totals).toEqual({ views: 3, downloads: 1, uniqueUsers: 2 });
    const byDay = await usageOf(id, '?from=2026-11-01&to=2026-11-30&period=day');
    expect(byDay.periods).toEqual([
      { start: '2026-11-01', views: 2, downloads: 0, uniqueUsers: 2 },
      { start: '2026-11-15', views: 0, downloads: 1, uniqueUsers: 1 },
    ]);
    expect(byDay).toMatchObject({ assetId: id, from: '2026-11-01', to: '2026-11-30', period: 'day', reusedIn: [] });
  });

  it('is for those who may see the asset, and ends its window today', async () => {
    const id = await published({ accessLevel: 'restricted', restrictedToUnits: [UNIT] });
    expect((await usageOf(id, '?to=9999-12-31&period=month')).totals).toEqual({ views: 0, downloads: 0, uniqueUsers: 0 });
    expect((await assetsAs('ana').get(`/${id}/usage`)).status).toBe(404);
    expect((await assetsAs('kim', ['km_officer'], { unit: UNIT }).get(`/${id}/usage`)).status).toBe(200);
  });

  describe('bad input', () => {
    const id = randomUUID();
    const get = (query: string) => () => assetsAs('ana').get(`/${id}/usage${query}`);
    itAnswersEachWithAProblem([
      ['an impossible date', get('?from=2026-02-30'), 400, 'from'],
      ['a date-time for a date', get('?to=2026-02-01T00:00:00Z'), 400, 'to'],
      ['an unknown period', get('?period=week'), 400, 'period'],
      ['from after to', get('?from=2026-03-02&to=2026-03-01'), 400, 'from'],
      ['a window after today', get('?from=9999-12-01&to=9999-12-31'), 400, 'from'],
      ['more than a year by day', get('?from=2024-01-01&to=2026-01-01&period=day'), 400, 'from'],
      ['an unknown parameter', get('?kind=view'), 400, 'kind'],
      ['an id that is not a uuid', () => assetsAs('ana').get('/nope/usage'), 400, 'id'],
      ['an asset that does not exist', get(''), 404, undefined],
    ]);
  });
});

describe('reused in: ideas, discussions and knowledge-sharing events citing assets', () => {
  it('links from the events, counted once however often delivered, and unlinks when an idea drops an asset', async () => {
    const [first, second] = [await published(), await published()];
    const ideaId = randomUUID();
    const created = record(IdeaCreatedV1, ideaId, {
      ideaId,
      version: 1,
      title: 'Shared payroll for cooperatives',
      problem: 'p',
      proposal: 'q',
      themes: [],
      knowledgeAssetIds: [first, second],
      authorId: 'ana',
      status: 'draft',
      createdAt: new Date().toISOString(),
    });
    const discussionId = randomUUID();
    const communityId = randomUUID();
    const shared = record(DiscussionSharedAssetsChangedV1, discussionId, { discussionId, communityId, version: 3, title: 'Payroll tools?', knowledgeAssetIds: [first], changedAt: new Date().toISOString() });
    const sharingEventId = randomUUID();
    const cited = record(SharingEventCitedAssetsChangedV1, sharingEventId, { sharingEventId, communityId, version: 1, title: 'Webinar on payroll', knowledgeAssetIds: [first], changedAt: new Date().toISOString() });
    await kafka.produce(IdeaCreatedV1.topic, [created, created]);
    await kafka.produce(DiscussionSharedAssetsChangedV1.topic, [shared, shared]);
    await kafka.produce(SharingEventCitedAssetsChangedV1.topic, [cited]);
    await waitUntilHandled(db, [eventIdOf(created), eventIdOf(shared), eventIdOf(cited)]);
    const links = (await usageOf(first)).reusedIn;
    expect(links.map((link: { kind: string; id: string }) => [link.kind, link.id]).sort()).toEqual(
      [['discussion', discussionId], ['idea', ideaId], ['sharing_event', sharingEventId]].sort(),
    );
    expect(links.find((link: { kind: string }) => link.kind === 'idea')).toMatchObject({ title: 'Shared payroll for cooperatives', url: `/api/v1/ideas/${ideaId}`, communityId: null });
    expect(links.find((link: { kind: string }) => link.kind === 'discussion')).toMatchObject({ title: 'Payroll tools?', communityId });

    // The idea now cites only the second; a late copy of its creation changes nothing.
    const updated = record(IdeaUpdatedV1, ideaId, { ideaId, version: 2, changes: { knowledgeAssetIds: [second] }, updatedAt: new Date().toISOString() });
    const lateCopy = record(IdeaCreatedV1, ideaId, IdeaCreatedV1.schema.parse(JSON.parse(created.value!.toString())));
    await kafka.produce(IdeaUpdatedV1.topic, [updated, lateCopy]);
    await waitUntilHandled(db, [eventIdOf(updated), eventIdOf(lateCopy)]);
    expect((await usageOf(first)).reusedIn.map((link: { kind: string }) => link.kind).sort()).toEqual(['discussion', 'sharing_event']);
    expect((await usageOf(second)).reusedIn.map((link: { id: string }) => link.id)).toEqual([ideaId]);
  });
});

/** Publication moved into the past, so that its type's review period is over (a policy brief: 2 years). */
async function publishedYearsAgo(assetId: string, years: number): Promise<void> {
  await db.query(`UPDATE asset_versions SET published_at = now() - make_interval(years => $2) WHERE asset_id = $1 AND status = 'published'`, [assetId, years]);
}

const runJob = () => admin.post('/reviews/job-runs');
const reviewDueEvents = async (assetId: string) => outboxEvents(db, { aggregateId: assetId, type: KnowledgeAssetReviewDueV1.type });

describe('review-by dates and the daily review job', () => {
  let busy: string;
  let quiet: string;
  let fresh: string;

  beforeAll(async () => {
    [busy, quiet, fresh] = [await published(), await published(), await published()];
    await publishedYearsAgo(busy, 3);
    await publishedYearsAgo(quiet, 3);
    // The busy one was used within the year: two people, two views.
    for (const user of ['ana', 'bob']) await db.query(`INSERT INTO asset_usage_actions VALUES ($1, 'view', 'record', $2, now() - interval '3 days')`, [busy, user]);
  });

  it('shows the review block: the type’s default from publication, due once past it', async () => {
    const today = new Date();
    const response = await assetsAs('ana').get(`/${fresh}`);
    const twoYears = new Date(Date.UTC(today.getUTCFullYear() + 2, today.getUTCMonth(), today.getUTCDate())).toISOString().slice(0, 10);
    expect(response.body.review).toMatchObject({ reviewBy: twoYears, status: 'current', source: 'default', dueNotifiedAt: null });
    expect((await assetsAs('ana').get(`/${busy}`)).body.review).toMatchObject({ status: 'due', source: 'default', dueNotifiedAt: null });
  });

  it('emits review-due for the past-due assets only, most used first, once, whichever of two concurrent runs does it', async () => {
    const runs = await Promise.all([runJob(), runJob()]);
    for (const run of runs) expect(run.status).toBe(200);
    expect(runs.reduce((sum, run) => sum + run.body.reviewDue, 0)).toBe(2);
    const [busyDue, quietDue] = [await reviewDueEvents(busy), await reviewDueEvents(quiet)];
    expect(busyDue).toHaveLength(1);
    expect(quietDue).toHaveLength(1);
    expect(await reviewDueEvents(fresh)).toHaveLength(0);
    expect(busyDue[0]!.payload).toMatchObject({ usageRank: 1, views: 2, downloads: 0, publishingUnit: UNIT });
    expect(quietDue[0]!.payload).toMatchObject({ usageRank: 2, views: 0 });
    const dueOrder = (await outboxEvents(db, { type: KnowledgeAssetReviewDueV1.type })).map((event) => event.aggregateId).filter((id) => id === busy || id === quiet);
    expect(dueOrder).toEqual([busy, quiet]);
    // The next day's run, or the same day's, sends nothing again for the same due date.
    expect((await runJob()).body.reviewDue).toBe(0);
    expect(await reviewDueEvents(busy)).toHaveLength(1);
    expect((await assetsAs('ana').get(`/${busy}`)).body.review.dueNotifiedAt).toEqual(expect.any(String));
  });

  it('lists a unit’s due assets for its km_officer and admins only', async () => {
    const list = await officer.get(`/reviews?unit=${UNIT}&status=due`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((item: { assetId: string }) => item.assetId).sort()).toEqual([busy, quiet].sort());
    expect((await admin.get(`/reviews?unit=${UNIT}`)).body.items).toHaveLength(2);
    expect((await officer.get(`/reviews?unit=${UNIT}&status=current`)).body.items.map((item: { assetId: string }) => item.assetId)).toContain(fresh);
    expect((await rootAs('oli', ['km_officer'], { unit: OTHER_UNIT }).get(`/reviews?unit=${UNIT}`)).status).toBe(403);
    expect((await rootAs('ana').get(`/reviews?unit=${UNIT}`)).status).toBe(403);
  });

  it('a confirmation by the unit’s km_officer sets the next date; retiring takes the asset off the list', async () => {
    expect((await rootAs('cleo', STAFF, { unit: UNIT }).post(`/assets/${busy}/review/confirmations`, {})).status).toBe(403);
    expect((await rootAs('oli', ['km_officer'], { unit: OTHER_UNIT }).post(`/assets/${busy}/review/confirmations`, {})).status).toBe(403);
    const confirmed = await officer.post(`/assets/${busy}/review/confirmations`, {});
    expect(confirmed.status).toBe(200);
    const today = new Date();
    const next = new Date(Date.UTC(today.getUTCFullYear() + 2, today.getUTCMonth(), today.getUTCDate())).toISOString().slice(0, 10);
    expect(confirmed.body.review).toMatchObject({ reviewBy: next, status: 'current', source: 'confirmed', setBy: 'kim' });
    const changed = await outboxEvents(db, { aggregateId: busy, type: KnowledgeAssetReviewDateChangedV1.type });
    expect(changed.map((event) => event.payload)).toEqual([expect.objectContaining({ kind: 'confirmed', reviewBy: next, version: confirmed.body.revision, actorId: 'kim' })]);
    expect((await admin.post(`/assets/${quiet}/review/confirmations`, { reviewBy: '2030-01-31' })).body.review).toMatchObject({ reviewBy: '2030-01-31', setBy: 'ada' });
    await db.query(`DELETE FROM asset_review_dates WHERE version_id IN (SELECT id FROM asset_versions WHERE asset_id = $1)`, [quiet]);
    await publisher.post(`/${quiet}/transitions`, { to: 'retired', reason: 'Out of date; the 2027 brief replaces it.' });
    expect((await officer.get(`/reviews?unit=${UNIT}&status=due`)).body.items).toEqual([]);
    expect((await runJob()).body.reviewDue).toBe(0);
    expect((await admin.post(`/assets/${quiet}/review/confirmations`, {})).status).toBe(409);
  });

  it('an owner sets the date on a draft, which holds from its publication', async () => {
    const id = await assetIn('draft', people, assetDraft(UNIT));
    const set = await assetsAs('cleo', STAFF, { unit: UNIT }).put(`/${id}/review`).send({ reviewBy: '2027-06-30' });
    expect(set.status).toBe(200);
    expect(set.body.review).toMatchObject({ reviewBy: '2027-06-30', status: 'not_published', source: 'set' });
    await owner.post(`/${id}/transitions`, { to: 'in_review' });
    await publisher.post(`/${id}/transitions`, { to: 'published' });
    expect((await assetsAs('ana').get(`/${id}`)).body.review).toMatchObject({ reviewBy: '2027-06-30', status: 'current', source: 'set' });
    expect((await assetsAs('ana').put(`/${id}/review`).send({ reviewBy: '2027-07-30' })).status).toBe(403);
    expect((await assetsAs('cleo', STAFF, { unit: UNIT }).put(`/${id}/review`).set('if-match', '"1"').send({ reviewBy: '2027-07-30' })).status).toBe(412);
  });

  it('emits yesterday’s usage of each used asset once', async () => {
    const id = await published();
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    for (const [user, time] of [['ana', '10:00:00'], ['ana', '10:00:20'], ['bob', '11:00:00']]) {
      await db.query(`INSERT INTO asset_usage_actions VALUES ($1, 'view', 'record', $2, $3)`, [id, user, `${yesterday}T${time}Z`]);
    }
    await db.query(`INSERT INTO asset_usage_actions VALUES ($1, 'download', '1/a.pdf', 'bob', $2)`, [id, `${yesterday}T12:00:00Z`]);
    expect((await runJob()).body.usageDays).toBeGreaterThanOrEqual(1);
    expect((await runJob()).body.usageDays).toBe(0);
    const events = await outboxEvents(db, { aggregateId: id, type: KnowledgeAssetUsageRecordedV1.type });
    expect(events.map((event) => event.payload)).toEqual([expect.objectContaining({ assetId: id, day: yesterday, views: 2, downloads: 1, uniqueUsers: 2, reusedIn: 0 })]);
  });

  describe('bad input', () => {
    const id = randomUUID();
    itAnswersEachWithAProblem([
      ['a review date in the past', () => assetsAs('cleo').put(`/${id}/review`).send({ reviewBy: '2020-01-01' }), 400, 'reviewBy'],
      ['a review date too far ahead', () => assetsAs('cleo').put(`/${id}/review`).send({ reviewBy: '2099-01-01' }), 400, 'reviewBy'],
      ['no review date', () => assetsAs('cleo').put(`/${id}/review`).send({}), 400, 'reviewBy'],
      ['an impossible review date', () => assetsAs('cleo').put(`/${id}/review`).send({ reviewBy: '2027-02-30' }), 400, 'reviewBy'],
      ['an unknown field', () => assetsAs('cleo').put(`/${id}/review`).send({ reviewBy: '2027-01-01', note: 'x' }), 400, 'note'],
      ['a review date of no asset', () => assetsAs('cleo').put(`/${id}/review`).send({ reviewBy: '2027-01-01' }), 404, undefined],
      ['a confirmation date in the past', () => admin.post(`/assets/${id}/review/confirmations`, { reviewBy: '2001-01-01' }), 400, 'reviewBy'],
      ['a confirmation date that is a number', () => admin.post(`/assets/${id}/review/confirmations`, { reviewBy: 20270101 }), 400, 'reviewBy'],
      ['a confirmation of no asset', () => admin.post(`/assets/${id}/review/confirmations`, {}), 404, undefined],
      ['a confirmation on a bad id', () => admin.post('/assets/nope/review/confirmations', {}), 400, 'id'],
      ['a review list without a unit', () => admin.get('/reviews'), 400, 'unit'],
      ['a review list of an unknown status', () => admin.get(`/reviews?unit=${UNIT}&status=late`), 400, 'status'],
      ['a review list of 0 items', () => admin.get(`/reviews?unit=${UNIT}&limit=0`), 400, 'limit'],
      ['a review list with an unknown parameter', () => admin.get(`/reviews?unit=${UNIT}&sort=old`), 400, 'sort'],
      ['the job run by a km_officer', () => officer.post('/reviews/job-runs'), 403, undefined],
    ]);
  });
});

describe('flags', () => {
  it('flags an asset nobody used for a year, and one with a newer version elsewhere (same DOI, later issue)', async () => {
    const doi = { scheme: 'doi', value: `10.54394/${randomUUID().slice(0, 8).toUpperCase()}` };
    const older = await published({ persistentIdentifier: doi, dateIssued: '2024-01-10' });
    const newer = await published({ persistentIdentifier: { ...doi, value: doi.value.toLowerCase() }, dateIssued: '2026-05-01' });
    const used = await published();
    await publishedYearsAgo(older, 2);
    await publishedYearsAgo(used, 2);
    await db.query(`INSERT INTO asset_usage_actions VALUES ($1, 'view', 'record', 'ana', now() - interval '20 days')`, [used]);
    expect((await assetsAs('ana').get(`/${older}`)).body.review.flags).toEqual({ unused: true, lastUsedAt: null, replacedBy: [newer] });
    // Its own read was counted meanwhile: no longer unused.
    await recorded(older, 1);
    expect((await assetsAs('ana').get(`/${older}`)).body.review.flags).toMatchObject({ unused: false, replacedBy: [newer] });
    expect((await assetsAs('ana').get(`/${newer}`)).body.review.flags).toEqual({ unused: false, lastUsedAt: null, replacedBy: [] });
    expect((await assetsAs('ana').get(`/${used}`)).body.review.flags).toMatchObject({ unused: false, replacedBy: [] });
  });
});

describe('events', () => {
  it('every new event is on Kafka and validates against its contract', async () => {
    await eventually(async () => expect(await unpublishedOutboxCount(db)).toBe(0), 30_000);
    const types = [KnowledgeAssetReviewDueV1, KnowledgeAssetReviewDateChangedV1, KnowledgeAssetUsageRecordedV1].map((contract) => contract.type);
    const rows = (await outboxEvents(db)).filter((row) => types.includes(row.type));
    expect(new Set(rows.map((row) => row.type))).toEqual(new Set(types));
    const emitted = new Set(rows.map((row) => row.id));
    const isOurs = (message: KafkaMessage) => emitted.has(headerText(message.headers, 'ce_id') ?? '');
    const messages = await kafka.readUntil('ikm.knowledge-assets.asset', (received) => received.filter(isOurs).length >= emitted.size, 60_000);
    const ours = messages.filter(isOurs);
    expect(new Set(ours.map((message) => headerText(message.headers, 'ce_id')))).toEqual(emitted);
    for (const message of ours) {
      const event = decodeCloudEvent('ikm.knowledge-assets.asset', 0, message);
      expect(() => findContract(event.type)!.schema.parse(event.data)).not.toThrow();
    }
  });
});
