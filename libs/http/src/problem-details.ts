import { problemDetails, type ProblemDetails } from '#ikm/domain';

/**
 * The problem document, its types and its builder are the domain's (`#ikm/domain`); HTTP adds its media
 * type and the problems named by their status alone.
 */
export { problemDetails, type FieldError, type ProblemDetails, type ProblemInit } from '#ikm/domain';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const SLUG_OF_STATUS: Record<number, string> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  408: 'request-timeout',
  409: 'conflict',
  412: 'precondition-failed',
  413: 'payload-too-large',
  414: 'uri-too-long',
  415: 'unsupported-media-type',
  422: 'unprocessable-content',
  428: 'precondition-required',
  429: 'too-many-requests',
  431: 'request-header-fields-too-large',
  500: 'internal-error',
  503: 'service-unavailable',
};

/** A problem that only needs its status and what went wrong (type and title follow from the status). */
export function statusProblem(status: number, detail: string, instance?: string, extensions?: Record<string, unknown>): ProblemDetails {
  return problemDetails(SLUG_OF_STATUS[status] ?? 'error', { status, detail, instance, extensions });
}
