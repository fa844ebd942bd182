import { Inject, Injectable } from '@nestjs/common';
import type { AssetType, AssetStatus } from '#ikm/contracts';
import { WhereClause } from '#ikm/pagination';
import { prepared, queryPrepared } from '#ikm/persistence';
import type { EntityManager } from 'typeorm';
import { recordVisibleTo } from '../asset/asset-visibility.js';
import type { Actor } from '../asset/asset.entity.js';
import { reviewBySql } from './review-periods.js';
import { REVIEW_SETTINGS, type ReviewSettings } from './review.config.js';

export const REVIEW_STATUSES = ['due', 'current'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** A version's freshness as its response shows it. */
export interface ReviewState {
  /** The date in force (`YYYY-MM-DD`): set by someone, or the type's default from publication; null for an unpublished version with none set. */
  reviewBy: string | null;
  status: ReviewStatus | 'not_published';
  source: 'default' | 'set' | 'confirmed';
  setBy: string | null;
  setAt: Date | null;
  /** When the review-due event for this date went out. */
  dueNotifiedAt: Date | null;
  lastUsedAt: Date | null;
  publishedAt: Date | null;
  /** Other published assets, visible to the viewer, with the same persistent identifier and a later issue date. */
  replacedBy: string[];
  /** Published for longer than REVIEW_UNUSED_AFTER_DAYS and neither viewed nor downloaded in that time. */
  unused: boolean;
}

/** An asset found due by the job. */
export interface DueAsset {
  assetId: string;
  versionNumber: number;
  revision: number;
  publishingUnit: string;
  title: Record<string, string>;
  type: AssetType;
  reviewBy: string;
}

export interface ReviewListItem {
  assetId: string;
  versionNumber: number;
  type: AssetType;
  title: Record<string, string>;
  reviewBy: string;
  status: ReviewStatus;
  dueNotifiedAt: Date | null;
}

const DUE = prepared(`
  SELECT v.asset_id AS "assetId", v.number AS "versionNumber", r.revision, v.publishing_unit AS "publishingUnit", v.title, v.type,
         to_char(e.review_by, 'YYYY-MM-DD') AS "reviewBy"
  FROM asset_versions v JOIN assets r ON r.id = v.asset_id LEFT JOIN asset_review_dates d ON d.version_id = v.id
  CROSS JOIN LATERAL (SELECT ${reviewBySql()} AS review_by) e
  WHERE v.status = 'published' AND e.review_by <= $1::date
    AND NOT EXISTS (SELECT 1 FROM asset_review_notices n WHERE n.asset_id = v.asset_id AND n.due_date = e.review_by)`);

const NOTICE = prepared(`INSERT INTO asset_review_notices (asset_id, due_date, notified_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING asset_id`);

const SET_DATE = prepared(`
  INSERT INTO asset_review_dates (version_id, review_by, kind, set_by, set_at) VALUES ($1, $2, $3, $4, $5)
  ON CONFLICT (version_id) DO UPDATE SET review_by = EXCLUDED.review_by, kind = EXCLUDED.kind, set_by = EXCLUDED.set_by, set_at = EXCLUDED.set_at`);

const LIST = prepared(`
  SELECT * FROM (
    SELECT v.asset_id AS "assetId", v.number AS "versionNumber", v.type, v.title, to_char(e.review_by, 'YYYY-MM-DD') AS "reviewBy",
           CASE WHEN e.review_by <= $2::date THEN 'due' ELSE 'current' END AS status,
           (SELECT n.notified_at FROM asset_review_notices n WHERE n.asset_id = v.asset_id AND n.due_date = e.review_by) AS "dueNotifiedAt"
    FROM asset_versions v LEFT JOIN asset_review_dates d ON d.version_id = v.id
    CROSS JOIN LATERAL (SELECT ${reviewBySql()} AS review_by) e
    WHERE v.status = 'published' AND v.publishing_unit = $1
  ) reviews
  WHERE $3::text IS NULL OR status = $3
  ORDER BY "reviewBy", "assetId" LIMIT $4`);

/** Review-by dates, the notices sent and the flags; all SQL of review/. */
@Injectable()
export class ReviewRepository {
  constructor(@Inject(REVIEW_SETTINGS) private readonly settings: ReviewSettings) {}

  /** The freshness of one version, for the viewer (the replacements they may see only). */
  async stateOf(manager: EntityManager, versionId: string, viewer: Actor, today: string): Promise<ReviewState | undefined> {
    const where = new WhereClause();
    const id = where.parameter(versionId);
    const day = where.parameter(today);
    const visible = recordVisibleTo(viewer, where, 'o');
    const [row] = await queryPrepared<Omit<ReviewState, 'unused' | 'source'> & { versionStatus: AssetStatus; kind: 'set' | 'confirmed' | null }>(
      manager,
      {
        text: `SELECT v.status AS "versionStatus", to_char(e.review_by, 'YYYY-MM-DD') AS "reviewBy", d.kind, d.set_by AS "setBy", d.set_at AS "setAt", v.published_at AS "publishedAt",
               CASE WHEN v.status <> 'published' THEN 'not_published' WHEN e.review_by <= ${day}::date THEN 'due' ELSE 'current' END AS status,
               (SELECT n.notified_at FROM asset_review_notices n WHERE n.asset_id = v.asset_id AND n.due_date = e.review_by) AS "dueNotifiedAt",
               (SELECT max(u.at) FROM asset_usage_actions u WHERE u.asset_id = v.asset_id) AS "lastUsedAt",
               ARRAY(SELECT DISTINCT o.asset_id::text FROM asset_versions o
                     WHERE v.status = 'published' AND o.status = 'published' AND o.asset_id <> v.asset_id
                       AND o.persistent_identifier->>'scheme' = v.persistent_identifier->>'scheme'
                       AND lower(o.persistent_identifier->>'value') = lower(v.persistent_identifier->>'value')
                       AND COALESCE(o.date_issued, o.published_at::date) > COALESCE(v.date_issued, v.published_at::date)
                       AND ${visible}) AS "replacedBy"
        FROM asset_versions v LEFT JOIN asset_review_dates d ON d.version_id = v.id
        CROSS JOIN LATERAL (SELECT ${reviewBySql()} AS review_by) e
        WHERE v.id = ${id}`,
      },
      where.values,
    );
    if (!row) return undefined;
    const { kind, versionStatus: _status, ...state } = row;
    const unusedBefore = Date.parse(`${today}T00:00:00Z`) - this.settings.REVIEW_UNUSED_AFTER_DAYS * 86_400_000;
    const unused = row.status !== 'not_published' && row.publishedAt !== null && row.publishedAt.getTime() < unusedBefore && (row.lastUsedAt === null || row.lastUsedAt.getTime() < unusedBefore);
    return { ...state, source: kind ?? 'default', unused };
  }

  /** Published assets whose date in force is on or before `today` and whose notice for that date has not gone out. */
  due(manager: EntityManager, today: string): Promise<DueAsset[]> {
    return queryPrepared<DueAsset>(manager, DUE, [today]);
  }

  /** Records the notice; false when this asset's notice for this date was already recorded. */
  async recordNotice(manager: EntityManager, assetId: string, dueDate: string, at: Date): Promise<boolean> {
    return (await queryPrepared(manager, NOTICE, [assetId, dueDate, at])).length > 0;
  }

  async setDate(manager: EntityManager, versionId: string, reviewBy: string, kind: 'set' | 'confirmed', by: string, at: Date): Promise<void> {
    await queryPrepared(manager, SET_DATE, [versionId, reviewBy, kind, by, at]);
  }

  list(manager: EntityManager, unit: string, today: string, status: ReviewStatus | undefined, limit: number): Promise<ReviewListItem[]> {
    return queryPrepared<ReviewListItem>(manager, LIST, [unit, today, status ?? null, limit]);
  }

  /** Takes the job's transaction-level advisory lock; false when another instance holds it. */
  async tryLockJob(manager: EntityManager): Promise<boolean> {
    const [{ locked }] = await queryPrepared<{ locked: boolean }>(manager, LOCK_JOB, [REVIEW_JOB_LOCK_KEY]);
    return locked;
  }
}

/** The daily job's advisory lock key ("ka-review" as hex digits), distinct from the outbox relay's and idempotency's. */
const REVIEW_JOB_LOCK_KEY = 0x6b61_7265_7669_6577n.toString();
const LOCK_JOB = prepared(`SELECT pg_try_advisory_xact_lock($1::bigint) AS locked`);
