import type { Role } from '#ikm/auth';
import { KnowledgeAssetPublishedV1 } from '#ikm/contracts';
import { decodeCloudEvent } from '#ikm/messaging';
import { eventIdOf, eventually, headerText, itAnswersEachWithAProblem, outboxEvents, serviceApi, ServiceProcess, TEST_SERVICES, TestKafka, unpublishedOutboxCount, waitUntilHandled, type BadInputCase } from '#ikm/testing';
import type { KafkaMessage } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { benefitPeriod, challengeDraft, experimentPlan, submittedIdea } from './factories.js';
import { knowledgeAssetPublished } from './knowledge-asset-events.js';

/** The innovation lifecycle through the ideas API, as its users meet it, against real Kafka and PostgreSQL. */
const ideas = new ServiceProcess(TEST_SERVICES.ideas);
const kafka = new TestKafka();
const db = new pg.Pool({ connectionString: TEST_SERVICES.ideas.databaseUrl, max: 2 });
const ideasApi = serviceApi(ideas);

/** Calls `/ideas<path>` as this user (staff unless roles are given). */
const as = (user: string, roles?: Role[]) => ideasApi.as(user, roles);

const ADMIN: Role[] = ['ikmu_admin'];
const REVIEWER: Role[] = ['staff', 'reviewer'];
const KM_OFFICER: Role[] = ['km_officer'];

/** An idea of this story: its problem and proposal are what similar-work detection compares. */
const idea = (title: string, extra: object = {}) => ({
  title,
  problem: 'Field offices translate the same ILO standards again and again, paying twice for the same words.',
  proposal: 'A shared translation memory that every office can query before commissioning a translation.',
  themes: ['knowledge-sharing'],
  ...extra,
});

beforeAll(async () => {
  await ideas.start();
});

afterAll(async () => {
  await ideas.stop();
  await db.end();
});

