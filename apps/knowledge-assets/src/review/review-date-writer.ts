import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import { KnowledgeAssetReviewDateChangedV1 } from '#ikm/contracts';
import { OutboxWriter } from '#ikm/messaging';
import type { EntityManager } from 'typeorm';
import { actorOf } from '../asset/actor.js';
import type { Asset, AssetVersion } from '../asset/asset.entity.js';
import { AssetRepository } from '../asset/asset.repository.js';
import { todayUtc } from './review-dates.js';
import { ReviewRepository } from './review.repository.js';

/**
 * Writes a version's new review-by date as an access change is written: the date, the asset's next
 * revision (the ETag and the events' order move on; the content does not change) and its event, in the
 * caller's transaction; the version comes back with its review block.
 */
@Injectable()
export class ReviewDateWriter {
  constructor(
    private readonly assets: AssetRepository,
    private readonly reviews: ReviewRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async write(manager: EntityManager, change: { asset: Asset; version: AssetVersion; reviewBy: string; kind: 'set' | 'confirmed'; user: AuthenticatedUser; now: Date }): Promise<AssetVersion> {
    const { asset, version, reviewBy, kind, user, now } = change;
    await this.reviews.setDate(manager, version.id, reviewBy, kind, user.sub, now);
    asset.touch(now);
    version.revision = asset.revision;
    await this.assets.save(manager, asset);
    await this.outbox.append(manager, KnowledgeAssetReviewDateChangedV1, asset.id, {
      assetId: asset.id,
      version: asset.revision,
      versionNumber: version.number,
      publishingUnit: version.publishingUnit,
      reviewBy,
      kind,
      versionStatus: version.status,
      changedAt: now.toISOString(),
      actorId: user.sub,
    });
    version.review = await this.reviews.stateOf(manager, version.id, actorOf(user), todayUtc(now));
    return version;
  }
}
