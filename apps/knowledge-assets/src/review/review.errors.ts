import { domainErrorClass } from '#ikm/domain';

export enum ReviewErrorCode {
  NotReviewer = 'REVIEW_NOT_REVIEWER',
  InvalidDate = 'REVIEW_INVALID_DATE',
  NotReviewable = 'REVIEW_NOT_REVIEWABLE',
}

export class ReviewError extends domainErrorClass<ReviewErrorCode>({
  [ReviewErrorCode.NotReviewer]: 403,
  [ReviewErrorCode.InvalidDate]: 400,
  [ReviewErrorCode.NotReviewable]: 409,
}) {
  static notReviewer(unit: string): ReviewError {
    return new ReviewError(ReviewErrorCode.NotReviewer, `Reviews of unit ${unit}'s assets are for its km_officer or an ikmu_admin.`);
  }

  static invalidDate(reason: string): ReviewError {
    return new ReviewError(ReviewErrorCode.InvalidDate, `The review-by date is not valid: ${reason}.`, { errors: [{ field: 'reviewBy', reason }] });
  }

  static notReviewable(id: string, status: string): ReviewError {
    return new ReviewError(ReviewErrorCode.NotReviewable, `Asset ${id}'s latest version is ${status}: a review-by date is set on a draft or the published version.`, { currentStatus: status });
  }
}
