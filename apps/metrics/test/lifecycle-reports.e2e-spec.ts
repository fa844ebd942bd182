import {
  ChallengeCreatedV1,
  CommentPostedV1,
  ExperimentConcludedV1,
  ExperimentStartedV1,
  IdeaBenefitRecordedV1,
  IdeaCreatedV1,
  IdeaStatusChangedV1,
  IdeaSubmittedV1,
  IdeaUpdatedV1,
  type EventContract,
  type IdeaStatus,
} from '#ikm/contracts';
import { encodeCloudEvent, type OutboxRecord } from '#ikm/messaging';
import { eventIdOf, outboxRecord, serviceApi, ServiceProcess, TEST_SERVICES, TestKafka, waitUntilHandled, type PersonaClient } from '#ikm/testing';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Response } from 'supertest';

/**
 * The lifecycle reports end to end: a realistic history of ideas, experiments and benefits produced
 * straight to Kafka, read back as exact numbers over HTTP, then again after a rebuild from the event log.
 * Challenges and regions are unique to this run, so other tests' events never reach these groups.
 */
const metrics = new ServiceProcess(TEST_SERVICES.metrics);
const kafka = new TestKafka();
const metricsDb = new pg.Pool({ connectionString: TEST_SERVICES.metrics.databaseUrl, max: 2 });
const metricsApi = serviceApi(metrics);
const reader = metricsApi.as('lifecycle-reader', ['reporting']);

const run = randomUUID().slice(0, 8);
const C1 = randomUUID();
const C2 = randomUUID();
const R1 = `Africa ${run}`;
const R2 = `Asia ${run}`;
const T0 = Date.parse('2025-01-06T00:00:00.000Z');

function at(hours: number): string {
  return new Date(T0 + hours * 3_600_000).toISOString();
}

function record(contract: EventContract, key: string, payload: unknown): OutboxRecord {
  return outboxRecord(contract, key, payload, { actor: 'e2e' });
}

interface Origin {
  challengeId?: string | null;
  region?: string;
}

/** One idea's events in order, with versions and `from` stages kept as the ideas service would. */
class IdeaStory {
  readonly id = randomUUID();
  readonly records: OutboxRecord[] = [];
  private version = 0;
  private stage: IdeaStatus = 'draft';

  /** `repeatOrigin: false` leaves the origin out of later events, as an older producer would. */
  constructor(
    private readonly origin: Origin,
    private readonly repeatOrigin = true,
  ) {}

  private add(contract: EventContract, payload: object): this {
    this.records.push(record(contract, this.id, { ideaId: this.id, version: ++this.version, ...payload }));
    return this;
  }

  private laterOrigin(): Origin {
    return this.repeatOrigin ? this.origin : {};
  }

  created(hour: number): this {
    return this.add(IdeaCreatedV1, {
      ...this.origin, title: 'Idea', problem: 'p', proposal: 'q', themes: [], authorId: 'author', status: 'draft', createdAt: at(hour),
    });
  }

  updated(hour: number, changes: object): this {
    return this.add(IdeaUpdatedV1, { changes, updatedAt: at(hour) });
  }

  submitted(hour: number): this {
    this.stage = 'submitted';
    return this.add(IdeaSubmittedV1, { ...this.laterOrigin(), status: 'submitted', authorId: 'author', submittedAt: at(hour) });
  }

  moved(to: IdeaStatus, hour: number): this {
    const from = this.stage;
    this.stage = to;
    return this.add(IdeaStatusChangedV1, { ...this.laterOrigin(), from, to, actorId: 'reviewer', reason: null, changedAt: at(hour) });
  }
}

// Hours after T0. Stays: I1 draft 1, submitted 2, in_review 4, accepted 10, in_experiment 24, adopted 48.
const I1 = new IdeaStory({ challengeId: C1, region: R1 })
  .created(0).submitted(1).moved('in_review', 3).moved('accepted', 7).moved('in_experiment', 17).moved('adopted', 41).moved('scaled', 89);
