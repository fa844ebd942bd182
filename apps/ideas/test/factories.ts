import { IdeaCreatedV1, type EventData } from '#ikm/contracts';
import type { OutboxRecord } from '#ikm/messaging';
import { outboxRecord, type PersonaClient } from '#ikm/testing';
import { randomUUID } from 'node:crypto';

/**
 * Ideas, challenges, experiments and benefits as the tests make them: request bodies with values that
 * pass validation (override what a test is about), and the calls that create them through the ideas
 * API as a given user. Pass a client of the ideas API (`serviceApi(ideas)` or `gatewayApi(gateway,
 * 'ideas')`) called as that user: `submittedIdea(api.as('alice'))`.
 */

/** The body of `POST /ideas`. */
export function ideaDraft(overrides: object = {}) {
  return { title: 'An idea from the tests', problem: 'A problem the tests describe', proposal: 'A proposal the tests make', ...overrides };
}

/** The body of `POST /ideas/challenges`: open from a minute ago for a day, with one criterion. */
export function challengeDraft(overrides: object = {}) {
  return {
    title: 'A challenge',
    description: 'd',
    opensAt: new Date(Date.now() - 60_000).toISOString(),
    closesAt: new Date(Date.now() + 86_400_000).toISOString(),
    criteria: [{ key: 'impact', name: 'Impact', weight: 1 }],
    ...overrides,
  };
}

/** The body of `POST /ideas/{id}/experiments`. */
export function experimentPlan(overrides: object = {}) {
  return { hypothesis: 'h', successMeasure: 'm', startsOn: '2027-02-01', endsOn: '2027-03-01', budgetUsd: 1, ...overrides };
}

/** The body of `POST /ideas/{id}/benefits`. */
export function benefitPeriod(overrides: object = {}) {
  return { periodStart: '2027-01-01', periodEnd: '2027-03-31', usdSaved: 1, staffHoursSaved: 1, beneficiaries: 1, ...overrides };
}

export interface CreatedIdea {
  id: string;
  version: number;
  status: string;
  createdAt: string;
}

/** A draft created by the caller; fails the test unless it was created. */
export async function draftIdea(author: PersonaClient, body: object = ideaDraft()): Promise<CreatedIdea> {
  const response = await author.post('', body);
  expect({ status: response.status, body: response.body }).toMatchObject({ status: 201 });
  return response.body as CreatedIdea;
}

/** A draft created and submitted by the caller; resolves with its id. */
export async function submittedIdea(author: PersonaClient, body: object = ideaDraft()): Promise<string> {
  const { id } = await draftIdea(author, body);
  expect((await author.post(`/${id}/submit`)).status).toBe(200);
  return id;
}

/** A challenge posed by the caller (a KM officer or an administrator); resolves with its id. */
export async function openChallenge(sponsor: PersonaClient, body: object = challengeDraft()): Promise<string> {
  const response = await sponsor.post('/challenges', body);
  expect({ status: response.status, body: response.body }).toMatchObject({ status: 201 });
  return response.body.id as string;
}

/** An idea's created event, valid against its contract, as the ideas service would append it. */
export function ideaCreatedRecord(ideaId: string = randomUUID(), payload: Partial<EventData<typeof IdeaCreatedV1>> = {}, overrides: Partial<OutboxRecord> = {}): OutboxRecord {
  const data = IdeaCreatedV1.schema.parse({
    ideaId,
    version: 1,
    title: 'Produced by the test',
    problem: 'p',
    proposal: 'q',
    themes: [],
    authorId: 'e2e',
    status: 'draft',
    createdAt: new Date().toISOString(),
    ...payload,
  });
  return outboxRecord(IdeaCreatedV1, ideaId, data, overrides);
}
