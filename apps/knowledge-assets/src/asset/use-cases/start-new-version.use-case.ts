import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import { KnowledgeAssetDraftCreatedV1 } from '#ikm/contracts';
import { OutboxWriter } from '#ikm/messaging';
import { DataSource } from 'typeorm';
import { AssetFileRepository } from '../../file/asset-file.repository.js';
import { assetState } from '../asset-events.js';
import type { AssetVersion } from '../asset.entity.js';
import { AssetError } from '../asset.errors.js';
import { AssetRepository } from '../asset.repository.js';
import { actorOf } from '../actor.js';

/** An owner starts the next version: a draft copy of the published one, which stays published until its successor is. */
@Injectable()
export class StartNewVersionUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly assets: AssetRepository,
    private readonly outbox: OutboxWriter,
    private readonly files: AssetFileRepository,
  ) {}

  async execute({ user, assetId, expectedRevision }: { user: AuthenticatedUser; assetId: string; expectedRevision?: number }): Promise<AssetVersion> {
    return this.dataSource.transaction(async (manager) => {
      const asset = await this.assets.lock(manager, assetId);
      const actor = actorOf(user);
      const latest = await this.assets.latestVisible(manager, assetId, actor);
      asset.assertRevision(expectedRevision);
      if (!latest.isOwner(actor)) throw AssetError.notOwner(assetId);
      if (latest.status === 'draft' || latest.status === 'in_review') throw AssetError.draftOpen(assetId, latest.number);
      if (latest.status !== 'published') throw AssetError.notPublished(assetId);
      const now = new Date();
      const draft = latest.nextDraft(user.sub, now);
      asset.touch(now);
      draft.revision = asset.revision;
      await this.assets.save(manager, asset);
      await this.assets.insertVersion(manager, draft);
      await this.files.copy(manager, latest.id, draft.id);
      await this.outbox.append(manager, KnowledgeAssetDraftCreatedV1, assetId, { ...assetState(draft), createdAt: now.toISOString(), actorId: user.sub });
      return draft;
    });
  }
}
