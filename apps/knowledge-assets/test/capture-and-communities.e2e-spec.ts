import type { Role } from '#ikm/auth';
import {
  AfterActionReviewPublishedV1,
  AnswerAcceptedV1,
  CommunityMembershipChangedV1,
  ExperimentConcludedV1,
  KnowledgeAssetDraftCreatedV1,
  type EventContract,
  type EventData,
} from '#ikm/contracts';
import { encodeCloudEvent, type OutboxRecord } from '#ikm/messaging';
import {
  apiClient,
  eventIdOf,
  eventually,
  outboxEvents,
  outboxRecord,
  serviceApi,
  ServiceProcess,
  TEST_SERVICES,
  TestKafka,
  waitUntilHandled,
  type PersonaClaims,
} from '#ikm/testing';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { assetDraft, assetIn } from './factories.js';

/**
 * What knowledge-assets does with other services' events, against real Kafka and PostgreSQL: ideas'
 * concluded experiments and adopted ideas, and communities' after-action reviews, become drafts owned
 * by their people, once per source however often they arrive; community membership decides who reads
 * assets restricted to a community, inside the same SQL condition as every other access rule.
 */
const service = new ServiceProcess(TEST_SERVICES['knowledge-assets']);
const ideas = new ServiceProcess(TEST_SERVICES.ideas);
const kafka = new TestKafka();
const db = new pg.Pool({ connectionString: TEST_SERVICES['knowledge-assets'].databaseUrl, max: 2 });
const ideasDb = new pg.Pool({ connectionString: TEST_SERVICES.ideas.databaseUrl, max: 1 });
const assetsApi = apiClient(service, { prefix: '/knowledge-assets/assets' });
const ideasApi = serviceApi(ideas);

const UNIT = `INNOVATION-${randomUUID().slice(0, 8)}`;
const OTHER_UNIT = `STATISTICS-${randomUUID().slice(0, 8)}`;
const STAFF: Role[] = ['staff'];
const ADMIN: Role[] = ['ikmu_admin'];

const assetsAs = (user: string, roles: Role[] = STAFF, claims: PersonaClaims = { unit: OTHER_UNIT }) => assetsApi.as(user, roles, claims);
const ideasAs = (user: string, roles: Role[] = STAFF) => ideasApi.as(user, roles, { unit: UNIT });

beforeAll(async () => {
  await Promise.all([service.start(), ideas.start()]);
}, 60_000);

afterAll(async () => {
  await Promise.all([service.stop(), ideas.stop()]);
  await Promise.all([db.end(), ideasDb.end()]);
});

/** A Kafka record of a contract's event, as its producer's relay would send it. */
function record<C extends EventContract>(contract: C, aggregateId: string, data: EventData<C>, overrides: Partial<OutboxRecord> = {}) {
  return encodeCloudEvent(outboxRecord(contract, aggregateId, contract.schema.parse(data), overrides));
}

/** The id of the asset captured from this source, once the capture has happened. */
async function capturedAssetOf(aggregateType: string, aggregateId: string): Promise<string> {
  let id = '';
  await eventually(async () => {
    const { rows } = await db.query(`SELECT id FROM assets WHERE captured_from->>'aggregateType' = $1 AND captured_from->>'aggregateId' = $2`, [aggregateType, aggregateId]);
    expect(rows).toHaveLength(1);
    id = rows[0].id;
  }, 30_000);
  return id;
}

async function assetsCapturedFrom(aggregateId: string): Promise<number> {
  const { rows } = await db.query(`SELECT count(*)::int AS count FROM assets WHERE captured_from->>'aggregateId' = $1`, [aggregateId]);
  return rows[0].count;
}

/** The draft-created events of an asset, each checked against its contract. */
async function draftCreatedEvents(assetId: string) {
  const events = await outboxEvents(db, { aggregateId: assetId, type: KnowledgeAssetDraftCreatedV1.type });
  for (const event of events) expect(KnowledgeAssetDraftCreatedV1.schema.safeParse(event.payload)).toMatchObject({ success: true });
  return events;
}

