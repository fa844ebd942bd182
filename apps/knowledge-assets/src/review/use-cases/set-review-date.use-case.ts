import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import { KnowledgeAssetReviewDateChangedV1 } from '#ikm/contracts';
import { OutboxWriter } from '#ikm/messaging';
import { DataSource } from 'typeorm';
import { actorOf } from '../../asset/actor.js';
import type { AssetVersion } from '../../asset/asset.entity.js';
import { AssetError } from '../../asset/asset.errors.js';
import { AssetRepository } from '../../asset/asset.repository.js';
import { assertFutureReviewDate, todayUtc } from '../review-dates.js';
import { ReviewError } from '../review.errors.js';
import { ReviewRepository } from '../review.repository.js';

/**
 * An owner (or publisher) sets the review-by date of the asset's latest version: on a draft it takes
 * effect at publication, on the published version at once. Like an access change, not a content change:
 * no new version, the asset's revision moves on and the event says so.
 */
@Injectable()
export class SetReviewDateUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly assets: AssetRepository,
    private readonly reviews: ReviewRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute({ user, assetId, reviewBy, expectedRevision }: { user: AuthenticatedUser; assetId: string; reviewBy: string; expectedRevision?: number }): Promise<AssetVersion> {
    assertFutureReviewDate(reviewBy);
    return this.dataSource.transaction(async (manager) => {
      const asset = await this.assets.lock(manager, assetId);
      const actor = actorOf(user);
      const latest = await this.assets.latestVisible(manager, assetId, actor);
      asset.assertRevision(expectedRevision);
      if (latest.capacitiesOf(actor).length === 0) throw AssetError.notOwner(assetId);
      if (latest.status !== 'draft' && latest.status !== 'published') throw ReviewError.notReviewable(assetId, latest.status);
      const now = new Date();
      await this.reviews.setDate(manager, latest.id, reviewBy, 'set', user.sub, now);
      asset.touch(now);
      latest.revision = asset.revision;
      await this.assets.save(manager, asset);
      await this.outbox.append(manager, KnowledgeAssetReviewDateChangedV1, assetId, {
        assetId,
        version: asset.revision,
        versionNumber: latest.number,
        publishingUnit: latest.publishingUnit,
        reviewBy,
        kind: 'set',
        versionStatus: latest.status,
        changedAt: now.toISOString(),
        actorId: user.sub,
      });
      latest.review = await this.reviews.stateOf(manager, latest.id, actor, todayUtc(now));
      return latest;
    });
  }
}
