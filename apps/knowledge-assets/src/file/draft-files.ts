import { Inject, Injectable } from '@nestjs/common';
import { KnowledgeAssetDraftUpdatedV1 } from '#ikm/contracts';
import { OutboxWriter } from '#ikm/messaging';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor, Asset, AssetVersion } from '../asset/asset.entity.js';
import { AssetError } from '../asset/asset.errors.js';
import { AssetRepository } from '../asset/asset.repository.js';
import { AssetFileRepository } from './asset-file.repository.js';
import { FILE_STORAGE, type FileStorage } from './storage/file-storage.js';

/** What uploading and deleting a file share: which versions take changes, how a change is recorded, when bytes go. */
@Injectable()
export class DraftFiles {
  constructor(
    private readonly dataSource: DataSource,
    private readonly assets: AssetRepository,
    private readonly files: AssetFileRepository,
    private readonly outbox: OutboxWriter,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  /** The version, if the actor may see it (else 404), owns it (else 403) and it is a draft (a published version never changes: 409). */
  async editable(manager: EntityManager, assetId: string, number: number, actor: Actor): Promise<AssetVersion> {
    const version = (await this.assets.visibleVersions(manager, assetId, actor)).find((candidate) => candidate.number === number);
    if (!version) throw AssetError.versionNotFound(assetId, number);
    if (!version.isOwner(actor)) throw AssetError.notOwner(assetId);
    if (version.status !== 'draft') throw AssetError.notEditable(assetId, number, version.status);
    return version;
  }

  /** A change to the draft's files is a change to the asset: a new revision, and a draft-updated event listing the files now. */
  async recordChange(manager: EntityManager, asset: Asset, version: AssetVersion, actorId: string, now: Date): Promise<AssetVersion['uploadedFiles']> {
    asset.touch(now);
    await this.assets.save(manager, asset);
    const uploadedFiles = await this.files.list(manager, version.id);
    await this.outbox.append(manager, KnowledgeAssetDraftUpdatedV1, asset.id, {
      assetId: asset.id,
      version: asset.revision,
      versionNumber: version.number,
      changes: { uploadedFiles },
      quality: version.quality(),
      updatedAt: now.toISOString(),
      actorId,
    });
    return uploadedFiles;
  }

  /**
   * Deletes bytes no version holds any more (a version and its successor share them). Best effort,
   * after the change committed: bytes left behind by a failure here are unreachable, never wrong.
   */
  async release(storageKey: string): Promise<void> {
    if (await this.files.isHeld(this.dataSource.manager, storageKey)) return;
    await this.storage.delete(storageKey).catch(() => undefined);
  }
}