describe('automatic capture from ideas', () => {
  let ideaId: string;
  let experimentId: string;

  it('turns an experiment concluded with lessons into a draft lesson learned owned by the idea’s team, linked back', async () => {
    const created = await ideasAs('alice').post('', { title: 'Shared interpretation rosters', problem: 'Rosters are kept per office', proposal: 'One roster for the region' });
    expect(created.status).toBe(201);
    ideaId = created.body.id;
    expect((await ideasAs('alice').post(`/${ideaId}/team/invitations`, { userId: 'bob' })).status).toBe(201);
    expect((await ideasAs('bob').post(`/${ideaId}/team/invitations/accept`)).status).toBe(200);
    expect((await ideasAs('alice').post(`/${ideaId}/submit`)).status).toBe(200);
    for (const to of ['in_review', 'accepted']) expect((await ideasAs('ada', ADMIN).post(`/${ideaId}/transitions`, { to })).status).toBe(200);
    const started = await ideasAs('alice').post(`/${ideaId}/experiments`, {
      hypothesis: 'Offices will book interpreters from one roster',
      successMeasure: 'Half the bookings through the roster',
      startsOn: '2027-01-01',
      endsOn: '2027-03-31',
      budgetUsd: 2000,
    });
    expect(started.status).toBe(201);
    experimentId = started.body.id;
    const lessons = 'Offices keep their own lists unless the roster is in the booking tool.';
    expect((await ideasAs('bob').post(`/${ideaId}/experiments/${experimentId}/conclusion`, { outcome: 'invalidated', lessons })).status).toBe(200);

    const assetId = await capturedAssetOf('experiment', experimentId);
    const [concluded] = await outboxEvents(ideasDb, { aggregateId: experimentId, type: ExperimentConcludedV1.type });
    const draft = await assetsAs('alice').get(`/${assetId}`);
    expect(draft.status).toBe(200);
    expect(draft.body).toMatchObject({
      type: 'lesson_learned',
      status: 'draft',
      versionNumber: 1,
      title: { und: 'Shared interpretation rosters' },
      abstract: { und: `Offices will book interpreters from one roster\n\n${lessons}` },
      creators: [
        { name: 'alice', staffId: 'alice', orcid: null },
        { name: 'bob', staffId: 'bob', orcid: null },
      ],
      publishingUnit: UNIT,
      accessLevel: 'internal',
      source: { platform: 'internal', identifier: `ideas/experiment/${experimentId}`, url: null },
      capturedFrom: {
        service: 'ideas',
        aggregateType: 'experiment',
        aggregateId: experimentId,
        eventId: concluded.id,
        eventType: ExperimentConcludedV1.type,
        url: `/api/v1/ideas/${ideaId}/experiments`,
      },
      allowedTransitions: ['in_review'],
      createdBy: 'knowledge-assets:capture',
    });
    // Its owners see the draft; nobody else does until it is published.
    expect((await assetsAs('bob').get(`/${assetId}`)).status).toBe(200);
    expect((await assetsAs('sam').get(`/${assetId}`)).status).toBe(404);
    const events = await draftCreatedEvents(assetId);
    expect(events).toHaveLength(1);
    expect(events[0].payload).toMatchObject({ assetId, version: 1, type: 'lesson_learned', capturedFrom: { aggregateId: experimentId, eventId: concluded.id } });
  });

  it('makes one draft per experiment however often its event arrives: again as it was, and again under a new id', async () => {
    const [concluded] = await outboxEvents(ideasDb, { aggregateId: experimentId, type: ExperimentConcludedV1.type });
    const again = record(ExperimentConcludedV1, experimentId, concluded.payload as EventData<typeof ExperimentConcludedV1>, { id: concluded.id });
    const republished = record(ExperimentConcludedV1, experimentId, concluded.payload as EventData<typeof ExperimentConcludedV1>);
    // One key, so one partition in this order: once the republished copy is handled, so is the first.
    await kafka.produce(ExperimentConcludedV1.topic, [again, republished]);
    await waitUntilHandled(db, [eventIdOf(republished)]);
    expect(await assetsCapturedFrom(experimentId)).toBe(1);
    expect(await draftCreatedEvents(await capturedAssetOf('experiment', experimentId))).toHaveLength(1);
  });

  it('turns an adopted idea into a draft good practice of its team, from the idea’s origin unit', async () => {
    expect((await ideasAs('ada', ADMIN).post(`/${ideaId}/transitions`, { to: 'adopted', reason: 'Rolled out' })).status).toBe(200);
    const assetId = await capturedAssetOf('idea', ideaId);
    const draft = await assetsAs('bob').get(`/${assetId}`);
    expect(draft.body).toMatchObject({
      type: 'good_practice',
      status: 'draft',
      title: { und: 'Shared interpretation rosters' },
      abstract: { und: 'Rosters are kept per office\n\nOne roster for the region' },
      creators: [{ staffId: 'alice' }, { staffId: 'bob' }],
      publishingUnit: UNIT,
      capturedFrom: { service: 'ideas', aggregateType: 'idea', aggregateId: ideaId, url: `/api/v1/ideas/${ideaId}` },
    });
    expect(await draftCreatedEvents(assetId)).toHaveLength(1);
  });
});

