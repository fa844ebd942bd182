import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import { KnowledgeAssetDraftCreatedV1 } from '#ikm/contracts';
import { OutboxWriter } from '#ikm/messaging';
import { DataSource } from 'typeorm';
import { ForesightReferenceRepository } from '../../foresight/foresight-reference.repository.js';
import { assetState } from '../asset-events.js';
import { Asset, AssetVersion } from '../asset.entity.js';
import { AssetError } from '../asset.errors.js';
import { AssetRepository } from '../asset.repository.js';
import { actorOf } from '../actor.js';
import type { AssetMetadata } from '../metadata/asset-metadata.js';

/** A new asset: its first version, a draft its author owns. */
@Injectable()
export class CreateDraftUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly assets: AssetRepository,
    private readonly outbox: OutboxWriter,
    private readonly references: ForesightReferenceRepository,
  ) {}

  async execute({ user, metadata }: { user: AuthenticatedUser; metadata: AssetMetadata }): Promise<AssetVersion> {
    const now = new Date();
    const asset = Asset.create(now);
    const draft = AssetVersion.draft(asset.id, 1, metadata, user.sub, now);
    if (!draft.isOwner(actorOf(user))) throw AssetError.ownerMissing();
    draft.revision = asset.revision;
    await this.dataSource.transaction(async (manager) => {
      await this.references.assertReadable(manager, actorOf(user), draft);
      await this.assets.insert(manager, asset, draft);
      await this.outbox.append(manager, KnowledgeAssetDraftCreatedV1, asset.id, { ...assetState(draft), createdAt: now.toISOString(), actorId: user.sub });
    });
    return draft;
  }
}
