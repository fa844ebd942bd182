/** RFC 9457 problem details, the one error format of every service. */
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

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
export const PROBLEM_TYPE_BASE = 'https://ikm.example.org/problems/';

export function problemType(slug: string): string {
  return `${PROBLEM_TYPE_BASE}${slug}`;
}

/**
 * Base of every module's typed errors: each module declares a code enum and the status of each code,
 * and the global filter turns any DomainError into problem details without knowing the module.
 */
export abstract class DomainError<Code extends string = string> extends Error {
  abstract readonly status: number;

  protected constructor(
    readonly code: Code,
    message: string,
    /** Extra members for the problem document, e.g. the transitions allowed from the current state. */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
  }

  toProblem(instance?: string): ProblemDetails {
    return {
      type: problemType(this.code.toLowerCase().replaceAll('_', '-')),
      title: this.code.toLowerCase().replaceAll('_', ' '),
      status: this.status,
      detail: this.message,
      instance,
      ...this.extensions,
    };
  }
}