describe('automatic capture from communities', () => {
  it('turns a published after-action review into a draft lesson learned of its participants, once', async () => {
    const reviewId = randomUUID();
    const subject = randomUUID();
    const review = record(AfterActionReviewPublishedV1, reviewId, {
      reviewId,
      communityId: randomUUID(),
      sharingEventId: randomUUID(),
      title: 'Revue après action : atelier sur l’inspection du travail',
      language: 'fr',
      whatWasPlanned: 'Former 30 inspecteurs.',
      whatHappened: '18 sont venus.',
      whyItHappened: 'L’invitation est partie trop tard.',
      lessons: 'Inviter six semaines avant.',
      participants: ['fatou', 'lena', 'fatou'],
      subjects: [subject],
      publishedAt: '2027-05-04T10:00:00.000Z',
    });
    await kafka.produce(AfterActionReviewPublishedV1.topic, [review, review]);
    const assetId = await capturedAssetOf('after-action-review', reviewId);
    await waitUntilHandled(db, [eventIdOf(review)]);
    const draft = await assetsAs('lena').get(`/${assetId}`);
    expect(draft.body).toMatchObject({
      type: 'lesson_learned',
      status: 'draft',
      title: { fr: 'Revue après action : atelier sur l’inspection du travail' },
      abstract: { fr: 'Former 30 inspecteurs.\n\n18 sont venus.\n\nL’invitation est partie trop tard.\n\nInviter six semaines avant.' },
      creators: [{ staffId: 'fatou' }, { staffId: 'lena' }],
      languages: ['fr'],
      subjects: [subject],
      dateIssued: '2027-05-04',
      capturedFrom: { service: 'communities', aggregateType: 'after-action-review', aggregateId: reviewId, eventId: eventIdOf(review) },
    });
    expect(draft.body.creators).toHaveLength(2);
    expect(await assetsCapturedFrom(reviewId)).toBe(1);
    expect(await draftCreatedEvents(assetId)).toHaveLength(1);
  });

  it('turns an accepted answer into a draft good practice of its author, once', async () => {
    const [questionId, answerId, subject] = [randomUUID(), randomUUID(), randomUUID()];
    const accepted = record(AnswerAcceptedV1, questionId, {
      questionId,
      answerId,
      communityId: randomUUID(),
      questionTitle: '¿Cómo registrar a los trabajadores domésticos en la seguridad social?',
      questionBody: 'Buscamos un procedimiento simple.',
      answerBody: 'Un formulario único en línea, con el empleador como declarante.',
      language: 'es',
      authorId: 'lena',
      acceptedBy: 'fatou',
      subjects: [subject],
      acceptedAt: '2027-06-01T09:30:00.000Z',
    });
    await kafka.produce(AnswerAcceptedV1.topic, [accepted, accepted]);
    const assetId = await capturedAssetOf('answer', answerId);
    await waitUntilHandled(db, [eventIdOf(accepted)]);
    const draft = await assetsAs('lena').get(`/${assetId}`);
    expect(draft.body).toMatchObject({
      type: 'good_practice',
      status: 'draft',
      title: { es: '¿Cómo registrar a los trabajadores domésticos en la seguridad social?' },
      abstract: { es: 'Buscamos un procedimiento simple.\n\nUn formulario único en línea, con el empleador como declarante.' },
      creators: [{ staffId: 'lena' }],
      languages: ['es'],
      subjects: [subject],
      dateIssued: '2027-06-01',
      capturedFrom: { service: 'communities', aggregateType: 'answer', aggregateId: answerId, eventId: eventIdOf(accepted) },
    });
    // Its author owns it; the person who accepted it does not.
    expect((await assetsAs('fatou').get(`/${assetId}`)).status).toBe(404);
    expect(await assetsCapturedFrom(answerId)).toBe(1);
    expect(await draftCreatedEvents(assetId)).toHaveLength(1);
  });
});

