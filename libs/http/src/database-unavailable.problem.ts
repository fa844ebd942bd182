import { statusProblem, type ProblemDetails } from './problem-details.js';

/**
 * What a request gets while the service's database cannot be used. A write cut off at its COMMIT may
 * still have been done: retried with the same Idempotency-Key, it is then answered, not done again.
 */
export function databaseUnavailableProblem(instance: string): ProblemDetails {
  return statusProblem(
    503,
    'The service cannot use its database just now. Try again after Retry-After seconds, with the same Idempotency-Key for a write.',
    instance,
  );
}
