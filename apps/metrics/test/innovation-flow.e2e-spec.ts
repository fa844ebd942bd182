import type { Role } from '#ikm/auth';
import { eventually, serviceApi, ServiceProcess, TEST_SERVICES } from '#ikm/testing';
import { challengeDraft, draftIdea, ideaDraft, openChallenge } from '../../ideas/test/factories.js';

/**
 * One idea's whole life through the ideas API — challenge, submission, review, experiment, adoption,
 * benefits — and the same story told by metrics, with both services running as in production.
 */
const ideas = new ServiceProcess(TEST_SERVICES.ideas);
const metrics = new ServiceProcess(TEST_SERVICES.metrics);
const ideasApi = serviceApi(ideas);
const metricsApi = serviceApi(metrics);

beforeAll(async () => {
  await Promise.all([ideas.start(), metrics.start()]);
});

afterAll(async () => {
  await Promise.all([ideas.stop(), metrics.stop()]);
});

it('a challenge, an idea reviewed, tested, adopted and paying off: all visible in metrics', async () => {
  const challengeId = await openChallenge(
    ideasApi.as('kim', ['km_officer']),
    challengeDraft({
      title: 'Faster recruitment for field projects',
      description: 'Recruitment takes months.',
      criteria: [{ key: 'impact', name: 'Impact', weight: 2 }, { key: 'ease', name: 'Ease', weight: 1 }],
    }),
  );

  const alice = ideasApi.as('alice');
  const { id } = await draftIdea(
    alice,
    ideaDraft({
      title: 'Roster of pre-cleared experts',
      problem: 'Every project starts recruitment from zero.',
      proposal: 'Keep a roster of pre-cleared experts per region.',
      challengeId,
    }),
  );
  const steps: Array<[string, Role[], 'post' | 'put', string, object?]> = [
    ['alice', ['staff'], 'post', `/${id}/submit`],
    ['rita', ['reviewer'], 'post', `/${id}/transitions`, { to: 'in_review' }],
    ['ada', ['ikmu_admin'], 'post', `/${id}/review/reviewers`, { reviewerId: 'rita' }],
    ['rita', ['reviewer'], 'put', `/${id}/review/scorecard`, { scores: [{ criterion: 'impact', score: 4 }, { criterion: 'ease', score: 5 }] }],
    ['rita', ['reviewer'], 'post', `/${id}/transitions`, { to: 'accepted' }],
  ];
  for (const [user, roles, method, path, body] of steps) {
    const response = await ideasApi.as(user, roles)[method](path, body);
    // The path in the comparison says which step failed.
    expect({ path, succeeded: response.status < 300 }).toEqual({ path, succeeded: true });
  }
  const experiment = await alice.post(`/${id}/experiments`, {
    hypothesis: 'A roster halves recruitment time',
    successMeasure: 'Median days to contract',
    startsOn: '2026-12-01',
    endsOn: '2027-03-31',
    budgetUsd: 20000,
  });
  expect(experiment.status).toBe(201);
  expect(
    (await alice.post(`/${id}/experiments/${experiment.body.id}/conclusion`, {
      outcome: 'invalidated',
      lessons: 'Clearance expires too fast; the roster must renew it.',
    })).status,
  ).toBe(200);
  expect((await ideasApi.as('ada', ['ikmu_admin']).post(`/${id}/transitions`, { to: 'adopted' })).status).toBe(200);
  expect(
    (await alice.post(`/${id}/benefits`, {
      periodStart: '2027-04-01',
      periodEnd: '2027-06-30',
      usdSaved: 125000,
      staffHoursSaved: 900,
      beneficiaries: 40,
    })).status,
  ).toBe(201);

  const report = async (path: string, query: Record<string, string>) => {
    const response = await metricsApi.as('rob', ['reporting']).get(path).query(query);
    expect(response.status).toBe(200);
    return response.body;
  };
  await eventually(async () => {
    const funnel = await report('/funnel', { challengeId });
    expect(funnel.total).toBe(1);
    expect(funnel.stages.find((stage: { status: string }) => stage.status === 'adopted').ideas).toBe(1);
    const benefits = await report('/benefits', { by: 'challenge' });
    expect(benefits.groups.find((group: { key: string }) => group.key === challengeId)?.totals).toEqual({
      usdSaved: 125000,
      staffHoursSaved: 900,
      beneficiaries: 40,
      benefits: 1,
    });
  }, 30_000);

  const conversion = await report('/funnel/conversion', { by: 'challenge' });
  const steps_ = conversion.groups.find((group: { key: string }) => group.key === challengeId).steps;
  expect(steps_.map((step: { from: string; to: string; reached: number; converted: number }) => [step.from, step.to, step.reached, step.converted])).toEqual([
    ['submitted', 'in_review', 1, 1],
    ['in_review', 'accepted', 1, 1],
    ['accepted', 'in_experiment', 1, 1],
    ['in_experiment', 'adopted', 1, 1],
    ['adopted', 'scaled', 1, 0],
    ['submitted', 'adopted', 1, 1],
  ]);
  const experiments = await report('/experiments', { by: 'challenge' });
  expect(experiments.groups.find((group: { key: string }) => group.key === challengeId)).toMatchObject({
    started: 1,
    concluded: { validated: 0, invalidated: 1, inconclusive: 0, total: 1 },
    withLessons: 1,
    learningResults: 1,
  });
});
