import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import { KnowledgeAssetUpdatedV1 } from '#ikm/contracts';
import { OutboxWriter } from '#ikm/messaging';
import { DataSource } from 'typeorm';
import { assetState } from '../asset-events.js';
import type { AssetVersion } from '../asset.entity.js';
import { AssetError } from '../asset.errors.js';
import { AssetRepository } from '../asset.repository.js';
import { actorOf } from '../actor.js';
import type { AccessSettings } from '../metadata/asset-metadata.js';

/**
 * Who may read the published version, and from when: its owners or a publisher change it without a new
 * version (the content stays as published), and consumers get the full state again.
 */
@Injectable()
export class ChangeAccessUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly assets: AssetRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute({ user, assetId, access, expectedRevision }: { user: AuthenticatedUser; assetId: string; access: AccessSettings; expectedRevision?: number }): Promise<AssetVersion> {
    return this.dataSource.transaction(async (manager) => {
      const asset = await this.assets.lock(manager, assetId);
      const actor = actorOf(user);
      const visible = await this.assets.visibleVersions(manager, assetId, actor);
      if (visible.length === 0) throw AssetError.notFound(assetId);
      const published = visible.findLast((version) => version.status === 'published');
      asset.assertRevision(expectedRevision);
      if (!published) throw AssetError.notPublished(assetId);
      const now = new Date();
      const applied = published.changeAccess(actor, access, now);
      if (Object.keys(applied).length === 0) return published;
      asset.touch(now);
      published.revision = asset.revision;
      await this.assets.save(manager, asset, published);
      await this.outbox.append(manager, KnowledgeAssetUpdatedV1, assetId, { ...assetState(published), updatedAt: now.toISOString(), actorId: user.sub });
      return published;
    });
  }
}