describe('assets restricted to a community', () => {
  const communityId = randomUUID();
  let assetId: string;

  /** The community's whole membership at a version, as the communities service will publish it. */
  async function membership(version: number, members: string[]): Promise<void> {
    const changed = record(CommunityMembershipChangedV1, communityId, {
      communityId,
      version,
      members: members.map((userId) => ({ userId, role: 'member' as const })),
      changedAt: new Date().toISOString(),
    });
    await kafka.produce(CommunityMembershipChangedV1.topic, [changed]);
    await waitUntilHandled(db, [eventIdOf(changed)]);
  }

  /** Whether the viewer finds the asset, by its URL and in the list of assets. */
  async function sees(user: string, roles: Role[] = STAFF): Promise<{ get: number; listed: boolean }> {
    const get = await assetsAs(user, roles).get(`/${assetId}`);
    const list = await assetsAs(user, roles).get(`?unit=${UNIT}&limit=100`);
    expect(list.status).toBe(200);
    return { get: get.status, listed: list.body.items.some((item: { id: string }) => item.id === assetId) };
  }

  beforeAll(async () => {
    const people = { owner: assetsAs('cleo'), publisher: assetsAs('kim', ['km_officer'], { unit: UNIT }) };
    assetId = await assetIn('published', people, assetDraft(UNIT, { accessLevel: 'restricted', restrictedToUnits: [], restrictedToCommunities: [communityId] }));
  });

  it('is read by the community’s members from their membership event on, and no longer once they left', async () => {
    expect(await sees('vic')).toEqual({ get: 404, listed: false });
    await membership(1, ['vic', 'con']);
    expect(await sees('vic')).toEqual({ get: 200, listed: true });
    // The community admitted them: membership grants reading whatever the role (a constituent member too).
    expect(await sees('con', ['constituent'])).toEqual({ get: 200, listed: true });
    expect(await sees('sam')).toEqual({ get: 404, listed: false });

    await membership(2, ['con']);
    expect(await sees('vic')).toEqual({ get: 404, listed: false });
    // A late copy of the older membership does not bring vic back.
    await membership(1, ['vic', 'con']);
    expect(await sees('vic')).toEqual({ get: 404, listed: false });
    expect(await sees('con', ['constituent'])).toEqual({ get: 200, listed: true });
  });
});
