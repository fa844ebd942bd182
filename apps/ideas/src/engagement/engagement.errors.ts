import { domainErrorClass } from '#ikm/domain';

export enum EngagementErrorCode {
  OwnIdea = 'ENGAGEMENT_OWN_IDEA',
}

export class EngagementError extends domainErrorClass<EngagementErrorCode>({
  [EngagementErrorCode.OwnIdea]: 403,
}) {
  static ownIdea(ideaId: string): EngagementError {
    return new EngagementError(EngagementErrorCode.OwnIdea, `You are on the team of idea ${ideaId}; endorsements come from others.`);
  }
}
