import { Inject, Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import { feedRequestBody } from '#ikm/http';
import { randomUUID } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { actorOf } from '../../asset/actor.js';
import { FILE_STORAGE, type FileStorage, type StoredContent } from '../../file/storage/file-storage.js';
import type { IngestionJob } from '../../ingestion/ingestion-job.js';
import { IngestionJobRunner } from '../../ingestion/ingestion-job-runner.js';
import { IngestionError } from '../../ingestion/ingestion.errors.js';
import type { ImportQuery } from '../dto/import.query.js';
import { IMPORT_SETTINGS, type ImportSettings } from '../import.config.js';
import { ImportLimit } from '../import-limit.js';
import { importRecords, type StoredImportFormat } from '../import-parser.js';

export const IMPORT_MEDIA_TYPES = ['text/csv', 'application/json', 'application/x-ndjson'] as const;

/** What the job of an import reads: its stored file. */
export interface ImportInput {
  storageKey: string;
  format: StoredImportFormat;
  [key: string]: unknown;
}

export interface StartImportCommand {
  user: AuthenticatedUser;
  query: ImportQuery;
  contentType: string | undefined;
  /** The raw body (CSV, NDJSON) or, for application/json, the array Fastify parsed. */
  body: unknown;
}

/**
 * An import accepted: its file stored durably (file storage) while it is read once to count its records
 * and refuse a file that cannot be read (nothing stored then), then a queued job that names the file,
 * launched in the background. A crash after the answer loses nothing: the job resumes from its file.
 */
@Injectable()
export class StartImportUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly runner: IngestionJobRunner,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(IMPORT_SETTINGS) private readonly settings: ImportSettings,
  ) {}

  async execute({ user, query, contentType, body }: StartImportCommand): Promise<IngestionJob['id']> {
    const mediaType = contentType?.split(';')[0].trim().toLowerCase();
    if (!IMPORT_MEDIA_TYPES.includes(mediaType as (typeof IMPORT_MEDIA_TYPES)[number])) throw IngestionError.mediaTypeRefused(mediaType, IMPORT_MEDIA_TYPES);
    const actor = actorOf(user);
    let format: StoredImportFormat;
    let content: Readable;
    if (mediaType === 'application/json') {
      if (!Array.isArray(body)) throw IngestionError.malformed('an application/json import is an array of records');
      format = 'application/x-ndjson';
      content = Readable.from(body.map((record) => `${JSON.stringify(record)}\n`));
    } else {
      if (!(body instanceof Readable)) throw IngestionError.mediaTypeRefused(mediaType, IMPORT_MEDIA_TYPES);
      format = mediaType as StoredImportFormat;
      content = feedRequestBody(body, new ImportLimit(this.settings.IMPORT_MAX_BYTES), () => IngestionError.incomplete());
    }
    const { stored, total } = await this.storeAndCount(content, format, query);
    const id = randomUUID();
    try {
      await this.dataSource.transaction((manager) =>
        this.runner.create(manager, {
          id,
          kind: 'import',
          actor,
          defaults: { publishingUnit: query.publishingUnit ?? actor.unit, accessLevel: query.accessLevel },
          input: { storageKey: stored.key, format, sourcePlatform: query.sourcePlatform } satisfies ImportInput,
          total,
        }),
      );
    } catch (error) {
      await this.storage.delete(stored.key);
      throw error;
    }
    await this.runner.launch(id);
    return id;
  }

  /** The bytes go to storage and to a parser side by side; either failing stores nothing. */
  private async storeAndCount(content: Readable, format: StoredImportFormat, query: ImportQuery): Promise<{ stored: StoredContent; total: number }> {
    const toStorage = new PassThrough();
    const toParser = new PassThrough();
    // Their failures reach the caller through the two promises below (the storage may attach later).
    for (const branch of [toStorage, toParser]) branch.on('error', () => undefined);
    content.pipe(toStorage);
    content.pipe(toParser);
    content.on('error', (error) => {
      toStorage.destroy(error);
      toParser.destroy(error);
    });
    const counting = (async () => {
      let total = 0;
      for await (const _record of importRecords(toParser, format, query.sourcePlatform)) total++;
      return total;
    })();
    counting.catch((error: Error) => toStorage.destroy(error));
    const [stored, total] = await Promise.allSettled([this.storage.write(toStorage), counting]);
    if (stored.status === 'fulfilled' && total.status === 'fulfilled') return { stored: stored.value, total: total.value };
    if (stored.status === 'fulfilled') await this.storage.delete(stored.value.key);
    // The parser's reason first: the storage only saw its stream broken off.
    throw total.status === 'rejected' ? total.reason : (stored as PromiseRejectedResult).reason;
  }
}
