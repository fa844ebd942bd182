import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import { DataSource } from 'typeorm';
import { actorOf } from '../../asset/actor.js';
import type { AssetVersion } from '../../asset/asset.entity.js';
import { AssetError } from '../../asset/asset.errors.js';
import { AssetRepository } from '../../asset/asset.repository.js';
import { ReviewDateWriter } from '../review-date-writer.js';
import { defaultNextReview } from '../review-periods.js';
import { assertFutureReviewDate } from '../review-dates.js';
import { ReviewError } from '../review.errors.js';

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
    private readonly writer: ReviewDateWriter,
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
      return this.writer.write(manager, { asset, version: published, reviewBy: reviewBy ?? defaultNextReview(published.type, now), kind: 'confirmed', user, now });
    });
  }
}