describe('from challenge to realised benefits', () => {
  let challengeId: string;
  let ideaId: string;
  const assetId = randomUUID();
  const criteria = [
    { key: 'impact', name: 'Impact on constituents', weight: 3 },
    { key: 'cost', name: 'Cost to implement', weight: 1 },
  ];

  it('a KM officer poses a challenge with weighted criteria; it is open now', async () => {
    const response = await as('kim', KM_OFFICER).post('/challenges', {
      title: 'Cut translation costs in field offices',
      description: 'Translation budgets grow every biennium.',
      opensAt: new Date(Date.now() - 60_000).toISOString(),
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
      themes: ['languages'],
      criteria,
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ sponsorId: 'kim', phase: 'open', criteria, version: 1 });
    challengeId = response.body.id;
    expect((await as('alice').post('/challenges', { ...response.body })).status).toBe(403);
  });

  it('a published knowledge asset reaches the local replica through Kafka', async () => {
    const published = knowledgeAssetPublished(assetId, {
      title: { en: 'Shared translation memory for ILO field offices', fr: 'Mémoire de traduction partagée' },
      abstract: { en: 'How offices stopped paying twice for the same translation.' },
      subjects: ['languages'],
      languages: ['en', 'fr'],
      accessLevel: 'internal',
    });
    await kafka.produce(KnowledgeAssetPublishedV1.topic, [published]);
    await waitUntilHandled(db, [eventIdOf(published)], 30_000);
    const { rows } = await db.query(`SELECT version FROM knowledge_assets WHERE asset_id = $1`, [assetId]);
    expect(rows).toEqual([{ version: 1 }]);
  });

  it('alice drafts an idea for the challenge, bob joins her team, and submission finds similar work', async () => {
    const earlier = await submittedIdea(as('carol'), idea('Shared translation memory for ILO field offices'));
    const created = await as('alice').post('', idea('Translation memory shared by field offices', {
      challengeId,
      expectedBenefits: { description: 'Fewer paid translations', annualSavingsUsd: 250000, staffHours: 1200 },
    }));
    expect(created.status).toBe(201);
    ideaId = created.body.id;
    expect(created.body).toMatchObject({ challengeId, status: 'draft', allowedTransitions: ['submitted', 'withdrawn'] });

    expect((await as('alice').post(`/${ideaId}/team/invitations`, { userId: 'bob' })).status).toBe(201);
    expect((await as('bob').get(`/${ideaId}`)).status).toBe(200); // an invitee sees the draft
    const joined = await as('bob').post(`/${ideaId}/team/invitations/accept`);
    expect(joined.status).toBe(200);
    expect(joined.body.team.map((member: { userId: string; status: string }) => [member.userId, member.status])).toEqual([
      ['alice', 'accepted'],
      ['bob', 'accepted'],
    ]);
    expect((await as('bob').patch(`/${ideaId}`, { themes: ['knowledge-sharing', 'languages'] })).status).toBe(200);

    const submitted = await as('bob').post(`/${ideaId}/submit`);
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe('submitted');
    expect(submitted.body.similarWork.flagged).toBe(true);
    expect(submitted.body.similarWork.ideas.map((match: { id: string }) => match.id)).toContain(earlier);
    expect(submitted.body.similarWork.knowledgeAssets.map((match: { id: string }) => match.id)).toContain(assetId);
    // On demand, the same ranking as at submission. Not "earlier first": other suites share this
    // database (the fuzz test posts ideas titled like the API's examples), and any of them may rank higher.
    const onDemand = await as('dave').get(`/${ideaId}/similar`);
    const ids = (matches: Array<{ id: string }>) => matches.map((match) => match.id);
    expect(ids(onDemand.body.ideas)).toEqual(ids(submitted.body.similarWork.ideas));
  });

  it('review: reviewers assigned (never from the team), each scores every criterion, acceptance waits for all', async () => {
    expect((await as('rita', REVIEWER).post(`/${ideaId}/transitions`, { to: 'in_review' })).status).toBe(200);
    expect((await as('ada', ADMIN).post(`/${ideaId}/review/reviewers`, { reviewerId: 'bob' })).status).toBe(409);
    expect((await as('rita', REVIEWER).post(`/${ideaId}/review/reviewers`, { reviewerId: 'rita' })).status).toBe(403);
    for (const reviewerId of ['rita', 'ray']) {
      expect((await as('ada', ADMIN).post(`/${ideaId}/review/reviewers`, { reviewerId })).status).toBe(201);
    }
    const ritaScores = await as('rita', REVIEWER).put(`/${ideaId}/review/scorecard`, {
      scores: [
        { criterion: 'impact', score: 5, notes: 'Large savings' },
        { criterion: 'cost', score: 3 },
      ],
    });
    expect(ritaScores.status).toBe(200);
    expect(ritaScores.body).toMatchObject({ complete: false, pendingReviewers: ['ray'], weightedScore: 4.5 });

    const early = await as('rita', REVIEWER).post(`/${ideaId}/transitions`, { to: 'accepted' });
    expect(early.status).toBe(409);
    expect(early.body.reviewersPending).toEqual(['ray']);

    const partial = await as('ray', REVIEWER).put(`/${ideaId}/review/scorecard`, { scores: [{ criterion: 'impact', score: 4 }] });
    expect(partial.status).toBe(400);
    expect(partial.body.errors[0]).toMatchObject({ field: 'scores' });
    const rayScores = await as('ray', REVIEWER).put(`/${ideaId}/review/scorecard`, {
      scores: [
        { criterion: 'impact', score: 3 },
        { criterion: 'cost', score: 1 },
      ],
    });
    expect(rayScores.body).toMatchObject({ complete: true, pendingReviewers: [], weightedScore: 3.5 }); // (4.5 + 2.5) / 2
    expect((await as('alice').get(`/${ideaId}/review`)).body.scorecards).toEqual([]); // the team sees the result, not the cards

    const accepted = await as('rita', REVIEWER).post(`/${ideaId}/transitions`, { to: 'accepted' });
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('accepted');
  });

  it('a safe-to-fail experiment: invalidated, with lessons, is a learning result', async () => {
    const started = await as('alice').post(`/${ideaId}/experiments`, {
      hypothesis: 'Offices will query the memory before commissioning',
      successMeasure: '50% of requests matched',
      startsOn: '2026-12-01',
      endsOn: '2027-02-28',
      budgetUsd: 15000,
    });
    expect(started.status).toBe(201);
    expect((await as('alice').get(`/${ideaId}`)).body.status).toBe('in_experiment');
    const concluded = await as('bob').post(`/${ideaId}/experiments/${started.body.id}/conclusion`, {
      outcome: 'invalidated',
      lessons: 'Offices need the memory inside their translation tool, not beside it.',
    });
    expect(concluded.status).toBe(200);
    expect(concluded.body).toMatchObject({ status: 'concluded', outcome: 'invalidated', learningResult: true });
    expect((await as('bob').post(`/${ideaId}/experiments/${started.body.id}/conclusion`, { outcome: 'validated' })).status).toBe(409);
  });

  it('adoption by an administrator emits the recognition event with the whole team', async () => {
    expect((await as('alice').post(`/${ideaId}/transitions`, { to: 'adopted' })).status).toBe(403);
    const adopted = await as('ada', ADMIN).post(`/${ideaId}/transitions`, { to: 'adopted', reason: 'Rolled out to 12 offices' });
    expect(adopted.status).toBe(200);
    const events = await outboxEvents(db, { aggregateId: ideaId, type: 'ikm.ideas.idea.adopted.v1' });
    expect(events).toHaveLength(1);
    expect(events[0].payload).toMatchObject({ ideaId, challengeId, team: ['alice', 'bob'], themes: ['knowledge-sharing', 'languages'] });
  });

  it('benefits realised are recorded by period and totalled', async () => {
    const periods = [
      { periodStart: '2027-01-01', periodEnd: '2027-03-31', usdSaved: 40000.5, staffHoursSaved: 300, beneficiaries: 12 },
      { periodStart: '2027-04-01', periodEnd: '2027-06-30', usdSaved: 60000, staffHoursSaved: 450.25, beneficiaries: 20 },
    ];
    for (const period of periods) expect((await as('alice').post(`/${ideaId}/benefits`, period)).status).toBe(201);
    const benefits = await as('dave').get(`/${ideaId}/benefits`);
    expect(benefits.body.totals).toEqual({ usdSaved: 100000.5, staffHoursSaved: 750.25, beneficiaries: 32 });
    expect(benefits.body.items.map((item: { periodEnd: string }) => item.periodEnd)).toEqual(['2027-03-31', '2027-06-30']);
  });

  it('the history says who moved the idea, when and why', async () => {
    const history = await as('dave').get(`/${ideaId}/history`);
    expect(history.body.map((entry: { from: string; to: string; actorId: string }) => [entry.from, entry.to, entry.actorId])).toEqual([
      ['draft', 'submitted', 'bob'],
      ['submitted', 'in_review', 'rita'],
      ['in_review', 'accepted', 'rita'],
      ['accepted', 'in_experiment', 'alice'],
      ['in_experiment', 'adopted', 'ada'],
    ]);
    expect(history.body[4].reason).toBe('Rolled out to 12 offices');
  });

  it('refuses submissions to a closed challenge', async () => {
    const closed = await as('kim', KM_OFFICER).post('/challenges', {
      title: 'A challenge of last year',
      description: 'Closed.',
      opensAt: '2025-01-01T00:00:00Z',
      closesAt: '2025-06-30T00:00:00Z',
      criteria,
    });
    const draft = await as('alice').post('', idea('Too late for this one', { challengeId: closed.body.id }));
    const submitted = await as('alice').post(`/${draft.body.id}/submit`);
    expect(submitted.status).toBe(409);
    expect(submitted.body).toMatchObject({ challengePhase: 'closed' });
    expect((await as('alice').get(`/${draft.body.id}`)).body.status).toBe('draft');
  });
});

