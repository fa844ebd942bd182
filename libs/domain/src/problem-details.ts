/**
 * RFC 9457 problem details, the one error format of every service. Declared here, beside the domain
 * errors rendered into it, so that domain code need not depend on the HTTP library; `#ikm/http`
 * re-exports it for the transport side.
 */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  /** For 400s: each offending field and why it was refused. */
  errors?: FieldError[];
  [extension: string]: unknown;
}

export interface FieldError {
  /** Dotted path of the field in the request, e.g. `themes.2` or `query.limit`. */
  field: string;
  reason: string;
}

export const PROBLEM_TYPE_BASE = 'https://ikm.example.org/problems/';

export function problemType(slug: string): string {
  return `${PROBLEM_TYPE_BASE}${slug}`;
}
