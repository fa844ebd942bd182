import { domainErrorClass } from '#ikm/domain';

export enum ReviewErrorCode {
  ReviewerOnTeam = 'REVIEW_REVIEWER_ON_TEAM',
  OwnIdea = 'REVIEW_OWN_IDEA',
  AlreadyAssigned = 'REVIEW_ALREADY_ASSIGNED',
  NotAssigned = 'REVIEW_NOT_ASSIGNED',
  NotInReview = 'REVIEW_IDEA_NOT_IN_REVIEW',
  ScoresMismatch = 'REVIEW_SCORES_MISMATCH',
}

export class ReviewError extends domainErrorClass<ReviewErrorCode>({
  [ReviewErrorCode.ReviewerOnTeam]: 409,
  [ReviewErrorCode.OwnIdea]: 403,
  [ReviewErrorCode.AlreadyAssigned]: 409,
  [ReviewErrorCode.NotAssigned]: 403,
  [ReviewErrorCode.NotInReview]: 409,
  [ReviewErrorCode.ScoresMismatch]: 400,
}) {
  static reviewerOnTeam(reviewerId: string): ReviewError {
    return new ReviewError(ReviewErrorCode.ReviewerOnTeam, `${reviewerId} is on the idea's team; nobody reviews their own idea.`);
  }

  static ownIdea(): ReviewError {
    return new ReviewError(ReviewErrorCode.OwnIdea, 'You are on this idea’s team or invited to it; nobody reviews an idea they are on the team of.');
  }

  static alreadyAssigned(reviewerId: string): ReviewError {
    return new ReviewError(ReviewErrorCode.AlreadyAssigned, `${reviewerId} is already a reviewer of this idea.`);
  }

  static notAssigned(): ReviewError {
    return new ReviewError(ReviewErrorCode.NotAssigned, 'You are not an assigned reviewer of this idea.');
  }

  static notInReview(status: string, action: string): ReviewError {
    return new ReviewError(ReviewErrorCode.NotInReview, `The idea is ${status}; ${action} needs it submitted or in review.`, { currentStatus: status });
  }

  static scoresMismatch(expected: string[], reason: string): ReviewError {
    return new ReviewError(ReviewErrorCode.ScoresMismatch, `A scorecard scores each criterion once: ${expected.join(', ')}.`, {
      errors: [{ field: 'scores', reason }],
      criteria: expected,
    });
  }
}
