import type { IdeaStatus } from '#ikm/contracts';
import { domainErrorClass } from '#ikm/domain';
import { refusalExtensions, type MoveRefusal } from '#ikm/lifecycle';
import type { AcceptRefusal, InviteRefusal } from '#ikm/membership';
import type { Capacity } from './idea-lifecycle.js';
import type { TeamBar, TeamRole } from './idea-team.js';

export enum IdeaErrorCode {
  NotFound = 'IDEA_NOT_FOUND',
  NotOnTeam = 'IDEA_NOT_ON_TEAM',
  NotEditable = 'IDEA_NOT_EDITABLE',
  InvalidTransition = 'IDEA_INVALID_TRANSITION',
  TransitionForbidden = 'IDEA_TRANSITION_FORBIDDEN',
  FeedbackRequired = 'IDEA_FEEDBACK_REQUIRED',
  ReviewIncomplete = 'IDEA_REVIEW_INCOMPLETE',
  VersionMismatch = 'IDEA_VERSION_MISMATCH',
  AlreadyOnTeam = 'IDEA_ALREADY_ON_TEAM',
  ReviewerCannotJoin = 'IDEA_REVIEWER_CANNOT_JOIN',
  NoInvitation = 'IDEA_NO_INVITATION',
  WrongStatus = 'IDEA_WRONG_STATUS',
  /** Comments and endorsements alike (PRODUCT.md's engagement) wait for submission; the code names that notion. */
  NotOpenForEngagement = 'ENGAGEMENT_NOT_OPEN',
}

export class IdeaError extends domainErrorClass<IdeaErrorCode>({
  [IdeaErrorCode.NotFound]: 404,
  [IdeaErrorCode.NotOnTeam]: 403,
  [IdeaErrorCode.NotEditable]: 409,
  [IdeaErrorCode.InvalidTransition]: 409,
  [IdeaErrorCode.TransitionForbidden]: 403,
  [IdeaErrorCode.FeedbackRequired]: 400,
  [IdeaErrorCode.ReviewIncomplete]: 409,
  [IdeaErrorCode.VersionMismatch]: 412,
  [IdeaErrorCode.AlreadyOnTeam]: 409,
  [IdeaErrorCode.ReviewerCannotJoin]: 409,
  [IdeaErrorCode.NoInvitation]: 404,
  [IdeaErrorCode.WrongStatus]: 409,
  [IdeaErrorCode.NotOpenForEngagement]: 409,
}) {
  static notFound(id: string): IdeaError {
    return new IdeaError(IdeaErrorCode.NotFound, `Idea ${id} does not exist or is not visible to you.`);
  }

  static notOnTeam(id: string): IdeaError {
    return new IdeaError(IdeaErrorCode.NotOnTeam, `Only the team of idea ${id} may do this.`);
  }

  static notEditable(id: string, status: IdeaStatus): IdeaError {
    return new IdeaError(IdeaErrorCode.NotEditable, `Idea ${id} is ${status}; only drafts can be edited.`, { currentStatus: status });
  }

  /** A 409 for a move the lifecycle does not have, a 403 for one that is not the caller's. */
  static transitionRefused(id: string, refusal: MoveRefusal<IdeaStatus, Capacity>): IdeaError {
    const { from, to } = refusal;
    if (refusal.reason === 'invalid') {
      const allowed = refusal.allowed.join(', ') || 'none';
      return new IdeaError(IdeaErrorCode.InvalidTransition, `Idea ${id} cannot go from ${from} to ${to}; allowed from ${from}: ${allowed}.`, refusalExtensions(refusal));
    }
    const who = refusal.who.join(' or ');
    return new IdeaError(IdeaErrorCode.TransitionForbidden, `Moving idea ${id} from ${from} to ${to} is for: ${who} (never on one's own idea).`, refusalExtensions(refusal));
  }

  static feedbackRequired(id: string): IdeaError {
    return new IdeaError(IdeaErrorCode.FeedbackRequired, `Not pursuing idea ${id} needs written feedback to the team.`, {
      errors: [{ field: 'reason', reason: 'feedback to the team is required when an idea is not pursued' }],
    });
  }

  static reviewIncomplete(id: string, missing: string[]): IdeaError {
    return new IdeaError(IdeaErrorCode.ReviewIncomplete, `Idea ${id} cannot be accepted before every assigned reviewer has scored it.`, {
      reviewersPending: missing,
    });
  }

  static versionMismatch(id: string, expected: number, actual: number): IdeaError {
    return new IdeaError(
      IdeaErrorCode.VersionMismatch,
      `Idea ${id} is at version ${actual}, not ${expected}; reload it and apply your change again.`,
      { currentVersion: actual },
    );
  }

  /** The team's refusals as this service has always named them; a refusal added to the block does not compile until mapped here. */
  static teamRefused(id: string, refusal: InviteRefusal<TeamRole, TeamBar> | AcceptRefusal<TeamBar>): IdeaError {
    switch (refusal.reason) {
      case 'not-entitled':
        return IdeaError.notOnTeam(id);
      case 'already-in':
        return IdeaError.alreadyOnTeam(id, refusal.userId);
      case 'barred':
        return IdeaError.reviewerCannotJoin(id, refusal.userId);
      case 'no-invitation':
        return IdeaError.noInvitation(id);
      default: {
        const unmapped: never = refusal;
        throw new Error(`unmapped team refusal ${JSON.stringify(unmapped)}`);
      }
    }
  }

  static alreadyOnTeam(id: string, userId: string): IdeaError {
    return new IdeaError(IdeaErrorCode.AlreadyOnTeam, `${userId} is already on the team of idea ${id} or invited to it.`);
  }

  static reviewerCannotJoin(id: string, userId: string): IdeaError {
    return new IdeaError(
      IdeaErrorCode.ReviewerCannotJoin,
      `${userId} is an assigned reviewer of idea ${id}, and nobody reviews an idea they are on the team of: a reviewer cannot join its team.`,
      { userId },
    );
  }

  static noInvitation(id: string): IdeaError {
    return new IdeaError(IdeaErrorCode.NoInvitation, `You have no open invitation to the team of idea ${id}.`);
  }

  static wrongStatus(id: string, status: IdeaStatus, needed: IdeaStatus[], action: string): IdeaError {
    return new IdeaError(IdeaErrorCode.WrongStatus, `Idea ${id} is ${status}; ${action} needs it to be ${needed.join(' or ')}.`, {
      currentStatus: status,
      requiredStatus: needed,
    });
  }

  static notOpenForEngagement(id: string): IdeaError {
    return new IdeaError(IdeaErrorCode.NotOpenForEngagement, `Idea ${id} is a draft; others engage once it is submitted.`);
  }
}
