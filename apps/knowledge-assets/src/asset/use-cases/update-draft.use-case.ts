import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import { KnowledgeAssetDraftUpdatedV1 } from '#ikm/contracts';
import { OutboxWriter } from '#ikm/messaging';
import { DataSource } from 'typeorm';
import { ForesightReferenceRepository } from '../../foresight/foresight-reference.repository.js';
import type { AssetVersion } from '../asset.entity.js';
import { AssetRepository } from '../asset.repository.js';
import { actorOf } from '../actor.js';
import type { AssetMetadata } from '../metadata/asset-metadata.js';

export interface UpdateDraftCommand {
  user: AuthenticatedUser;
  assetId: string;
  changes: Partial<AssetMetadata>;
  /** From If-Match: refuse the change when someone else changed the asset meanwhile. */
  expectedRevision?: number;
}

/** An owner edits the asset's open draft (its latest version, when that is a draft). */
@Injectable()
export class UpdateDraftUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly assets: AssetRepository,
    private readonly outbox: OutboxWriter,
    private readonly references: ForesightReferenceRepository,
  ) {}

  async execute({ user, assetId, changes, expectedRevision }: UpdateDraftCommand): Promise<AssetVersion> {
    return this.dataSource.transaction(async (manager) => {
      const asset = await this.assets.lock(manager, assetId);
      const draft = await this.assets.latestVisible(manager, assetId, actorOf(user));
      asset.assertRevision(expectedRevision);
      const now = new Date();
      const held = { signals: draft.signals, sources: draft.sources };
      const applied = draft.edit(actorOf(user), changes, now);
      if (Object.keys(applied).length === 0) return draft; // nothing changed: no new revision, no event
      await this.references.assertReadable(manager, actorOf(user), draft, held);
      asset.touch(now);
      draft.revision = asset.revision;
      await this.assets.save(manager, asset, draft);
      await this.outbox.append(manager, KnowledgeAssetDraftUpdatedV1, assetId, {
        assetId,
        version: asset.revision,
        versionNumber: draft.number,
        changes: applied,
        quality: draft.quality(),
        updatedAt: now.toISOString(),
        actorId: user.sub,
      });
      return draft;
    });
  }
}
