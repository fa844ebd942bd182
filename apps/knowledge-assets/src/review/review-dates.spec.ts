import { msUntil } from './review-job.scheduler.js';
import { defaultNextReview, REVIEW_PERIOD_MONTHS, reviewMonthsSql } from './review-periods.js';
import { assertFutureReviewDate } from './review-dates.js';
import { ASSET_TYPES } from '#ikm/contracts';

describe('review periods and dates', () => {
  it('has a period for every asset type, and its SQL names each once', () => {
    expect(Object.keys(REVIEW_PERIOD_MONTHS).sort()).toEqual([...ASSET_TYPES].sort());
    const sut = reviewMonthsSql('v');
    for (const [type, months] of Object.entries(REVIEW_PERIOD_MONTHS)) expect(sut).toContain(`WHEN '${type}' THEN ${months}`);
  });

  it.each([
    ['dataset', '2026-12-08', '2027-12-08'],
    ['policy_brief', '2026-12-08', '2028-12-08'],
    ['meeting_report', '2026-01-31', '2031-01-31'],
    // 29 February plus a year is 1 March (Date.UTC rolls over), never an impossible date.
    ['dataset', '2028-02-29', '2029-03-01'],
  ] as const)('the next review of a %s confirmed on %s is %s', (type, today, expected) => {
    expect(defaultNextReview(type, new Date(`${today}T12:00:00Z`))).toBe(expected);
  });

  it.each([
    ['today', '2026-12-08', false],
    ['yesterday', '2026-12-07', false],
    ['tomorrow', '2026-12-09', true],
    ['ten years ahead', '2036-12-08', true],
    ['past ten years', '2036-12-09', false],
  ])('a date set %s is %s', (_, reviewBy, accepted) => {
    const sut = () => assertFutureReviewDate(reviewBy, new Date('2026-12-08T09:00:00Z'));
    if (accepted) expect(sut).not.toThrow();
    else expect(sut).toThrow(/review-by date/);
  });

  it.each([
    ['later today', '2026-12-08T01:00:00Z', '02:00', 3_600_000],
    ['tomorrow once passed', '2026-12-08T03:00:00Z', '02:00', 23 * 3_600_000],
    ['tomorrow at the very minute', '2026-12-08T02:00:00Z', '02:00', 24 * 3_600_000],
  ])('the job runs %s', (_, now, time, ms) => {
    expect(msUntil(time, new Date(now))).toBe(ms);
  });
});
