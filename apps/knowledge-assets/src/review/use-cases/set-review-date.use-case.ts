import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import { DataSource } from 'typeorm';
import { actorOf } from '../../asset/actor.js';
import type { AssetVersion } from '../../asset/asset.entity.js';
import { AssetError } from '../../asset/asset.errors.js';
import { AssetRepository } from '../../asset/asset.repository.js';
import { ReviewDateWriter } from '../review-date-writer.js';
import { assertFutureReviewDate } from '../review-dates.js';
import { ReviewError } from '../review.errors.js';

/**
 * An owner (or publisher) sets the review-by date of the asset's latest version: on a draft it takes
 * effect at publication, on the published version at once. Like an access change, not a content change.
 */
@Injectable()
export class SetReviewDateUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly assets: AssetRepository,
    private readonly writer: ReviewDateWriter,
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
      return this.writer.write(manager, { asset, version: latest, reviewBy, kind: 'set', user, now: new Date() });
    });
  }
}
