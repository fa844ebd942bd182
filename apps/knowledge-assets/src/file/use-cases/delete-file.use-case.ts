import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import { DataSource } from 'typeorm';
import { actorOf } from '../../asset/actor.js';
import { AssetRepository } from '../../asset/asset.repository.js';
import { AssetFileRepository, type UploadedFile } from '../asset-file.repository.js';
import { DraftFiles } from '../draft-files.js';
import { FileError } from '../file.errors.js';

/** An owner takes a file out of a draft; its bytes go once no version holds them (the published predecessor may). */
@Injectable()
export class DeleteFileUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly assets: AssetRepository,
    private readonly files: AssetFileRepository,
    private readonly draftFiles: DraftFiles,
  ) {}

  async execute(command: { user: AuthenticatedUser; assetId: string; number: number; name: string; expectedRevision?: number }): Promise<{ revision: number; files: UploadedFile[] }> {
    const { user, assetId, number, name } = command;
    const outcome = await this.dataSource.transaction(async (manager) => {
      const asset = await this.assets.lock(manager, assetId);
      const version = await this.draftFiles.editable(manager, assetId, number, actorOf(user));
      asset.assertRevision(command.expectedRevision);
      const file = await this.files.find(manager, version.id, name);
      if (!file) throw FileError.notFound(assetId, number, name);
      await this.files.remove(manager, version.id, name);
      const files = await this.draftFiles.recordChange(manager, asset, version, user.sub, new Date());
      return { revision: asset.revision, files, storageKey: file.storageKey };
    });
    await this.draftFiles.release(outcome.storageKey);
    return { revision: outcome.revision, files: outcome.files };
  }
}