describe('nobody reviews an idea they are on the team of, whatever the order of assignment, invitation and acceptance', () => {
  const scorecard = { scores: [{ criterion: 'impact', score: 5 }, { criterion: 'feasibility', score: 5 }, { criterion: 'alignment', score: 5 }] };
  const teamOf = async (id: string) => (await as('alice').get(`/${id}`)).body.team.map((member: { userId: string; status: string }) => `${member.userId}:${member.status}`);

  it('assigned first: the team cannot invite the reviewer, who reviews as an outsider; acceptance waits for the scorecard', async () => {
    const id = await submittedIdea(as('alice'));
    expect((await as('ada', ADMIN).post(`/${id}/review/reviewers`, { reviewerId: 'r1' })).status).toBe(201);
    const invited = await as('alice').post(`/${id}/team/invitations`, { userId: 'r1' });
    expect(invited.status).toBe(409);
    expect(invited.body).toMatchObject({ type: expect.stringMatching(/problems\/idea-reviewer-cannot-join$/), userId: 'r1' });
    expect((await as('r1', REVIEWER).post(`/${id}/team/invitations/accept`)).status).toBe(404);
    expect(await teamOf(id)).toEqual(['alice:accepted']);

    expect((await as('rita', REVIEWER).post(`/${id}/transitions`, { to: 'in_review' })).status).toBe(200);
    expect((await as('ada', ADMIN).post(`/${id}/transitions`, { to: 'accepted' })).body.reviewersPending).toEqual(['r1']);
    expect((await as('r1', REVIEWER).put(`/${id}/review/scorecard`, scorecard)).body).toMatchObject({ complete: true, weightedScore: 5 });
    expect((await as('ada', ADMIN).post(`/${id}/transitions`, { to: 'accepted' })).status).toBe(200);
  });

  it('invited first: the invitee cannot be assigned, and neither the invitee nor, once joined, the member judges or scores it', async () => {
    const id = await submittedIdea(as('alice'));
    expect((await as('alice').post(`/${id}/team/invitations`, { userId: 'r2' })).status).toBe(201);
    expect((await as('ada', ADMIN).post(`/${id}/review/reviewers`, { reviewerId: 'r2' })).status).toBe(409);
    const asInvitee = await as('r2', [...REVIEWER, 'ikmu_admin']).post(`/${id}/transitions`, { to: 'in_review' });
    expect(asInvitee.status).toBe(403);
    expect(asInvitee.body.allowedForYou).toEqual([]);
    expect((await as('r2', REVIEWER).post(`/${id}/team/invitations/accept`)).status).toBe(200);
    expect((await as('r2', REVIEWER).post(`/${id}/transitions`, { to: 'in_review' })).status).toBe(403);
    expect((await as('rita', REVIEWER).post(`/${id}/transitions`, { to: 'in_review' })).status).toBe(200);
    const scored = await as('r2', REVIEWER).put(`/${id}/review/scorecard`, scorecard);
    expect(scored.status).toBe(403);
    expect(scored.body.type).toMatch(/problems\/review-own-idea$/);
  });

  it('an idea left by earlier versions with a reviewer on its team: their scorecard neither counts nor completes the review', async () => {
    const id = await submittedIdea(as('alice'));
    for (const reviewerId of ['r3', 'ray']) expect((await as('ada', ADMIN).post(`/${id}/review/reviewers`, { reviewerId })).status).toBe(201);
    expect((await as('rita', REVIEWER).post(`/${id}/transitions`, { to: 'in_review' })).status).toBe(200);
    expect((await as('r3', REVIEWER).put(`/${id}/review/scorecard`, scorecard)).status).toBe(200);
    // What the earlier code let happen after the assignment: r3 invited, then (below) joined.
    const member = (status: string) => JSON.stringify([{ userId: 'r3', role: 'coauthor', status, invitedBy: 'alice', invitedAt: new Date().toISOString(), joinedAt: null }]);
    await db.query(`UPDATE ideas SET team = team || $2::jsonb WHERE id = $1`, [id, member('invited')]);
    expect((await as('r3', REVIEWER).post(`/${id}/team/invitations/accept`)).body.type).toMatch(/problems\/idea-reviewer-cannot-join$/);
    await db.query(`UPDATE ideas SET team = jsonb_set(team, '{1,status}', '"accepted"') WHERE id = $1`, [id]);

    expect((await as('r3', REVIEWER).put(`/${id}/review/scorecard`, scorecard)).status).toBe(403);
    const review = await as('ada', ADMIN).get(`/${id}/review`);
    expect(review.body).toMatchObject({ reviewers: ['ray'], pendingReviewers: ['ray'], scorecards: [], weightedScore: null, complete: false });
    const early = await as('ada', ADMIN).post(`/${id}/transitions`, { to: 'accepted' });
    expect([early.status, early.body.reviewersPending]).toEqual([409, ['ray']]);
    const rayScores = await as('ray', REVIEWER).put(`/${id}/review/scorecard`, { scores: scorecard.scores.map((score) => ({ ...score, score: 2 })) });
    expect(rayScores.body).toMatchObject({ reviewers: ['ray'], complete: true, weightedScore: 2 });
    expect((await as('ada', ADMIN).post(`/${id}/transitions`, { to: 'accepted' })).status).toBe(200);
  });
});