// Adopted without an experiment. Stays: draft 1, submitted 4, in_review 6, accepted 2.
const I2 = new IdeaStory({ challengeId: C1, region: R2 })
  .created(0).submitted(1).moved('in_review', 5).moved('accepted', 11).moved('adopted', 13);
// Stays: draft 3, submitted 8, in_review 12.
const I3 = new IdeaStory({ challengeId: C2, region: R1 })
  .created(-2).submitted(1).moved('in_review', 9).moved('not_pursued', 21);
// Joins challenge C2 by an edit; later events do not repeat the origin.
// Stays: draft 1, submitted 1, in_review 2, accepted 1, in_experiment 24.
const I4 = new IdeaStory({ challengeId: null, region: R2 }, false)
  .created(0).updated(0.5, { challengeId: C2 }).submitted(1).moved('in_review', 2).moved('accepted', 4).moved('in_experiment', 5).moved('not_pursued', 29);
// Never submitted.
const I5 = new IdeaStory({ challengeId: C1, region: R1 }).created(0);

function experiment(ideaId: string, origin: Origin, conclusion?: { outcome: string; lessons: string | null; learningResult: boolean }): OutboxRecord[] {
  const experimentId = randomUUID();
  const started = record(ExperimentStartedV1, experimentId, {
    experimentId, ideaId, ...origin, hypothesis: 'h', successMeasure: 'm', startsOn: '2025-01-07', endsOn: '2025-02-07', budgetUsd: 1000, startedAt: at(17),
  });
  if (!conclusion) return [started];
  return [started, record(ExperimentConcludedV1, experimentId, { experimentId, ideaId, ...origin, ...conclusion, concludedAt: at(40) })];
}

const experiments = [
  ...experiment(I1.id, { challengeId: C1, region: R1 }, { outcome: 'validated', lessons: 'Works across offices', learningResult: false }),
  // No origin in the events: reported under the idea's (C2, R2).
  ...experiment(I4.id, {}, { outcome: 'invalidated', lessons: 'Staff prefer e-mail reminders', learningResult: true }),
  // Run in another region than its idea's; blank lessons are no lessons.
  ...experiment(I1.id, { challengeId: C1, region: R2 }, { outcome: 'inconclusive', lessons: '   ', learningResult: false }),
  ...experiment(I4.id, {}),
];

function benefit(ideaId: string, origin: Origin, periodStart: string, periodEnd: string, usdSaved: number, staffHoursSaved: number, beneficiaries: number) {
  return record(IdeaBenefitRecordedV1, ideaId, {
    ideaId, benefitId: randomUUID(), ...origin, periodStart, periodEnd, usdSaved, staffHoursSaved, beneficiaries, recordedBy: 'facilitator', recordedAt: at(2000),
  });
}

const benefits = [
  benefit(I1.id, { challengeId: C1, region: R1 }, '2025-01-01', '2025-03-31', 1000, 10, 5),
  benefit(I1.id, { challengeId: C1, region: R1 }, '2025-04-01', '2025-05-31', 2500.5, 20, 7),
  // No origin in the event: reported under the idea's (C1, R2).
  benefit(I2.id, {}, '2025-06-01', '2025-06-30', 500, 4.5, 3),
  benefit(I4.id, { challengeId: C2, region: R2 }, '2025-02-01', '2025-02-28', 300, 0, 100),
];

const challengeCreated = record(ChallengeCreatedV1, C1, {
  challengeId: C1, version: 1, title: 'Fewer meetings', description: 'd', sponsorId: 'sponsor', sponsorUnit: null,
  opensAt: at(0), closesAt: at(1000), themes: [], criteria: [{ key: 'impact', name: 'Impact', weight: 1 }], createdAt: at(-10),
});
const commentPosted = record(CommentPostedV1, randomUUID(), { commentId: randomUUID(), ideaId: I1.id, authorId: 'colleague', postedAt: at(2) });

