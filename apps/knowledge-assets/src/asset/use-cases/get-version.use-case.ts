import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import { DataSource } from 'typeorm';
import type { AssetVersion } from '../asset.entity.js';
import { AssetError } from '../asset.errors.js';
import { AssetRepository } from '../asset.repository.js';
import { actorOf } from '../actor.js';
import { todayUtc } from '../../review/review-dates.js';
import { ReviewRepository } from '../../review/review.repository.js';

/** One version at its own URL, superseded and retired ones included, if the caller may see it. */
@Injectable()
export class GetVersionUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly assets: AssetRepository,
    private readonly reviews: ReviewRepository,
  ) {}

  async execute({ user, assetId, number }: { user: AuthenticatedUser; assetId: string; number: number }): Promise<AssetVersion> {
    const actor = actorOf(user);
    const versions = await this.assets.visibleVersions(this.dataSource.manager, assetId, actor);
    const version = versions.find((candidate) => candidate.number === number);
    if (!version) throw AssetError.versionNotFound(assetId, number);
    version.review = await this.reviews.stateOf(this.dataSource.manager, version.id, actor, todayUtc());
    return version;
  }
}
