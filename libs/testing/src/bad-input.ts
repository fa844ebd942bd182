import type request from 'supertest';

/**
 * One bad request and what it must get: its name in the test list, the call, the status, and the field
 * the problem must name (undefined for answers about the resource rather than a field: 403, 404, 409).
 * Every row has four elements: with fewer, jest would pass a `done` callback in place of the field.
 */
export type BadInputCase = [name: string, call: () => PromiseLike<request.Response>, status: number, field: string | undefined];

/**
 * A test per case, inside the `describe` that calls it: the status, an RFC 9457 problem document, and
 * the field among the problem's `errors` when the case names one.
 */
export function itAnswersEachWithAProblem(cases: BadInputCase[]): void {
  it.each(cases)('%s', async (_, call, status, field) => {
    const response = await call();
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    if (field) expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
  });
}