function get(path: string, query: Record<string, string> = {}, caller: PersonaClient = reader): PromiseLike<Response> {
  return caller.get(path).query(query);
}

async function report<T extends { key: string | null }>(path: string, query: Record<string, string>, key: string): Promise<T | undefined> {
  const response = await get(path, query);
  expect(response.status).toBe(200);
  return (response.body.groups as T[]).find((group) => group.key === key);
}

async function funnelOf(query: Record<string, string>): Promise<Record<string, number>> {
  const response = await get('/funnel', query);
  expect(response.status).toBe(200);
  const nonZero = response.body.stages.filter((stage: { ideas: number }) => stage.ideas > 0);
  return { ...Object.fromEntries(nonZero.map((stage: { status: string; ideas: number }) => [stage.status, stage.ideas])), total: response.body.total };
}

function steps(...counts: Array<[number, number]>) {
  const names = [
    ['submitted', 'in_review'], ['in_review', 'accepted'], ['accepted', 'in_experiment'], ['in_experiment', 'adopted'], ['adopted', 'scaled'], ['submitted', 'adopted'],
  ];
  return counts.map(([reached, converted], index) => ({
    from: names[index][0], to: names[index][1], reached, converted, rate: reached === 0 ? null : converted / reached,
  }));
}

/** Median hours of completed stays by stage; every other stage has none. */
function stageTimes(medians: Partial<Record<IdeaStatus, [number, number]>>) {
  const stages: IdeaStatus[] = ['draft', 'submitted', 'in_review', 'accepted', 'in_experiment', 'adopted', 'scaled', 'not_pursued', 'withdrawn', 'archived'];
  return stages.map((stage) => ({ stage, completedStays: medians[stage]?.[0] ?? 0, medianHours: medians[stage]?.[1] ?? null }));
}

