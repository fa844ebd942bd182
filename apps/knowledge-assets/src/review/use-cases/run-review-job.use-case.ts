import { Injectable, Logger } from '@nestjs/common';
import { KnowledgeAssetReviewDueV1, KnowledgeAssetUsageRecordedV1 } from '#ikm/contracts';
import { OutboxWriter } from '#ikm/messaging';
import { prepared, queryPrepared } from '#ikm/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { UsageRepository } from '../../usage/usage.repository.js';
import { todayUtc } from '../review-dates.js';
import { ReviewRepository } from '../review.repository.js';

const DAY_MS = 86_400_000;
const USAGE_DAY_PUBLISHED = prepared(`INSERT INTO asset_usage_days_published (asset_id, day) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING asset_id`);

export interface ReviewJobOutcome {
  ran: boolean;
  reviewDue: number;
  usageDays: number;
}

/**
 * The daily job, in one transaction under a transaction-level advisory lock (as the outbox relay
 * publishes), so one instance runs it at a time and a second one finding the lock taken does nothing:
 * a review-due event for each published asset past its review-by date, the most used first (counted
 * views and downloads over the last 365 days), once per asset and due date (a notice row, whose
 * conflict also keeps a run after another's commit from sending it again); and yesterday's usage of
 * each asset used, once per asset and day.
 */
@Injectable()
export class RunReviewJobUseCase {
  private readonly log = new Logger(RunReviewJobUseCase.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly reviews: ReviewRepository,
    private readonly usage: UsageRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute(now = new Date()): Promise<ReviewJobOutcome> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      if (!(await this.reviews.tryLockJob(manager))) return { ran: false, reviewDue: 0, usageDays: 0 };
      return { ran: true, reviewDue: await this.emitReviewsDue(manager, now), usageDays: await this.emitYesterdaysUsage(manager, now) };
    });
    this.log.log(outcome, 'review job');
    return outcome;
  }

  private async emitReviewsDue(manager: EntityManager, now: Date): Promise<number> {
    const due = await this.reviews.due(manager, todayUtc(now));
    if (due.length === 0) return 0;
    const counts = await this.usage.perAsset(manager, new Date(now.getTime() - 365 * DAY_MS), now, due.map((asset) => asset.assetId));
    const usageOf = new Map(counts.map((count) => [count.assetId, count]));
    const used = (assetId: string) => (usageOf.get(assetId)?.views ?? 0) + (usageOf.get(assetId)?.downloads ?? 0);
    const ranked = [...due].sort((a, b) => used(b.assetId) - used(a.assetId) || a.assetId.localeCompare(b.assetId));
    let emitted = 0;
    for (const asset of ranked) {
      if (!(await this.reviews.recordNotice(manager, asset.assetId, asset.reviewBy, now))) continue;
      emitted += 1;
      await this.outbox.append(manager, KnowledgeAssetReviewDueV1, asset.assetId, {
        assetId: asset.assetId,
        version: asset.revision,
        versionNumber: asset.versionNumber,
        publishingUnit: asset.publishingUnit,
        reviewBy: asset.reviewBy,
        title: asset.title,
        type: asset.type,
        views: usageOf.get(asset.assetId)?.views ?? 0,
        downloads: usageOf.get(asset.assetId)?.downloads ?? 0,
        usageRank: emitted,
        detectedAt: now.toISOString(),
      });
    }
    return emitted;
  }

  private async emitYesterdaysUsage(manager: EntityManager, now: Date): Promise<number> {
    const today = new Date(`${todayUtc(now)}T00:00:00Z`);
    const yesterday = new Date(today.getTime() - DAY_MS);
    const day = todayUtc(yesterday);
    const used = await this.usage.perAsset(manager, yesterday, today);
    if (used.length === 0) return 0;
    const reuse = await this.usage.reuseCounts(manager, used.map((asset) => asset.assetId));
    let emitted = 0;
    for (const asset of used) {
      if ((await queryPrepared(manager, USAGE_DAY_PUBLISHED, [asset.assetId, day])).length === 0) continue;
      emitted += 1;
      await this.outbox.append(manager, KnowledgeAssetUsageRecordedV1, asset.assetId, {
        assetId: asset.assetId,
        day,
        views: asset.views,
        downloads: asset.downloads,
        uniqueUsers: asset.uniqueUsers,
        reusedIn: reuse.get(asset.assetId) ?? 0,
        recordedAt: now.toISOString(),
      });
    }
    return emitted;
  }
}
