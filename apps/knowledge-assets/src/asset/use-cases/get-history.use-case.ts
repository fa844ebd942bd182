import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import type { AssetStatus } from '#ikm/contracts';
import type { HistoryEntry } from '#ikm/lifecycle';
import { DataSource } from 'typeorm';
import { ASSET_HISTORY } from '../asset-lifecycle.js';
import { AssetError } from '../asset.errors.js';
import { AssetRepository } from '../asset.repository.js';
import { actorOf } from '../actor.js';

export type AssetHistoryEntry = HistoryEntry<AssetStatus> & { versionNumber: number };

/** Who moved each version the caller may see, when and why: version by version, oldest first. */
@Injectable()
export class GetHistoryUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly assets: AssetRepository,
  ) {}

  async execute({ user, assetId }: { user: AuthenticatedUser; assetId: string }): Promise<AssetHistoryEntry[]> {
    const manager = this.dataSource.manager;
    const versions = await this.assets.visibleVersions(manager, assetId, actorOf(user));
    if (versions.length === 0) throw AssetError.notFound(assetId);
    const histories = await Promise.all(versions.map(async (version) => (await ASSET_HISTORY.of(manager, version.id)).map((entry) => ({ versionNumber: version.number, ...entry }))));
    return histories.flat();
  }
}
