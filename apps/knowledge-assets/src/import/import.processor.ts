import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { SourcePlatform } from '#ikm/contracts';
import { FILE_STORAGE, type FileStorage } from '../file/storage/file-storage.js';
import type { IngestibleRecord } from '../ingestion/ingestible-record.js';
import type { IngestionJob } from '../ingestion/ingestion-job.js';
import { IngestionJobRunner, type IngestionJobProcessor } from '../ingestion/ingestion-job-runner.js';
import { IMPORT_SETTINGS, type ImportSettings } from './import.config.js';
import { importRecords } from './import-parser.js';
import type { ImportInput } from './use-cases/start-import.use-case.js';

/** Where an import goes on: after this many records (the batches done). */
interface ImportResumePoint {
  records: number;
}

/**
 * Runs import jobs: reads the stored file from its start as a stream, skips the records of the batches
 * already completed (the resume point), and ingests the rest batch by batch. The file is deleted once
 * the job has ended well.
 */
@Injectable()
export class ImportProcessor implements IngestionJobProcessor, OnModuleInit {
  readonly kind = 'import' as const;

  constructor(
    private readonly runner: IngestionJobRunner,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(IMPORT_SETTINGS) private readonly settings: ImportSettings,
  ) {}

  onModuleInit(): void {
    this.runner.register(this);
  }

  async run(job: IngestionJob, signal: AbortSignal): Promise<void> {
    const input = job.input as ImportInput & { sourcePlatform: SourcePlatform };
    let done = (job.resumePoint as ImportResumePoint | null)?.records ?? 0;
    let seen = 0;
    let batch: IngestibleRecord[] = [];
    const content = this.storage.read(input.storageKey);
    try {
      for await (const record of importRecords(content, input.format, input.sourcePlatform)) {
        if (seen++ < done) continue;
        batch.push(record);
        if (batch.length < this.settings.IMPORT_BATCH_SIZE) continue;
        if (signal.aborted) return;
        done += batch.length;
        await this.runner.ingestBatch(job, batch, { records: done } satisfies ImportResumePoint);
        batch = [];
      }
      if (signal.aborted) return;
      if (batch.length > 0) await this.runner.ingestBatch(job, batch, { records: done + batch.length } satisfies ImportResumePoint);
    } finally {
      content.destroy();
    }
  }
}
