import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import { KnowledgeAssetPublishedV1, KnowledgeAssetRetiredV1, KnowledgeAssetSentBackV1, KnowledgeAssetSubmittedV1, KnowledgeAssetSupersededV1, type AssetStatus } from '#ikm/contracts';
import { OutboxWriter } from '#ikm/messaging';
import { DataSource, type EntityManager } from 'typeorm';
import { assetState } from '../asset-events.js';
import { ASSET_HISTORY } from '../asset-lifecycle.js';
import type { AssetVersion, Transition } from '../asset.entity.js';
import { AssetRepository } from '../asset.repository.js';
import { actorOf } from '../actor.js';

export interface TransitionAssetCommand {
  user: AuthenticatedUser;
  assetId: string;
  to: AssetStatus;
  reason?: string;
  expectedRevision?: number;
}

/**
 * Moves the asset's version in progress (or, to retire, its published version) along the lifecycle:
 * the version decides whether the caller may; this writes the history rows and the events in the same
 * transaction. Publishing a new version supersedes the one published before it.
 */
@Injectable()
export class TransitionAssetUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly assets: AssetRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute({ user, assetId, to, reason, expectedRevision }: TransitionAssetCommand): Promise<AssetVersion> {
    return this.dataSource.transaction(async (manager) => {
      const asset = await this.assets.lock(manager, assetId);
      const actor = actorOf(user);
      const visible = await this.assets.visibleVersions(manager, assetId, actor);
      const latest = visible.at(-1);
      if (!latest) return this.assets.latestVisible(manager, assetId, actor); // throws not found
      const subject = to === 'retired' ? (visible.findLast((version) => version.status === 'published') ?? latest) : latest;
      asset.assertRevision(expectedRevision);
      const now = new Date();
      const predecessor = to === 'published' ? await this.assets.published(manager, assetId) : undefined;
      const transition = subject.transition(actor, to, reason ?? null, now);
      const superseding = predecessor?.transition('successor', 'superseded', null, now);
      asset.touch(now);
      for (const version of [subject, predecessor]) if (version) version.revision = asset.revision;
      // The predecessor leaves `published` before its successor enters it (one published version per asset).
      await this.assets.save(manager, asset, ...(predecessor ? [predecessor] : []), subject);
      if (predecessor && superseding) await this.recordSuperseding(manager, predecessor, subject, superseding, user.sub, now);
      await ASSET_HISTORY.record(manager, subject.id, transition, user.sub, now);
      await this.emit(manager, subject, transition, user.sub, now);
      return subject;
    });
  }

  private async recordSuperseding(manager: EntityManager, predecessor: AssetVersion, successor: AssetVersion, superseding: Transition, actorId: string, at: Date): Promise<void> {
    await ASSET_HISTORY.record(manager, predecessor.id, superseding, actorId, at);
    await this.outbox.append(manager, KnowledgeAssetSupersededV1, predecessor.assetId, {
      assetId: predecessor.assetId,
      version: predecessor.revision,
      versionNumber: predecessor.number,
      supersededBy: successor.number,
      supersededAt: at.toISOString(),
      actorId,
    });
  }

  private async emit(manager: EntityManager, version: AssetVersion, transition: Transition, actorId: string, at: Date): Promise<void> {
    const when = at.toISOString();
    const reference = { assetId: version.assetId, version: version.revision, versionNumber: version.number, actorId };
    switch (transition.to) {
      case 'in_review':
        return void (await this.outbox.append(manager, KnowledgeAssetSubmittedV1, version.assetId, { ...assetState(version), submittedAt: when, actorId }));
      case 'draft':
        return void (await this.outbox.append(manager, KnowledgeAssetSentBackV1, version.assetId, { ...reference, reason: transition.reason ?? '', sentBackAt: when }));
      case 'published':
        return void (await this.outbox.append(manager, KnowledgeAssetPublishedV1, version.assetId, { ...assetState(version), publishedAt: when, actorId }));
      case 'retired':
        return void (await this.outbox.append(manager, KnowledgeAssetRetiredV1, version.assetId, { ...reference, reason: transition.reason ?? '', retiredAt: when }));
      case 'superseded':
        return; // only by publishing a successor, recorded with it
    }
  }
}
