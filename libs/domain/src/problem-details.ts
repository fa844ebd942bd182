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

const PROBLEM_TYPE_BASE = 'https://ikm.example.org/problems/';

/** What a problem says beyond its type, which its slug gives. */
export interface ProblemInit {
  status: number;
  detail?: string;
  instance?: string;
  /** The slug's words by default (`idea-not-found` reads "idea not found"). */
  title?: string;
  /** Members of this kind of problem: the offending fields, the service that did not answer, ... */
  extensions?: Record<string, unknown>;
}

/**
 * The one way every problem document is built, by domain errors, the HTTP filters and the gateway
 * alike, so that all of them have the same members in the same order.
 */
export function problemDetails(slug: string, { status, detail, instance, title = slug.replaceAll('-', ' '), extensions }: ProblemInit): ProblemDetails {
  return { type: `${PROBLEM_TYPE_BASE}${slug}`, title, status, detail, instance, ...extensions };
}