async function expectTheReports(): Promise<void> {
  expect(await funnelOf({ challengeId: C1 })).toEqual({ draft: 1, adopted: 1, scaled: 1, total: 3 });
  expect(await funnelOf({ challengeId: C2 })).toEqual({ not_pursued: 2, total: 2 });
  expect(await funnelOf({ region: R1 })).toEqual({ draft: 1, scaled: 1, not_pursued: 1, total: 3 });
  expect(await funnelOf({ region: R2 })).toEqual({ adopted: 1, not_pursued: 1, total: 2 });
  expect(await funnelOf({ challengeId: C1, region: R1 })).toEqual({ draft: 1, scaled: 1, total: 2 });

  expect(await report('/funnel/conversion', { by: 'challenge' }, C1)).toEqual({ key: C1, steps: steps([2, 2], [2, 2], [2, 1], [1, 1], [2, 1], [2, 2]) });
  expect(await report('/funnel/conversion', { by: 'challenge' }, C2)).toEqual({ key: C2, steps: steps([2, 2], [2, 1], [1, 1], [1, 0], [0, 0], [2, 0]) });
  expect(await report('/funnel/conversion', { by: 'region' }, R1)).toEqual({ key: R1, steps: steps([2, 2], [2, 1], [1, 1], [1, 1], [1, 1], [2, 1]) });
  expect(await report('/funnel/conversion', { by: 'region' }, R2)).toEqual({ key: R2, steps: steps([2, 2], [2, 2], [2, 1], [1, 0], [1, 0], [2, 1]) });

  expect(await report('/funnel/time-in-stage', { by: 'challenge' }, C1)).toEqual({
    key: C1,
    stages: stageTimes({ draft: [2, 1], submitted: [2, 3], in_review: [2, 5], accepted: [2, 6], in_experiment: [1, 24], adopted: [1, 48] }),
  });
  expect(await report('/funnel/time-in-stage', { by: 'challenge' }, C2)).toEqual({
    key: C2,
    stages: stageTimes({ draft: [2, 2], submitted: [2, 4.5], in_review: [2, 7], accepted: [1, 1], in_experiment: [1, 24] }),
  });
  expect(await report('/funnel/time-in-stage', { by: 'region' }, R1)).toEqual({
    key: R1,
    stages: stageTimes({ draft: [2, 2], submitted: [2, 5], in_review: [2, 8], accepted: [1, 10], in_experiment: [1, 24], adopted: [1, 48] }),
  });
  expect(await report('/funnel/time-in-stage', { by: 'region' }, R2)).toEqual({
    key: R2,
    stages: stageTimes({ draft: [2, 1], submitted: [2, 2.5], in_review: [2, 4], accepted: [2, 1.5], in_experiment: [1, 24] }),
  });

  expect(await report('/experiments', { by: 'challenge' }, C1)).toEqual({
    key: C1, started: 2, concluded: { validated: 1, invalidated: 0, inconclusive: 1, total: 2 }, withLessons: 1, lessonsShare: 0.5, learningResults: 0,
  });
  expect(await report('/experiments', { by: 'challenge' }, C2)).toEqual({
    key: C2, started: 2, concluded: { validated: 0, invalidated: 1, inconclusive: 0, total: 1 }, withLessons: 1, lessonsShare: 1, learningResults: 1,
  });
  expect(await report('/experiments', { by: 'region' }, R1)).toEqual({
    key: R1, started: 1, concluded: { validated: 1, invalidated: 0, inconclusive: 0, total: 1 }, withLessons: 1, lessonsShare: 1, learningResults: 0,
  });
  expect(await report('/experiments', { by: 'region' }, R2)).toEqual({
    key: R2, started: 3, concluded: { validated: 0, invalidated: 1, inconclusive: 1, total: 2 }, withLessons: 1, lessonsShare: 0.5, learningResults: 1,
  });

  expect(await report('/benefits', { by: 'challenge', bucket: 'quarter' }, C1)).toEqual({
    key: C1,
    totals: { usdSaved: 4000.5, staffHoursSaved: 34.5, beneficiaries: 15, benefits: 3 },
    periods: [
      { period: '2025-Q1', from: '2025-01-01', to: '2025-03-31', usdSaved: 1000, staffHoursSaved: 10, beneficiaries: 5, benefits: 1 },
      { period: '2025-Q2', from: '2025-04-01', to: '2025-06-30', usdSaved: 3000.5, staffHoursSaved: 24.5, beneficiaries: 10, benefits: 2 },
    ],
  });
  expect(await report('/benefits', { by: 'challenge', bucket: 'quarter' }, C2)).toEqual({
    key: C2,
    totals: { usdSaved: 300, staffHoursSaved: 0, beneficiaries: 100, benefits: 1 },
    periods: [{ period: '2025-Q1', from: '2025-01-01', to: '2025-03-31', usdSaved: 300, staffHoursSaved: 0, beneficiaries: 100, benefits: 1 }],
  });
  expect(await report('/benefits', { by: 'region', bucket: 'month' }, R1)).toEqual({
    key: R1,
    totals: { usdSaved: 3500.5, staffHoursSaved: 30, beneficiaries: 12, benefits: 2 },
    periods: [
      { period: '2025-03', from: '2025-03-01', to: '2025-03-31', usdSaved: 1000, staffHoursSaved: 10, beneficiaries: 5, benefits: 1 },
      { period: '2025-05', from: '2025-05-01', to: '2025-05-31', usdSaved: 2500.5, staffHoursSaved: 20, beneficiaries: 7, benefits: 1 },
    ],
  });
  expect(await report('/benefits', { by: 'region', bucket: 'month' }, R2)).toEqual({
    key: R2,
    totals: { usdSaved: 800, staffHoursSaved: 4.5, beneficiaries: 103, benefits: 2 },
    periods: [
      { period: '2025-02', from: '2025-02-01', to: '2025-02-28', usdSaved: 300, staffHoursSaved: 0, beneficiaries: 100, benefits: 1 },
      { period: '2025-06', from: '2025-06-01', to: '2025-06-30', usdSaved: 500, staffHoursSaved: 4.5, beneficiaries: 3, benefits: 1 },
    ],
  });
}

