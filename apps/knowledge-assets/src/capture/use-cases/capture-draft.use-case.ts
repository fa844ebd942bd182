import { Injectable } from '@nestjs/common';
import { KnowledgeAssetDraftCreatedV1 } from '#ikm/contracts';
import { OutboxWriter } from '#ikm/messaging';
import type { EntityManager } from 'typeorm';
import { assetState } from '../../asset/asset-events.js';
import { Asset, AssetVersion } from '../../asset/asset.entity.js';
import { AssetRepository } from '../../asset/asset.repository.js';
import { CaptureRepository } from '../capture.repository.js';
import { CAPTURE_ACTOR, type CapturedDraft } from '../capture-rules.js';

/**
 * A captured draft: a new asset whose version 1 is the draft, linked to its source, with the usual
 * draft-created event, all in the consumer's transaction (so with the inbox row of the event). Nothing
 * when the source already has its asset. Returns the new asset's id, if one was made.
 */
@Injectable()
export class CaptureDraftUseCase {
  constructor(
    private readonly captures: CaptureRepository,
    private readonly assets: AssetRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute(manager: EntityManager, { capturedFrom, metadata }: CapturedDraft): Promise<string | undefined> {
    const now = new Date();
    const asset = Asset.create(now);
    if (!(await this.captures.claim(manager, asset, capturedFrom))) return undefined;
    const draft = AssetVersion.draft(asset.id, 1, metadata, CAPTURE_ACTOR, now);
    draft.revision = asset.revision;
    await this.assets.insertVersion(manager, draft);
    await this.outbox.append(manager, KnowledgeAssetDraftCreatedV1, asset.id, { ...assetState(draft), capturedFrom, createdAt: now.toISOString(), actorId: CAPTURE_ACTOR });
    return asset.id;
  }
}
