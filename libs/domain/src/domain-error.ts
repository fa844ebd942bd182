import { problemDetails, type ProblemDetails } from './problem-details.js';

/**
 * The statuses a domain rule may answer with: a refusal is bad input (400), not for this caller (403),
 * about something absent (404), in conflict with the current state (409), with a stale version (412)
 * or unprocessable as asked (422); for content a module receives or serves (uploaded files): too large
 * (413), of a media type it refuses (415), or a range it cannot serve (416). Anything else is not the
 * domain's to say.
 */
export type DomainErrorStatus = 400 | 403 | 404 | 409 | 412 | 413 | 415 | 416 | 422;

/**
 * Base of every module's typed errors: the global problem-details filter turns any DomainError into a
 * problem document without knowing the module. Modules do not extend it directly but through
 * `domainErrorClass`, which takes their table of codes and statuses.
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

  /** Type and title follow from the code: `IDEA_NOT_FOUND` is `…/problems/idea-not-found`, "idea not found". */
  toProblem(instance?: string): ProblemDetails {
    return problemDetails(this.code.toLowerCase().replaceAll('_', '-'), { status: this.status, detail: this.message, instance, extensions: this.extensions });
  }
}

/**
 * The base class of one module's errors, from the module's one table of codes and their statuses. The
 * table's type is a full `Record` of the code enum, so a code added without a status does not compile.
 * The module's class adds only its named factories (the messages), e.g.
 *
 *     export class CommentError extends domainErrorClass<CommentErrorCode>({ [CommentErrorCode.NotFound]: 404 }) {
 *       static notFound(id: string): CommentError { return new CommentError(CommentErrorCode.NotFound, `…`); }
 *     }
 *
 * The constructor stays protected: errors are made by those factories, never ad hoc by callers.
 */
export function domainErrorClass<Code extends string>(statusOf: Readonly<Record<Code, DomainErrorStatus>>) {
  abstract class ModuleError extends DomainError<Code> {
    get status(): DomainErrorStatus {
      return statusOf[this.code];
    }
  }
  return ModuleError;
}

/**
 * Optimistic concurrency, checked the same way for every versioned aggregate: a change made against
 * the version a client saw (its `If-Match`) is refused with the module's own 412 when the aggregate
 * has moved on since; without an expected version the change is unconditional.
 *
 *     assertExpectedVersion(expected, idea.version, (expected, actual) => IdeaError.versionMismatch(idea.id, expected, actual));
 */
export function assertExpectedVersion(expected: number | undefined, actual: number, mismatch: (expected: number, actual: number) => DomainError): void {
  if (expected !== undefined && expected !== actual) throw mismatch(expected, actual);
}
