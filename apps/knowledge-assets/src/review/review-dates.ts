import { ReviewError } from './review.errors.js';

/** Today in UTC, `YYYY-MM-DD`: the calendar the review dates are kept in. */
export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** A review-by date a person gives: after today and within ten years (an asset nobody will look at for longer is one to retire). */
export function assertFutureReviewDate(reviewBy: string, now = new Date()): void {
  const today = todayUtc(now);
  if (reviewBy <= today) throw ReviewError.invalidDate(`must be after today (${today})`);
  const limit = `${now.getUTCFullYear() + 10}${today.slice(4)}`;
  if (reviewBy > limit) throw ReviewError.invalidDate(`must be at most ten years ahead (${limit})`);
}
