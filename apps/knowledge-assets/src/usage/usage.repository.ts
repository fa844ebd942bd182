import { Injectable } from '@nestjs/common';
import { prepared, queryPrepared } from '#ikm/persistence';
import type { EntityManager } from 'typeorm';

export const USAGE_PERIODS = ['day', 'month'] as const;
export type UsagePeriod = (typeof USAGE_PERIODS)[number];

/** Counted use in one period (or in all of them: the totals). */
export interface UsageCounts {
  views: number;
  downloads: number;
  uniqueUsers: number;
}

export interface PeriodUsage extends UsageCounts {
  /** The period's first day, `YYYY-MM-DD` (UTC). */
  start: string;
}

export interface ReuseLink {
  kind: 'idea' | 'discussion' | 'sharing_event';
  id: string;
  title: string | null;
  communityId: string | null;
  since: Date;
}

/**
 * COUNTER's double-click filter as SQL: of the same user's identical actions (kind and item) on an
 * asset, one followed by another within 30 seconds is not counted ("only the second is recorded"), so
 * two clicks 29 s apart count once and 31 s apart twice. Actions up to 30 s past the window are read so
 * that one just before its end is judged by its successor, as it would be in the next window.
 */
const COUNTED_ACTIONS = `
  SELECT kind, user_id, at FROM (
    SELECT kind, user_id, at, lead(at) OVER (PARTITION BY kind, item, user_id ORDER BY at) AS next_at
    FROM asset_usage_actions
    WHERE asset_id = ANY($1::uuid[]) AND at >= $2::timestamptz AND at < $3::timestamptz + interval '30 seconds'
  ) actions
  WHERE at < $3::timestamptz AND (next_at IS NULL OR next_at > at + interval '30 seconds')`;

const COUNTS = `count(*) FILTER (WHERE kind = 'view')::int AS views, count(*) FILTER (WHERE kind = 'download')::int AS downloads, count(DISTINCT user_id)::int AS "uniqueUsers"`;

const BY_PERIOD = prepared(
  `SELECT to_char(date_trunc($4, at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS start, ${COUNTS}
   FROM (${COUNTED_ACTIONS}) counted GROUP BY 1 ORDER BY 1`,
);
const TOTALS = prepared(`SELECT ${COUNTS} FROM (${COUNTED_ACTIONS}) counted`);

/** Per asset, for the daily job: the counts of one window, of every asset that had any. */
const PER_ASSET = prepared(`
  SELECT asset_id AS "assetId", count(*) FILTER (WHERE kind = 'view')::int AS views, count(*) FILTER (WHERE kind = 'download')::int AS downloads, count(DISTINCT user_id)::int AS "uniqueUsers"
  FROM (
    SELECT asset_id, kind, user_id, at, lead(at) OVER (PARTITION BY asset_id, kind, item, user_id ORDER BY at) AS next_at
    FROM asset_usage_actions
    WHERE at >= $1::timestamptz AND at < $2::timestamptz + interval '30 seconds' AND ($3::uuid[] IS NULL OR asset_id = ANY($3::uuid[]))
  ) actions
  WHERE at < $2::timestamptz AND (next_at IS NULL OR next_at > at + interval '30 seconds')
  GROUP BY asset_id`);

const REUSED_IN = prepared(`
  SELECT kind, source_id AS id, title, community_id AS "communityId", changed_at AS since
  FROM asset_reuse_sources WHERE asset_ids @> ARRAY[$1::text] ORDER BY changed_at, source_key`);

const REUSE_COUNTS = prepared(`
  SELECT a.id AS "assetId", count(s.source_key)::int AS "reusedIn"
  FROM unnest($1::text[]) AS a(id) LEFT JOIN asset_reuse_sources s ON s.asset_ids @> ARRAY[a.id] GROUP BY a.id`);

/** Counted views and downloads, and the sources that cite an asset; all SQL of usage/. */
@Injectable()
export class UsageRepository {
  /** Counted use of the assets in [from, to), per period (only periods with any) and in total. */
  async usage(manager: EntityManager, assetIds: string[], from: Date, to: Date, period: UsagePeriod): Promise<{ periods: PeriodUsage[]; totals: UsageCounts }> {
    const window = [assetIds, from.toISOString(), to.toISOString()];
    const [periods, [totals]] = await Promise.all([
      queryPrepared<PeriodUsage>(manager, BY_PERIOD, [...window, period]),
      queryPrepared<UsageCounts>(manager, TOTALS, window),
    ]);
    return { periods, totals: totals! };
  }

  /** Every asset used in [from, to) (or only those named), with its counts. */
  perAsset(manager: EntityManager, from: Date, to: Date, assetIds?: string[]): Promise<({ assetId: string } & UsageCounts)[]> {
    return queryPrepared(manager, PER_ASSET, [from.toISOString(), to.toISOString(), assetIds ?? null]);
  }

  reusedIn(manager: EntityManager, assetId: string): Promise<ReuseLink[]> {
    return queryPrepared<ReuseLink>(manager, REUSED_IN, [assetId]);
  }

  async reuseCounts(manager: EntityManager, assetIds: string[]): Promise<Map<string, number>> {
    const rows = await queryPrepared<{ assetId: string; reusedIn: number }>(manager, REUSE_COUNTS, [assetIds]);
    return new Map(rows.map((row) => [row.assetId, row.reusedIn]));
  }
}
