import { DomainError } from '#ikm/http';

export enum EngagementErrorCode {
  OwnIdea = 'ENGAGEMENT_OWN_IDEA',
  NotOpenForEngagement = 'ENGAGEMENT_NOT_OPEN',
}

export class EngagementError extends DomainError<EngagementErrorCode> {
  get status(): number {
    return this.code === EngagementErrorCode.OwnIdea ? 403 : 409;
  }

  static ownIdea(ideaId: string): EngagementError {
    return new EngagementError(EngagementErrorCode.OwnIdea, `You are on the team of idea ${ideaId}; endorsements come from others.`);
  }

  static draft(ideaId: string): EngagementError {
    return new EngagementError(EngagementErrorCode.NotOpenForEngagement, `Idea ${ideaId} is a draft; others engage once it is submitted.`);
  }

  private constructor(code: EngagementErrorCode, message: string) {
    super(code, message);
  }
}
