import { Inject, Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import { assertExpectedVersion } from '#ikm/domain';
import { feedRequestBody } from '#ikm/http';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { actorOf } from '../../asset/actor.js';
import { AssetError } from '../../asset/asset.errors.js';
import { AssetRepository } from '../../asset/asset.repository.js';
import { AssetFileRepository, type UploadedFile } from '../asset-file.repository.js';
import type { ExpectedDigest } from '../content-digest.js';
import { DraftFiles } from '../draft-files.js';
import { FILE_SETTINGS } from '../file.tokens.js';
import { FileError } from '../file.errors.js';
import type { FileSettings } from '../file.config.js';
import { assertUploadable, declaredMediaType } from '../media-type.js';
import { FILE_STORAGE, type FileStorage } from '../storage/file-storage.js';
import { UploadGate } from '../upload-gate.js';

export interface UploadFileCommand {
  user: AuthenticatedUser;
  assetId: string;
  number: number;
  name: string;
  body: Readable;
  /** The Content-Type and Content-Length headers as sent. */
  contentType: string | undefined;
  contentLength: number | undefined;
  expectedDigest?: ExpectedDigest;
  /** From If-Match: the asset's revision the client saw. */
  expectedRevision?: number;
}

export interface UploadOutcome {
  file: UploadedFile;
  revision: number;
  /** False when the name held a file before (replaced, or the same bytes again). */
  created: boolean;
}

/**
 * An owner puts a file into a draft under a name: streamed into storage through the gate (size and
 * media type) with its SHA-256 computed on the way, then recorded with the asset's next revision. The
 * same bytes under the same name again change nothing, so a retried PUT is harmless.
 */
@Injectable()
export class UploadFileUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly assets: AssetRepository,
    private readonly files: AssetFileRepository,
    private readonly draftFiles: DraftFiles,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(FILE_SETTINGS) private readonly settings: FileSettings,
  ) {}

  async execute(command: UploadFileCommand): Promise<UploadOutcome> {
    const { user, assetId, number, name } = command;
    const actor = actorOf(user);
    // Every refusal that needs no byte of the body comes before reading it, so nothing is read or stored.
    const declared = assertUploadable(declaredMediaType(command.contentType));
    const seen = await this.draftFiles.editable(this.dataSource.manager, assetId, number, actor);
    assertExpectedVersion(command.expectedRevision, seen.revision, (expected, actual) => AssetError.versionMismatch(assetId, expected, actual));
    const maxBytes = this.settings.FILE_MAX_BYTES;
    if (command.contentLength !== undefined && command.contentLength > maxBytes) throw FileError.tooLarge(maxBytes);

    const gate = new UploadGate({ maxBytes, declared });
    const stored = await this.storage.write(feedRequestBody(command.body, gate, () => FileError.incomplete()), command.expectedDigest);
    let outcome: UploadOutcome & { unused?: string };
    try {
      outcome = await this.dataSource.transaction(async (manager) => {
        const asset = await this.assets.lock(manager, assetId);
        const version = await this.draftFiles.editable(manager, assetId, number, actor);
        asset.assertRevision(command.expectedRevision);
        const previous = await this.files.find(manager, version.id, name);
        const file = { name, size: stored.size, mediaType: gate.mediaType, checksum: `sha256:${stored.sha256}` };
        if (previous && previous.sha256 === stored.sha256 && previous.mediaType === gate.mediaType) {
          return { file, revision: asset.revision, created: false, unused: stored.key };
        }
        await this.files.put(manager, { versionId: version.id, name, storageKey: stored.key, size: stored.size, mediaType: gate.mediaType, sha256: stored.sha256 }, user.sub, new Date());
        await this.draftFiles.recordChange(manager, asset, version, user.sub, new Date());
        return { file, revision: asset.revision, created: !previous, unused: previous?.storageKey };
      });
    } catch (error) {
      await this.draftFiles.release(stored.key);
      throw error;
    }
    if (outcome.unused) await this.draftFiles.release(outcome.unused);
    return { file: outcome.file, revision: outcome.revision, created: outcome.created };
  }
}
