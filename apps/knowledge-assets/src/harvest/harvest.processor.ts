import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { IngestionJob } from '../ingestion/ingestion-job.js';
import { IngestionJobRunner } from '../ingestion/ingestion-job-runner.js';
import type { HarvestInput, HarvestResumePoint } from './harvest-source.js';
import { HarvestSourceRepository } from './harvest-source.repository.js';
import { ingestibleRecordOf } from './oai-pmh/harvested-record.js';
import { fromArgument, OaiPmhClient, type ListRecordsRequest, type OaiPmhClientOptions } from './oai-pmh/oai-pmh-client.js';

/** Retries of one page, from the environment (the tests shorten the backoff). */
export function clientOptionsFrom(env: NodeJS.ProcessEnv = process.env): OaiPmhClientOptions {
  const number = (name: string, fallback: number) => {
    const value = Number(env[name]);
    return Number.isFinite(value) && value >= 0 ? value : fallback;
  };
  return { retries: number('HARVEST_RETRIES', 4), minTimeoutMs: number('HARVEST_RETRY_MIN_MS', 500), maxTimeoutMs: number('HARVEST_RETRY_MAX_MS', 10_000) };
}

const later = (a: string | null, b: string | null): string | null => (a === null ? b : b === null ? a : a > b ? a : b);

/**
 * A harvest, as the job runner runs it: ListRecords from the job's `from`, page by page, each page's
 * records ingested in one transaction with the token of the next page (the resume point), so a crash
 * resumes from the last completed page and applies every record once. At the end the source remembers
 * the latest datestamp seen: the next harvest asks `from` it (inclusive: its boundary records come again,
 * and are unchanged).
 */
@Injectable()
export class HarvestProcessor implements OnModuleInit {
  private readonly logger = new Logger(HarvestProcessor.name);
  private readonly clientOptions = clientOptionsFrom();

  constructor(
    private readonly dataSource: DataSource,
    private readonly runner: IngestionJobRunner,
    private readonly sources: HarvestSourceRepository,
  ) {}

  onModuleInit(): void {
    this.runner.register({ kind: 'harvest', run: (job, signal) => this.run(job, signal) });
  }

  async run(job: IngestionJob, signal: AbortSignal): Promise<void> {
    const input = job.input as unknown as HarvestInput;
    const client = new OaiPmhClient(input.baseUrl, {
      ...this.clientOptions,
      onRetry: (error, attempt) => this.logger.warn(`harvest ${job.id}: ${input.baseUrl} failed (attempt ${attempt}): ${error.message}`),
    });
    let point = (job.resumePoint as HarvestResumePoint | null) ?? { resumptionToken: null, latestDatestamp: null, pages: 0 };
    // A job resumed after its last page committed has nothing left to fetch.
    let done = point.pages > 0 && point.resumptionToken === null;
    while (!done) {
      if (signal.aborted) return;
      const request: ListRecordsRequest = point.resumptionToken
        ? { resumptionToken: point.resumptionToken }
        : { metadataPrefix: input.metadataPrefix, set: input.set, from: input.from && fromArgument(input.from, (await client.identify()).granularity) };
      const page = await client.listRecords(request);
      const mapped = page.records.map((record) => ingestibleRecordOf(record, input.platform));
      for (const { record, mappingErrors } of mapped) {
        if (mappingErrors.length) this.logger.debug?.(`harvest ${job.id}: ${record.source.identifier}: ${mappingErrors.join('; ')}`);
      }
      const next: HarvestResumePoint = {
        resumptionToken: page.resumption?.token ?? null,
        latestDatestamp: page.records.reduce<string | null>((latest, record) => later(latest, record.header.datestamp), point.latestDatestamp),
        pages: point.pages + 1,
      };
      await this.runner.ingestBatch(
        job,
        mapped.map(({ record }) => record),
        next,
        page.resumption?.completeListSize ?? (next.resumptionToken === null ? job.processed + page.records.length : null),
      );
      point = next;
      done = point.resumptionToken === null;
    }
    if (point.latestDatestamp) await this.sources.completeHarvest(this.dataSource.manager, input.sourceId, point.latestDatestamp);
  }
}
