import { Inject, Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { actorOf } from '../../asset/actor.js';
import { AssetError } from '../../asset/asset.errors.js';
import { AssetRepository } from '../../asset/asset.repository.js';
import { AssetFileRepository, type AssetFile } from '../asset-file.repository.js';
import type { ByteRange } from '../byte-range.js';
import { FileError } from '../file.errors.js';
import { FILE_STORAGE, type FileStorage } from '../storage/file-storage.js';

/**
 * A file of a version the caller may see, through the same visibility conditions as every read of an
 * asset: a version whose record is hidden from them (access level) hides its files too, as a 404; one
 * whose record they see but whose content is under embargo answers a 403 with the embargo date, whatever
 * the file name (so no name is confirmed before the date).
 */
@Injectable()
export class GetFileUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly assets: AssetRepository,
    private readonly files: AssetFileRepository,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  async execute({ user, assetId, number, name }: { user: AuthenticatedUser; assetId: string; number: number; name: string }): Promise<AssetFile> {
    const version = (await this.assets.visibleVersions(this.dataSource.manager, assetId, actorOf(user))).find((candidate) => candidate.number === number);
    if (!version) throw AssetError.versionNotFound(assetId, number);
    if (version.contentEmbargoed) throw FileError.underEmbargo(assetId, number, version.embargoUntil ?? '');
    const file = await this.files.find(this.dataSource.manager, version.id, name);
    if (!file) throw FileError.notFound(assetId, number, name);
    return file;
  }

  /** The file's bytes, or one range of them, as a stream. */
  open(file: AssetFile, range?: ByteRange): Readable {
    return this.storage.read(file.storageKey, range);
  }
}