describe('not pursued', () => {
  it('needs written feedback to the team, which the history keeps', async () => {
    const id = await submittedIdea(as('alice'));
    const silent = await as('ada', ADMIN).post(`/${id}/transitions`, { to: 'not_pursued' });
    expect(silent.status).toBe(400);
    expect(silent.body.errors).toEqual([{ field: 'reason', reason: 'feedback to the team is required when an idea is not pursued' }]);
    const withFeedback = await as('ada', ADMIN).post(`/${id}/transitions`, { to: 'not_pursued', reason: 'Already covered by the ERP project' });
    expect(withFeedback.status).toBe(200);
    const history = await as('alice').get(`/${id}/history`);
    expect(history.body.at(-1)).toMatchObject({ to: 'not_pursued', reason: 'Already covered by the ERP project', actorId: 'ada' });
  });

  it('an invalid transition names those allowed from the current state', async () => {
    const id = await submittedIdea(as('alice'));
    const response = await as('ada', ADMIN).post(`/${id}/transitions`, { to: 'scaled' });
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ allowedTransitions: ['in_review', 'not_pursued', 'withdrawn'], allowedForYou: ['in_review', 'not_pursued'] });
  });
});

describe('endorsements', () => {
  it('counts 50 parallel endorsements of one idea exactly, once per person', async () => {
    const id = await submittedIdea(as('alice'), idea('An idea many people like'));
    const endorsers = Array.from({ length: 50 }, (_, i) => `endorser-${i}`);
    const responses = await Promise.all([...endorsers, 'endorser-0', 'endorser-1'].map((user) => as(user).put(`/${id}/endorsement`)));
    expect(responses.map((response) => response.status)).toEqual(Array(52).fill(200));
    expect((await as('alice').get(`/${id}`)).body.endorsementCount).toBe(50);
    const { rows } = await db.query(`SELECT count(*)::int AS endorsements FROM endorsements WHERE idea_id = $1`, [id]);
    expect(rows[0].endorsements).toBe(50);
    const events = await outboxEvents<{ endorsements: number }>(db, { aggregateId: id, type: 'ikm.ideas.idea.endorsed.v1' });
    expect({ count: events.length, highest: Math.max(...events.map((event) => event.payload.endorsements)) }).toEqual({ count: 50, highest: 50 });
  });

  it('never on one’s own idea, and can be withdrawn', async () => {
    const id = await submittedIdea(as('alice'));
    expect((await as('alice').put(`/${id}/endorsement`)).status).toBe(403);
    expect((await as('erin').put(`/${id}/endorsement`)).body).toEqual({ endorsed: true, endorsements: 1 });
    expect((await as('erin').delete(`/${id}/endorsement`)).body).toEqual({ endorsed: false, endorsements: 0 });
    expect((await as('erin').delete(`/${id}/endorsement`)).body).toEqual({ endorsed: false, endorsements: 0 });
  });
});

describe('comments', () => {
  it('authors edit and delete their own; moderators hide; others see a hidden comment without its text', async () => {
    const id = await submittedIdea(as('alice'));
    const posted = await as('frank').post(`/${id}/comments`, { body: 'Have you talked to the Turin centre?' });
    expect(posted.status).toBe(201);
    const commentId = posted.body.id;
    expect((await as('gina').patch(`/${id}/comments/${commentId}`, { body: 'Hijacked' })).status).toBe(403);
    expect((await as('frank').patch(`/${id}/comments/${commentId}`, { body: 'Have you talked to ITC-ILO in Turin?' })).body.body).toBe(
      'Have you talked to ITC-ILO in Turin?',
    );
    expect((await as('frank').post(`/${id}/comments/${commentId}/hide`, { reason: 'x' })).status).toBe(403);
    const hidden = await as('fay', ['facilitator']).post(`/${id}/comments/${commentId}/hide`, { reason: 'Off topic' });
    expect(hidden.body).toMatchObject({ status: 'hidden', hiddenReason: 'Off topic', body: 'Have you talked to ITC-ILO in Turin?' });
    const seenByOthers = await as('gina').get(`/${id}/comments`);
    expect(seenByOthers.body).toEqual([expect.objectContaining({ id: commentId, status: 'hidden', body: null })]);
    expect((await as('frank').get(`/${id}/comments`)).body[0].body).toBe('Have you talked to ITC-ILO in Turin?');

    const second = await as('gina').post(`/${id}/comments`, { body: 'Nice' });
    expect((await as('gina').delete(`/${id}/comments/${second.body.id}`)).status).toBe(204);
    expect((await as('gina').get(`/${id}/comments`)).body.map((comment: { id: string }) => comment.id)).toEqual([commentId]);
  });

  it('waits, as endorsements do, for the idea to be submitted: the same problem for both', async () => {
    const draft = await as('alice').post('', idea('A draft nobody engages with yet'));
    const comment = await as('alice').post(`/${draft.body.id}/comments`, { body: 'Too early' });
    const endorsement = await as('alice').put(`/${draft.body.id}/endorsement`);
    const notOpen = {
      type: 'https://ikm.example.org/problems/engagement-not-open',
      title: 'engagement not open',
      status: 409,
      detail: `Idea ${draft.body.id} is a draft; others engage once it is submitted.`,
    };
    expect([comment.status, comment.body]).toEqual([409, expect.objectContaining(notOpen)]);
    expect([endorsement.status, endorsement.body]).toEqual([409, expect.objectContaining(notOpen)]);
  });
});

