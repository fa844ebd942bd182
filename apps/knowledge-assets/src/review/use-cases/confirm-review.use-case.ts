import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import { KnowledgeAssetReviewDateChangedV1 } from '#ikm/contracts';
import { OutboxWriter } from '#ikm/messaging';
import { DataSource } from 'typeorm';
import { actorOf } from '../../asset/actor.js';
import type { AssetVersion } from '../../asset/asset.entity.js';
import { AssetError } from '../../asset/asset.errors.js';
import { AssetRepository } from '../../asset/asset.repository.js';
import { defaultNextReview } from '../review-periods.js';
import { assertFutureReviewDate, todayUtc } from '../review-dates.js';
import { ReviewError } from '../review.errors.js';
import { ReviewRepository } from '../review.repository.js';

/**
 * A review keeps the published version as it is: the unit's km_officer or an ikmu_admin (its
 * publishers) gives it a new review-by date, by default today plus its type's period. Updating it is a
 * new version (whose publication starts a new date); retiring it the existing transition.
 */
@Injectable()
export class ConfirmReviewUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly assets: AssetRepository,
    private readonly reviews: ReviewRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute({ user, assetId, reviewBy, expectedRevision }: { user: AuthenticatedUser; assetId: string; reviewBy?: string; expectedRevision?: number }): Promise<AssetVersion> {
    const now = new Date();
    if (reviewBy !== undefined) assertFutureReviewDate(reviewBy, now);
    return this.dataSource.transaction(async (manager) => {
      const asset = await this.assets.lock(manager, assetId);
      const actor = actorOf(user);
      const visible = await this.assets.visibleVersions(manager, assetId, actor);
      if (visible.length === 0) throw AssetError.notFound(assetId);
      asset.assertRevision(expectedRevision);
      const published = visible.findLast((version) => version.status === 'published');
      if (!published) throw AssetError.notPublished(assetId);
      if (!published.capacitiesOf(actor).includes('publisher')) throw ReviewError.notReviewer(published.publishingUnit);
      const next = reviewBy ?? defaultNextReview(published.type, now);
      await this.reviews.setDate(manager, published.id, next, 'confirmed', user.sub, now);
      asset.touch(now);
      published.revision = asset.revision;
      await this.assets.save(manager, asset);
      await this.outbox.append(manager, KnowledgeAssetReviewDateChangedV1, assetId, {
        assetId,
        version: asset.revision,
        versionNumber: published.number,
        publishingUnit: published.publishingUnit,
        reviewBy: next,
        kind: 'confirmed',
        versionStatus: published.status,
        changedAt: now.toISOString(),
        actorId: user.sub,
      });
      published.review = await this.reviews.stateOf(manager, published.id, actor, todayUtc(now));
      return published;
    });
  }
}
