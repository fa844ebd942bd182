export const BUCKETS = ['month', 'quarter'] as const;
export type Bucket = (typeof BUCKETS)[number];

export interface Period {
  /** `2025-03` for a month, `2025-Q1` for a quarter. */
  period: string;
  /** First and last day, inclusive. */
  from: string;
  to: string;
}

const MONTHS_IN: Record<Bucket, number> = { month: 1, quarter: 3 };

/** The month or quarter that starts on `start` (a `YYYY-MM-01` date, as date_trunc gives it). */
export function periodOf(start: string, bucket: Bucket): Period {
  const year = Number(start.slice(0, 4));
  const month = Number(start.slice(5, 7));
  // Day 0 of the month after the period is its last day, whatever the month's length or leap year.
  const to = new Date(Date.UTC(year, month - 1 + MONTHS_IN[bucket], 0)).toISOString().slice(0, 10);
  const period = bucket === 'month' ? start.slice(0, 7) : `${year}-Q${Math.ceil(month / 3)}`;
  return { period, from: start.slice(0, 10), to };
}