beforeAll(async () => {
  await metrics.start();

  const ideaMessages = [I1, I2, I3, I4, I5].flatMap((story) => story.records.map(encodeCloudEvent));
  const duplicate = ideaMessages[2]; // I1 entering in_review, delivered twice with the same event id
  // I2's submission published again under a new event id after it was adopted: stale by its version.
  const staleReplay = encodeCloudEvent({ ...I2.records[1], id: randomUUID() });
  const benefitMessages = benefits.map(encodeCloudEvent);
  const experimentMessages = experiments.map(encodeCloudEvent);
  const others = [encodeCloudEvent(challengeCreated), encodeCloudEvent(commentPosted)];
  await kafka.produce(IdeaCreatedV1.topic, [...ideaMessages, duplicate, staleReplay, ...benefitMessages, benefitMessages[0]]);
  await kafka.produce(ExperimentStartedV1.topic, experimentMessages);
  await kafka.produce(ChallengeCreatedV1.topic, [others[0]]);
  await kafka.produce(CommentPostedV1.topic, [others[1]]);

  await waitUntilHandled(metricsDb, [...ideaMessages, staleReplay, ...benefitMessages, ...experimentMessages, ...others].map(eventIdOf), 60_000);
});

afterAll(async () => {
  await metrics.stop();
  await metricsDb.end();
});

it('logs the events of every topic it subscribes to, each once', async () => {
  const { rows } = await metricsDb.query(
    `SELECT topic, count(*)::int AS count FROM event_log WHERE subject = ANY($1) GROUP BY topic ORDER BY topic`,
    [[C1, I1.id, I2.id, I3.id, I4.id, I5.id, ...experiments.map((event) => event.aggregateId), commentPosted.aggregateId]],
  );
  expect(rows).toEqual([
    { topic: 'ikm.ideas.challenge', count: 1 },
    { topic: 'ikm.ideas.comment', count: 1 },
    { topic: 'ikm.ideas.experiment', count: 7 },
    // 24 lifecycle events, the stale replay (a new event id) and 4 benefits; the two duplicates are not logged.
    { topic: 'ikm.ideas.idea', count: 29 },
  ]);
});

it('reports the funnel, conversion, time in stage, experiments and benefits with exact numbers', async () => {
  await expectTheReports();
});

it('answers bad query input with a 400 problem naming the field', async () => {
  const cases: Array<[string, Record<string, string | string[]>, string]> = [
    ['/funnel', { challengeId: 'not-a-uuid' }, 'challengeId'],
    ['/funnel', { region: ['Africa', 'Asia'] }, 'region'],
    ['/funnel/conversion', { by: 'unit' }, 'by'],
    ['/funnel/time-in-stage', { by: '' }, 'by'],
    ['/experiments', { region: R1 }, 'region'],
    ['/benefits', { bucket: 'week' }, 'bucket'],
  ];
  for (const [path, query, field] of cases) {
    const response = await reader.get(path).query(query);
    expect({ path, status: response.status, type: response.headers['content-type'] }).toEqual({ path, status: 400, type: expect.stringMatching(/^application\/problem\+json/) });
    expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
  }
});

it('keeps the reports from constituents', async () => {
  const constituent = metricsApi.as('outsider', ['constituent']);
  for (const path of ['/funnel/conversion', '/funnel/time-in-stage', '/experiments', '/benefits']) {
    expect((await get(path, {}, constituent)).status).toBe(403);
  }
});

it('rebuilds every projection from the event log to the same numbers, every time', async () => {
  const admin = metricsApi.as('metrics-admin', ['ikmu_admin']);
  // Again and again: a later rebuild runs the statements an earlier one prepared on its connection.
  for (let rebuild = 0; rebuild < 3; rebuild += 1) {
    const response = await admin.post('/projections/rebuild');
    expect(response.status).toBe(200);
    expect(response.body.projections).toEqual(['funnel', 'stage-visits', 'experiments', 'benefits']);
    await expectTheReports();
  }
});
