import type { AssetType } from '#ikm/contracts';

/**
 * How long a published asset stays current before someone should look at it again, from its
 * publication date, by type (README, "Freshness"): data and signals age fastest, syntheses of practice
 * and evaluations slowest. Owners set another date on a draft or the published version; a review
 * confirming it sets the next one.
 */
export const REVIEW_PERIOD_MONTHS: Readonly<Record<AssetType, number>> = {
  dataset: 12,
  foresight_signal: 12,
  // A scenario rests on its signals, which are reviewed yearly; the narrative itself ages more slowly.
  foresight_scenario: 24,
  policy_brief: 24,
  toolkit: 24,
  course_material: 24,
  good_practice: 36,
  lesson_learned: 36,
  publication: 36,
  evaluation: 48,
  meeting_report: 60,
};

/** The months for a version row's type (alias `v`), as SQL; the values are the constants above, not input. */
export function reviewMonthsSql(v = 'v'): string {
  const cases = Object.entries(REVIEW_PERIOD_MONTHS).map(([type, months]) => `WHEN '${type}' THEN ${Number(months)}`);
  return `(CASE ${v}.type ${cases.join(' ')} ELSE 24 END)`;
}

/**
 * The review-by date in force for a version (alias `v`) with its set date (alias `d`, asset_review_dates,
 * left-joined): the one set, else its publication date (UTC) plus its type's period.
 */
export function reviewBySql(v = 'v', d = 'd'): string {
  return `COALESCE(${d}.review_by, ((${v}.published_at AT TIME ZONE 'UTC')::date + make_interval(months => ${reviewMonthsSql(v)}))::date)`;
}

/** Today plus a type's period, `YYYY-MM-DD` (UTC): the next review-by date a review gives by default. */
export function defaultNextReview(type: AssetType, today: Date): string {
  const next = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + REVIEW_PERIOD_MONTHS[type], today.getUTCDate()));
  return next.toISOString().slice(0, 10);
}