describe('lists', () => {
  it('filter by challenge, theme, text, membership and follows; sort by endorsements with a stable cursor', async () => {
    const marker = `zebra${Date.now()}`;
    const ids: string[] = [];
    for (let i = 0; i < 4; i += 1) ids.push(await submittedIdea(as('henry'), idea(`Idea ${marker} number ${i}`, { themes: [marker] })));
    for (const [index, id] of ids.entries()) {
      for (let e = 0; e < index; e += 1) await as(`fan-${e}`).put(`/${id}/endorsement`);
    }
    const page1 = await as('ivy').get(`?theme=${marker}&sort=most_endorsed&limit=3`);
    const page2 = await as('ivy').get(`?theme=${marker}&sort=most_endorsed&limit=3&cursor=${page1.body.nextCursor}`);
    const order = [...page1.body.items, ...page2.body.items].map((item: { id: string }) => item.id);
    expect(order).toEqual([...ids].reverse());
    expect(page2.body.nextCursor).toBeNull();

    expect((await as('ivy').get(`?q=${marker}`)).body.items).toHaveLength(4);
    expect((await as('ivy').get(`?theme=${marker}&member=me`)).body.items).toHaveLength(0);
    expect((await as('henry').get(`?theme=${marker}&member=me`)).body.items).toHaveLength(4);
    await as('ivy').put(`/${ids[2]}/follow`);
    expect((await as('ivy').get(`?followedBy=me`)).body.items.map((item: { id: string }) => item.id)).toEqual([ids[2]]);
    const wrongSortCursor = await as('ivy').get(`?theme=${marker}&sort=newest&cursor=${page1.body.nextCursor}`);
    expect(wrongSortCursor.status).toBe(400);
  });
});

