/** The problem document and its types are the domain's (`#ikm/domain`); HTTP adds only its media type. */
export { PROBLEM_TYPE_BASE, problemType, type FieldError, type ProblemDetails } from '#ikm/domain';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
