import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import { DataSource } from 'typeorm';
import type { AssetVersion } from '../asset.entity.js';
import { AssetRepository } from '../asset.repository.js';
import { actorOf } from '../actor.js';
import { todayUtc } from '../../review/review-dates.js';
import { ReviewRepository } from '../../review/review.repository.js';

/** The asset as its URL shows it to the caller: the latest version they may see (a draft to its owners). */
@Injectable()
export class GetAssetUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly assets: AssetRepository,
    private readonly reviews: ReviewRepository,
  ) {}

  async execute({ user, assetId }: { user: AuthenticatedUser; assetId: string }): Promise<AssetVersion> {
    const actor = actorOf(user);
    const version = await this.assets.latestVisible(this.dataSource.manager, assetId, actor);
    version.review = await this.reviews.stateOf(this.dataSource.manager, version.id, actor, todayUtc());
    return version;
  }
}