describe('bad input gets a clear 4xx on every endpoint', () => {
  let id: string;
  let draftId: string;
  let challengeId: string;
  let commentId: string;
  beforeAll(async () => {
    id = await submittedIdea(as('alice'));
    draftId = (await as('alice').post('', idea('A draft to send bad edits to'))).body.id;
    challengeId = (await as('kim', KM_OFFICER).post('/challenges', challenge())).body.id;
    commentId = (await as('zed').post(`/${id}/comments`, { body: 'A comment' })).body.id;
  });
  const uuid = '00000000-0000-4000-8000-000000000000';
  const challenge = (extra: object = {}) => challengeDraft({ opensAt: '2027-01-01T00:00:00Z', closesAt: '2027-02-01T00:00:00Z', ...extra });
  const experiment = experimentPlan;
  const benefit = benefitPeriod;
  const benefits = (extra: object) => idea('Bad benefits', { expectedBenefits: { description: 'x', ...extra } });
  /** A cursor of the right form whose key is not one a page could have ended on. */
  const cursor = (key: unknown) => Buffer.from(JSON.stringify({ key, id: uuid })).toString('base64url');

  const cases: BadInputCase[] = [
    ['POST /ideas with an unknown challenge', () => as('alice').post('', idea('Unknown challenge', { challengeId: uuid })), 400, 'challengeId'],
    ['POST /ideas with negative savings', () => as('alice').post('', idea('Bad benefits', { expectedBenefits: { description: 'x', annualSavingsUsd: -1 } })), 400, 'expectedBenefits.annualSavingsUsd'],
    ['POST /ideas with a non-uuid asset', () => as('alice').post('', idea('Bad asset', { knowledgeAssetIds: ['nope'] })), 400, 'knowledgeAssetIds'],
    ['GET /ideas with an unknown sort', () => as('alice').get('?sort=random'), 400, 'sort'],
    ['GET /ideas with a bad challengeId', () => as('alice').get('?challengeId=7'), 400, 'challengeId'],
    ['POST transitions to an unknown state', () => as('ada', ADMIN).post(`/${id}/transitions`, { to: 'launched' }), 400, 'to'],
    ['POST transitions with an extra field', () => as('ada', ADMIN).post(`/${id}/transitions`, { to: 'in_review', by: 'me' }), 400, 'by'],
    ['POST transitions on a malformed id', () => as('ada', ADMIN).post(`/not-a-uuid/transitions`, { to: 'in_review' }), 400, 'id'],
    ['POST transitions on an unknown idea', () => as('ada', ADMIN).post(`/${uuid}/transitions`, { to: 'in_review' }), 404, undefined],
    ['POST invitations without a user', () => as('alice').post(`/${id}/team/invitations`, {}), 400, 'userId'],
    ['POST invitations of a member', () => as('alice').post(`/${id}/team/invitations`, { userId: 'alice' }), 409, undefined],
    ['POST accept without an invitation', () => as('zed').post(`/${id}/team/invitations/accept`), 404, undefined],
    ['PUT endorsement on a malformed id', () => as('zed').put(`/x/endorsement`), 400, 'id'],
    ['POST comments with an empty body', () => as('zed').post(`/${id}/comments`, { body: '   ' }), 400, 'body'],
    ['PATCH a comment that does not exist', () => as('zed').patch(`/${id}/comments/${uuid}`, { body: 'x' }), 404, undefined],
    ['POST hide without a reason', () => as('fay', ['facilitator']).post(`/${id}/comments/${uuid}/hide`, {}), 400, 'reason'],
    ['POST reviewers without an id', () => as('ada', ADMIN).post(`/${id}/review/reviewers`, {}), 400, 'reviewerId'],
    ['PUT scorecard with a score of 6', () => as('rita', REVIEWER).put(`/${id}/review/scorecard`, { scores: [{ criterion: 'impact', score: 6 }] }), 400, 'scores.0.score'],
    ['PUT scorecard by an unassigned reviewer', () => as('rita', REVIEWER).put(`/${id}/review/scorecard`, { scores: [{ criterion: 'impact', score: 3 }] }), 403, undefined],
    ['POST experiments ending before they start', () => as('alice').post(`/${id}/experiments`, { hypothesis: 'h', successMeasure: 'm', startsOn: '2027-02-01', endsOn: '2027-01-01', budgetUsd: 1 }), 400, 'endsOn'],
    ['POST experiments with a bad date', () => as('alice').post(`/${id}/experiments`, { hypothesis: 'h', successMeasure: 'm', startsOn: '2027-02-30x', endsOn: '2027-03-01', budgetUsd: 1 }), 400, 'startsOn'],
    ['POST experiments on a submitted idea', () => as('alice').post(`/${id}/experiments`, { hypothesis: 'h', successMeasure: 'm', startsOn: '2027-02-01', endsOn: '2027-03-01', budgetUsd: 1 }), 409, undefined],
    ['POST conclusion with an unknown outcome', () => as('alice').post(`/${id}/experiments/${uuid}/conclusion`, { outcome: 'meh' }), 400, 'outcome'],
    ['POST benefits on a submitted idea', () => as('alice').post(`/${id}/benefits`, { periodStart: '2027-01-01', periodEnd: '2027-03-31', usdSaved: 1, staffHoursSaved: 1, beneficiaries: 1 }), 409, undefined],
    ['POST benefits with fractional beneficiaries', () => as('alice').post(`/${id}/benefits`, { periodStart: '2027-01-01', periodEnd: '2027-03-31', usdSaved: 1, staffHoursSaved: 1, beneficiaries: 1.5 }), 400, 'beneficiaries'],
    ['POST challenges closing before opening', () => as('kim', KM_OFFICER).post('/challenges', { title: 'Backwards', description: 'd', opensAt: '2027-02-01T00:00:00Z', closesAt: '2027-01-01T00:00:00Z', criteria: [{ key: 'impact', name: 'Impact', weight: 1 }] }), 400, 'closesAt'],
    ['POST challenges without criteria', () => as('kim', KM_OFFICER).post('/challenges', { title: 'No criteria', description: 'd', opensAt: '2027-01-01T00:00:00Z', closesAt: '2027-02-01T00:00:00Z', criteria: [] }), 400, 'criteria'],
    ['POST challenges with a date that is not one', () => as('kim', KM_OFFICER).post('/challenges', { title: 'Bad date', description: 'd', opensAt: 'soon', closesAt: '2027-02-01T00:00:00Z', criteria: [{ key: 'impact', name: 'Impact', weight: 1 }] }), 400, 'opensAt'],
    ['POST challenges with duplicate criterion keys', () => as('kim', KM_OFFICER).post('/challenges', { title: 'Dupes', description: 'd', opensAt: '2027-01-01T00:00:00Z', closesAt: '2027-02-01T00:00:00Z', criteria: [{ key: 'a', name: 'A', weight: 1 }, { key: 'a', name: 'B', weight: 1 }] }), 400, 'criteria'],
    ['GET challenges with a bad phase', () => as('kim').get('/challenges?phase=later'), 400, 'phase'],
    ['PATCH a challenge with a malformed id', () => as('kim', KM_OFFICER).patch('/challenges/nope', { title: 'New title' }), 400, 'id'],
    ['PATCH a challenge with a bad criterion weight', () => as('kim', KM_OFFICER).patch(`/challenges/${uuid}`, { criteria: [{ key: 'impact', name: 'Impact', weight: 0 }] }), 400, 'criteria.0.weight'],
    ['PATCH a challenge that does not exist', () => as('kim', KM_OFFICER).patch(`/challenges/${uuid}`, { title: 'New title' }), 404, undefined],
    ['GET history of a malformed id', () => as('alice').get('/nope/history'), 400, 'id'],
    ['GET similar work of an unknown idea', () => as('alice').get(`/${uuid}/similar`), 404, undefined],
    ['PUT follow on an unknown idea', () => as('alice').put(`/${uuid}/follow`), 404, undefined],
    ['DELETE follow on a malformed id', () => as('alice').delete('/nope/follow'), 400, 'id'],
    ['GET review of an unknown idea', () => as('alice').get(`/${uuid}/review`), 404, undefined],
    ['GET comments of a malformed id', () => as('alice').get('/nope/comments'), 400, 'id'],
    ['DELETE a comment with a malformed id', () => as('alice').delete(`/${id}/comments/nope`), 400, 'commentId'],
    ['GET experiments of an unknown idea', () => as('alice').get(`/${uuid}/experiments`), 404, undefined],
    ['GET benefits of a malformed id', () => as('alice').get('/nope/benefits'), 400, 'id'],
    ['PATCH an idea with an unknown field', () => as('alice').patch(`/${id}`, { status: 'adopted' }), 400, 'status'],
    ['GET a challenge that does not exist', () => as('kim').get(`/challenges/${uuid}`), 404, undefined],

    // null for a field of a PATCH: refused where the field cannot be empty (null clears challengeId and expectedBenefits)
    ...(['title', 'problem', 'proposal', 'themes', 'knowledgeAssetIds'].map((field) => [
      `PATCH a draft with ${field}: null`,
      () => as('alice').patch(`/${draftId}`, { [field]: null }),
      400,
      field,
    ]) as BadInputCase[]),
    ...(['title', 'description', 'opensAt', 'closesAt', 'themes', 'criteria'].map((field) => [
      `PATCH a challenge with ${field}: null`,
      () => as('kim', KM_OFFICER).patch(`/challenges/${challengeId}`, { [field]: null }),
      400,
      field,
    ]) as BadInputCase[]),
    ['POST /ideas with themes: null', () => as('alice').post('', idea('Null themes', { themes: null })), 400, 'themes'],
    ['PATCH a comment with body: null', () => as('zed').patch(`/${id}/comments/${commentId}`, { body: null }), 400, 'body'],
    ['POST transitions to null', () => as('ada', ADMIN).post(`/${id}/transitions`, { to: null }), 400, 'to'],

    // the wrong shape: arrays for objects, objects for arrays, anything for elements of an array of objects
    ['POST /ideas with expectedBenefits as an array', () => as('alice').post('', idea('Array benefits', { expectedBenefits: [] })), 400, 'expectedBenefits'],
    ['POST /ideas with expectedBenefits as an array of one', () => as('alice').post('', idea('Array benefits', { expectedBenefits: [{ description: 'x' }] })), 400, 'expectedBenefits'],
    ['POST /ideas with expectedBenefits as a string', () => as('alice').post('', idea('String benefits', { expectedBenefits: 'lots' })), 400, 'expectedBenefits'],
    ['PATCH a draft with expectedBenefits as an array', () => as('alice').patch(`/${draftId}`, { expectedBenefits: [] }), 400, 'expectedBenefits'],
    ['POST /ideas with themes as an object', () => as('alice').post('', idea('Object themes', { themes: { a: 'b' } })), 400, 'themes'],
    ['POST /ideas with knowledgeAssetIds as an object', () => as('alice').post('', idea('Object assets', { knowledgeAssetIds: { a: uuid } })), 400, 'knowledgeAssetIds'],
    ['POST challenges with criteria as an object', () => as('kim', KM_OFFICER).post('/challenges', challenge({ criteria: { key: 'impact', name: 'Impact', weight: 1 } })), 400, 'criteria'],
    ['POST challenges with criteria of arrays', () => as('kim', KM_OFFICER).post('/challenges', challenge({ criteria: [[]] })), 400, 'criteria'],
    ['PUT scorecard with scores as an object', () => as('rita', REVIEWER).put(`/${id}/review/scorecard`, { scores: { impact: 3 } }), 400, 'scores'],
    ['PUT scorecard with scores of arrays', () => as('rita', REVIEWER).put(`/${id}/review/scorecard`, { scores: [[]] }), 400, 'scores'],
    ['PUT scorecard with scores of numbers', () => as('rita', REVIEWER).put(`/${id}/review/scorecard`, { scores: [3] }), 400, 'scores'],

    // numbers the columns cannot hold: numeric(14,2) budget, numeric(16,2) and numeric(12,2) benefits, integer beneficiaries
    ['POST experiments with a budget of 1e12', () => as('alice').post(`/${id}/experiments`, experiment({ budgetUsd: 1e12 })), 400, 'budgetUsd'],
    ['POST experiments with a budget of 1e-7', () => as('alice').post(`/${id}/experiments`, experiment({ budgetUsd: 1e-7 })), 400, 'budgetUsd'],
    ['POST experiments with a budget of 1e308', () => as('alice').post(`/${id}/experiments`, experiment({ budgetUsd: 1e308 })), 400, 'budgetUsd'],
    ['POST benefits with 2147483648 beneficiaries', () => as('alice').post(`/${id}/benefits`, benefit({ beneficiaries: 2147483648 })), 400, 'beneficiaries'],
    ['POST benefits with usdSaved of 1e-7', () => as('alice').post(`/${id}/benefits`, benefit({ usdSaved: 1e-7 })), 400, 'usdSaved'],
    ['POST benefits with staffHoursSaved of 1e-7', () => as('alice').post(`/${id}/benefits`, benefit({ staffHoursSaved: 1e-7 })), 400, 'staffHoursSaved'],
    ['POST benefits with usdSaved of 1e13', () => as('alice').post(`/${id}/benefits`, benefit({ usdSaved: 1e13 })), 400, 'usdSaved'],
    ['POST /ideas with annual savings of 1e-7', () => as('alice').post('', benefits({ annualSavingsUsd: 1e-7 })), 400, 'expectedBenefits.annualSavingsUsd'],
    ['POST /ideas with annual savings of 1e12', () => as('alice').post('', benefits({ annualSavingsUsd: 1e12 })), 400, 'expectedBenefits.annualSavingsUsd'],
    ['POST /ideas with staff hours of 1.5e-7', () => as('alice').post('', benefits({ staffHours: 1.5e-7 })), 400, 'expectedBenefits.staffHours'],
    ['PATCH a challenge with a weight of 1e-7', () => as('kim', KM_OFFICER).patch(`/challenges/${challengeId}`, { criteria: [{ key: 'impact', name: 'Impact', weight: 1e-7 }] }), 400, 'criteria.0.weight'],

    // dates: out of range, impossible, partial
    ['POST challenges opening at the earliest instant JavaScript has', () => as('kim', KM_OFFICER).post('/challenges', challenge({ opensAt: '-271821-04-20T00:00:00Z' })), 400, 'opensAt'],
    ['POST challenges closing in year 275760', () => as('kim', KM_OFFICER).post('/challenges', challenge({ closesAt: '+275760-09-13T00:00:00Z' })), 400, 'closesAt'],
    ['POST challenges opening in year 0', () => as('kim', KM_OFFICER).post('/challenges', challenge({ opensAt: '0000-01-01T00:00:00Z' })), 400, 'opensAt'],
    ['POST challenges opening on 30 February', () => as('kim', KM_OFFICER).post('/challenges', challenge({ opensAt: '2027-02-30T00:00:00Z' })), 400, 'opensAt'],
    ['POST challenges opening at "1"', () => as('kim', KM_OFFICER).post('/challenges', challenge({ opensAt: '1' })), 400, 'opensAt'],
    ['POST challenges opening without a time zone', () => as('kim', KM_OFFICER).post('/challenges', challenge({ opensAt: '2027-01-01T00:00:00' })), 400, 'opensAt'],
    ['PATCH a challenge closing on 29 February 2027', () => as('kim', KM_OFFICER).patch(`/challenges/${challengeId}`, { closesAt: '2027-02-29T00:00:00Z' }), 400, 'closesAt'],
    ['POST experiments starting on 30 February', () => as('alice').post(`/${id}/experiments`, experiment({ startsOn: '2027-02-30' })), 400, 'startsOn'],
    ['POST experiments starting on a week date', () => as('alice').post(`/${id}/experiments`, experiment({ startsOn: '2027-W05-1' })), 400, 'startsOn'],
    ['POST experiments ending in year 0', () => as('alice').post(`/${id}/experiments`, experiment({ startsOn: '0000-01-01', endsOn: '0000-01-02' })), 400, 'endsOn'],
    ['POST benefits from an expanded year', () => as('alice').post(`/${id}/benefits`, benefit({ periodStart: '+02027-01-01' })), 400, 'periodStart'],
    ['POST benefits to 29 February 2027', () => as('alice').post(`/${id}/benefits`, benefit({ periodEnd: '2027-02-29' })), 400, 'periodEnd'],

    // crafted cursors: a key of the wrong type for the sort, or one no page could end on
    ['GET /ideas with a cursor in year 0', () => as('alice').get(`?cursor=${cursor('0000-01-01T00:00:00Z')}`), 400, 'cursor'],
    ['GET /ideas by update with a cursor on 30 February', () => as('alice').get(`?sort=recently_updated&cursor=${cursor('2027-02-30T00:00:00Z')}`), 400, 'cursor'],
    ['GET /ideas with a number cursor for a date sort', () => as('alice').get(`?sort=oldest&cursor=${cursor(1e308)}`), 400, 'cursor'],
    ['GET /ideas by endorsements with a cursor of 1e308', () => as('alice').get(`?sort=most_endorsed&cursor=${cursor(1e308)}`), 400, 'cursor'],
    ['GET /ideas by endorsements with a cursor of 2147483648', () => as('alice').get(`?sort=most_endorsed&cursor=${cursor(2147483648)}`), 400, 'cursor'],
    ['GET /ideas by endorsements with a date cursor', () => as('alice').get(`?sort=most_endorsed&cursor=${cursor('2027-01-01T00:00:00.000Z')}`), 400, 'cursor'],
    ['GET challenges with a cursor in year 0', () => as('alice').get(`/challenges?cursor=${cursor('0000-01-01T00:00:00Z')}`), 400, 'cursor'],
    ['GET challenges with a number cursor', () => as('alice').get(`/challenges?cursor=${cursor(42)}`), 400, 'cursor'],
  ];

  itAnswersEachWithAProblem(cases);
});

