/**
 * What a front end writes against the client generated from the gateway's merged OpenAPI document
 * (openapi-typescript types + openapi-fetch). The end-to-end test generates `api.d.ts` beside a copy of
 * this file, type-checks both (so an operation, a parameter or a field type that disappears or changes
 * breaks it), then runs it against the platform. Excluded from the project's own type-check: `api.d.ts`
 * exists only there.
 */
import createClient from 'openapi-fetch';
import type { components, paths } from './api.js';

type Idea = components['schemas']['IdeaResponse'];
type Problem = components['schemas']['ProblemDetails'];

export interface Outcome {
  submitted: Idea;
  stageCounts: Record<string, number>;
  refused: Problem;
}

export async function useTheApi(baseUrl: string, token: string): Promise<Outcome> {
  const client = createClient<paths>({ baseUrl, headers: { authorization: `Bearer ${token}` } });

  const created = await client.POST('/api/v1/ideas', {
    body: { title: 'Typed client idea', problem: 'Front ends guess field types', proposal: 'Generate the client', themes: ['digital'] },
  });
  if (!created.data) throw new Error(`POST /ideas answered ${created.response.status}`);
  const id: string = created.data.id;
  const version: number = created.data.version;
  const endorsements: number = created.data.endorsementCount;

  const submitted = await client.POST('/api/v1/ideas/{id}/submit', { params: { path: { id }, header: { 'If-Match': `"${version}"` } } });
  if (!submitted.data) throw new Error(`submit answered ${submitted.response.status}`);
  const flagged: boolean | undefined = submitted.data.similarWork?.flagged;

  const page = await client.GET('/api/v1/ideas', { params: { query: { limit: 5, sort: 'newest', status: 'submitted' } } });
  const nextCursor: string | null | undefined = page.data?.nextCursor;

  const funnel = await client.GET('/api/v1/metrics/funnel', { params: { query: { region: 'Europe' } } });
  if (!funnel.data) throw new Error(`funnel answered ${funnel.response.status}`);
  const stageCounts: Record<string, number> = {};
  for (const stage of funnel.data.stages) stageCounts[stage.status] = stage.ideas;
  const total: number = funnel.data.total;

  // An error is a problem document: its fields are typed too.
  const refused = await client.POST('/api/v1/ideas', { body: { title: 'x', problem: 'p', proposal: 'q' } });
  if (!refused.error) throw new Error(`a one-letter title answered ${refused.response.status}`);
  const reasons: string[] = (refused.error.errors ?? []).map((error) => `${error.field}: ${error.reason}`);

  // The types refuse what the API refuses: each line below must stay an error for the program to compile.
  // @ts-expect-error a title is a string
  void client.POST('/api/v1/ideas', { body: { title: 1, problem: 'p', proposal: 'q' } });
  // @ts-expect-error limit is a number
  void client.GET('/api/v1/ideas', { params: { query: { limit: 'five' } } });
  // @ts-expect-error no such status
  void client.GET('/api/v1/ideas', { params: { query: { status: 'shelved' } } });
  // @ts-expect-error the path needs its id
  void client.POST('/api/v1/ideas/{id}/submit', {});
  // @ts-expect-error no such operation
  void client.DELETE('/api/v1/metrics/funnel', {});
  // @ts-expect-error a version is a number, not a string
  const versionAsText: string = created.data.version;

  void [endorsements, flagged, nextCursor, total, reasons, versionAsText];
  return { submitted: submitted.data, stageCounts, refused: refused.error };
}
