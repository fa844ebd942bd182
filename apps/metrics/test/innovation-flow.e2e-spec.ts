import type { Role } from '#ikm/auth';
import { eventually, ServiceProcess, TEST_SERVICES, tokenFor } from '#ikm/testing';
import request from 'supertest';

/**
 * One idea's whole life through the ideas API — challenge, submission, review, experiment, adoption,
 * benefits — and the same story told by metrics, with both services running as in production.
 */
const ideas = new ServiceProcess(TEST_SERVICES.ideas);
const metrics = new ServiceProcess(TEST_SERVICES.metrics);

async function call(service: ServiceProcess, user: string, roles: Role[], method: 'get' | 'post' | 'put', path: string, body?: object): Promise<request.Response> {
  const req = request(service.baseUrl)[method](path).set('authorization', `Bearer ${await tokenFor(user, roles)}`);
  return body === undefined ? req : req.send(body);
}

beforeAll(async () => {
  await Promise.all([ideas.start(), metrics.start()]);
});

afterAll(async () => {
  await Promise.all([ideas.stop(), metrics.stop()]);
});

it('a challenge, an idea reviewed, tested, adopted and paying off: all visible in metrics', async () => {
  const challenge = await call(ideas, 'kim', ['km_officer'], 'post', '/ideas/challenges', {
    title: 'Faster recruitment for field projects',
    description: 'Recruitment takes months.',
    opensAt: new Date(Date.now() - 60_000).toISOString(),
    closesAt: new Date(Date.now() + 86_400_000).toISOString(),
    criteria: [{ key: 'impact', name: 'Impact', weight: 2 }, { key: 'ease', name: 'Ease', weight: 1 }],
  });
  expect(challenge.status).toBe(201);
  const challengeId = challenge.body.id;

  const draft = await call(ideas, 'alice', ['staff'], 'post', '/ideas', {
    title: 'Roster of pre-cleared experts',
    problem: 'Every project starts recruitment from zero.',
    proposal: 'Keep a roster of pre-cleared experts per region.',
    challengeId,
  });
  const id = draft.body.id;
  const steps: Array<[string, Role[], 'post' | 'put', string, object?]> = [
    ['alice', ['staff'], 'post', `/ideas/${id}/submit`],
    ['rita', ['reviewer'], 'post', `/ideas/${id}/transitions`, { to: 'in_review' }],
    ['ada', ['ikmu_admin'], 'post', `/ideas/${id}/review/reviewers`, { reviewerId: 'rita' }],
    ['rita', ['reviewer'], 'put', `/ideas/${id}/review/scorecard`, { scores: [{ criterion: 'impact', score: 4 }, { criterion: 'ease', score: 5 }] }],
    ['rita', ['reviewer'], 'post', `/ideas/${id}/transitions`, { to: 'accepted' }],
  ];
  for (const [user, roles, method, path, body] of steps) {
    const response = await call(ideas, user, roles, method, path, body);
    // The path in the comparison says which step failed.
    expect({ path, succeeded: response.status < 300 }).toEqual({ path, succeeded: true });
  }
  const experiment = await call(ideas, 'alice', ['staff'], 'post', `/ideas/${id}/experiments`, {
    hypothesis: 'A roster halves recruitment time',
    successMeasure: 'Median days to contract',
    startsOn: '2026-12-01',
    endsOn: '2027-03-31',
    budgetUsd: 20000,
  });
  expect(experiment.status).toBe(201);
  expect(
    (await call(ideas, 'alice', ['staff'], 'post', `/ideas/${id}/experiments/${experiment.body.id}/conclusion`, {
      outcome: 'invalidated',
      lessons: 'Clearance expires too fast; the roster must renew it.',
    })).status,
  ).toBe(200);
  expect((await call(ideas, 'ada', ['ikmu_admin'], 'post', `/ideas/${id}/transitions`, { to: 'adopted' })).status).toBe(200);
  expect(
    (await call(ideas, 'alice', ['staff'], 'post', `/ideas/${id}/benefits`, {
      periodStart: '2027-04-01',
      periodEnd: '2027-06-30',
      usdSaved: 125000,
      staffHoursSaved: 900,
      beneficiaries: 40,
    })).status,
  ).toBe(201);

  const report = async (path: string, query: Record<string, string>) => {
    const response = await call(metrics, 'rob', ['reporting'], 'get', `${path}?${new URLSearchParams(query)}`);
    expect(response.status).toBe(200);
    return response.body;
  };
  await eventually(async () => {
    const funnel = await report('/metrics/funnel', { challengeId });
    expect(funnel.total).toBe(1);
    expect(funnel.stages.find((stage: { status: string }) => stage.status === 'adopted').ideas).toBe(1);
    const benefits = await report('/metrics/benefits', { by: 'challenge' });
    expect(benefits.groups.find((group: { key: string }) => group.key === challengeId)?.totals).toEqual({
      usdSaved: 125000,
      staffHoursSaved: 900,
      beneficiaries: 40,
      benefits: 1,
    });
  }, 30_000);

  const conversion = await report('/metrics/funnel/conversion', { by: 'challenge' });
  const steps_ = conversion.groups.find((group: { key: string }) => group.key === challengeId).steps;
  expect(steps_.map((step: { from: string; to: string; reached: number; converted: number }) => [step.from, step.to, step.reached, step.converted])).toEqual([
    ['submitted', 'in_review', 1, 1],
    ['in_review', 'accepted', 1, 1],
    ['accepted', 'in_experiment', 1, 1],
    ['in_experiment', 'adopted', 1, 1],
    ['adopted', 'scaled', 1, 0],
    ['submitted', 'adopted', 1, 1],
  ]);
  const experiments = await report('/metrics/experiments', { by: 'challenge' });
  expect(experiments.groups.find((group: { key: string }) => group.key === challengeId)).toMatchObject({
    started: 1,
    concluded: { validated: 0, invalidated: 1, inconclusive: 0, total: 1 },
    withLessons: 1,
    learningResults: 1,
  });
});