describe('events', () => {
  it('every event the ideas service emitted is on Kafka and validates against its contract', async () => {
    await eventually(async () => expect(await unpublishedOutboxCount(db)).toBe(0), 30_000);
    const idsByTopic = new Map<string, string[]>();
    for (const { topic, id } of await outboxEvents(db)) idsByTopic.set(topic, idsByTopic.get(topic) ?? []).get(topic)!.push(id);
    expect([...idsByTopic.keys()].sort()).toEqual(['ikm.ideas.challenge', 'ikm.ideas.comment', 'ikm.ideas.experiment', 'ikm.ideas.idea']);
    for (const [topic, ids] of idsByTopic) {
      const emitted = new Set(ids);
      const isOurs = (record: KafkaMessage) => emitted.has(headerText(record.headers, 'ce_id') ?? '');
      // Distinct ids: the relay publishes at least once, and a batch whose marking was cut off (the
      // database outage test) is published again.
      const idsOf = (records: KafkaMessage[]) => new Set(records.filter(isOurs).map((record) => headerText(record.headers, 'ce_id')));
      const records = await kafka.readUntil(topic, (received) => idsOf(received).size >= emitted.size, 30_000);
      expect(idsOf(records).size).toBe(emitted.size);
      for (const record of records.filter(isOurs)) expect(() => decodeCloudEvent(topic, 0, record)).not.toThrow();
    }
  });
});
