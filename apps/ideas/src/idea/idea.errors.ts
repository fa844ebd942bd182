import { DomainError } from '#ikm/http';
import type { IdeaStatus } from '#ikm/contracts';

export enum IdeaErrorCode {
  NotFound = 'IDEA_NOT_FOUND',
  NotAuthor = 'IDEA_NOT_AUTHOR',
  NotEditable = 'IDEA_NOT_EDITABLE',
  InvalidTransition = 'IDEA_INVALID_TRANSITION',
  VersionMismatch = 'IDEA_VERSION_MISMATCH',
}

const STATUS_OF: Record<IdeaErrorCode, number> = {
  [IdeaErrorCode.NotFound]: 404,
  [IdeaErrorCode.NotAuthor]: 403,
  [IdeaErrorCode.NotEditable]: 409,
  [IdeaErrorCode.InvalidTransition]: 409,
  [IdeaErrorCode.VersionMismatch]: 412,
};

export class IdeaError extends DomainError<IdeaErrorCode> {
  get status(): number {
    return STATUS_OF[this.code];
  }

  static notFound(id: string): IdeaError {
    return new IdeaError(IdeaErrorCode.NotFound, `Idea ${id} does not exist or is not visible to you.`);
  }

  static notAuthor(id: string): IdeaError {
    return new IdeaError(IdeaErrorCode.NotAuthor, `Only the author may change idea ${id}.`);
  }

  static notEditable(id: string, status: IdeaStatus): IdeaError {
    return new IdeaError(IdeaErrorCode.NotEditable, `Idea ${id} is ${status}; only drafts can be edited.`, {
      currentStatus: status,
    });
  }

  static invalidTransition(id: string, from: IdeaStatus, to: IdeaStatus, allowed: readonly IdeaStatus[]): IdeaError {
    return new IdeaError(
      IdeaErrorCode.InvalidTransition,
      `Idea ${id} cannot go from ${from} to ${to}; allowed from ${from}: ${allowed.join(', ') || 'none'}.`,
      { currentStatus: from, requestedStatus: to, allowedTransitions: allowed },
    );
  }

  static versionMismatch(id: string, expected: number, actual: number): IdeaError {
    return new IdeaError(
      IdeaErrorCode.VersionMismatch,
      `Idea ${id} is at version ${actual}, not ${expected}; reload it and apply your change again.`,
      { currentVersion: actual },
    );
  }

  private constructor(code: IdeaErrorCode, message: string, extensions?: Record<string, unknown>) {
    super(code, message, extensions);
  }
}
