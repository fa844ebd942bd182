/**
 * THE JOB RUNNER, shared by bulk import and the OAI-PMH harvester. A kind of job registers its processor
 * once (in its module's onModuleInit):
 *
 *   runner.register({ kind: 'harvest', run: async (job, signal) => { ...
 *     const outcomes = await runner.ingestBatch(job, records, resumePointAfterThisBatch, total?);
 *   } });
 *
 * - `create(manager, …)` adds a queued job in the caller's transaction (with what it reads, e.g. a stored
 *   file); `launch(id)` after that transaction commits starts it in the background.
 * - The processor reads `job.resumePoint` (null at first) and goes on from there, calling `ingestBatch`
 *   per batch: one transaction runs the pipeline (IngestRecordsUseCase), writes each record's outcome
 *   (its position: the job's records so far + 1, …), the counts and the resume point, so a batch and its
 *   bookkeeping commit together or not at all. When `run` resolves the job is completed; when it throws,
 *   failed with the message. `signal` aborts at shutdown: stop between batches (the job stays running,
 *   its lease lapses, and it is resumed).
 * - Crash recovery: a job's process holds a lease (INGESTION_LEASE_SECONDS, renewed by every batch and a
 *   heartbeat). Every service instance sweeps for queued or running jobs whose lease lapsed (at start,
 *   then every half lease) and resumes them from their resume point: resumed, not marked interrupted,
 *   because the import's file is stored and the harvest's resumption point is kept, so going on is safe
 *   and needs nobody. (`interrupted` is for a processor that cannot go on: it throws JobInterrupted.)
 */
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import pRetry, { AbortError } from 'p-retry';
import { DataSource, type EntityManager } from 'typeorm';
import type { IngestibleRecord, IngestOutcome } from './ingestible-record.js';
import { recordOf, type IngestionJob, type IngestionJobKind } from './ingestion-job.js';
import { IngestionJobRepository } from './ingestion-job.repository.js';
import { IngestRecordsUseCase } from './use-cases/ingest-records.use-case.js';

export interface IngestionJobProcessor {
  kind: IngestionJobKind;
  run(job: IngestionJob, signal: AbortSignal): Promise<void>;
}

/** Thrown by a processor that cannot resume (its source forgot where it was): the job ends `interrupted`. */
export class JobInterrupted extends Error {}

/** How long a job stays leased to its process without a sign of life. */
export function leaseSecondsFrom(env: NodeJS.ProcessEnv = process.env): number {
  const seconds = Number(env.INGESTION_LEASE_SECONDS ?? 30);
  return Number.isFinite(seconds) && seconds >= 1 ? seconds : 30;
}

/** PostgreSQL's deadlock and serialization failures: the batch is retried whole. */
const RETRYABLE = new Set(['40P01', '40001']);

@Injectable()
export class IngestionJobRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(IngestionJobRunner.name);
  private readonly processors = new Map<IngestionJobKind, IngestionJobProcessor>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly shutdown = new AbortController();
  private readonly leaseSeconds = leaseSecondsFrom();
  private sweeper?: NodeJS.Timeout;

  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: IngestionJobRepository,
    private readonly ingestRecords: IngestRecordsUseCase,
  ) {}

  register(processor: IngestionJobProcessor): void {
    this.processors.set(processor.kind, processor);
  }

  async create(manager: EntityManager, job: Pick<IngestionJob, 'id' | 'kind' | 'actor' | 'defaults' | 'input' | 'total'>): Promise<void> {
    await this.jobs.insert(manager, { ...job, createdAt: new Date() });
  }

  /** Starts a queued job here now (the sweep would take it up too). */
  async launch(id: string): Promise<void> {
    const claimed = await this.jobs.claim(this.dataSource.manager, [...this.processors.keys()], this.leaseSeconds, id);
    for (const job of claimed) this.start(job);
  }

  /**
   * One batch of the job, atomically with its bookkeeping; `resumePoint` is where the job goes on after
   * it. Returns the records' outcomes in order.
   */
  async ingestBatch(job: IngestionJob, records: IngestibleRecord[], resumePoint: unknown, total: number | null = null): Promise<IngestOutcome[]> {
    return pRetry(
      () =>
        this.dataSource.transaction(async (manager) => {
          const current = await this.jobs.lock(manager, job.id);
          if (!current || current.status !== 'running') throw new AbortError(`ingestion job ${job.id} is no longer running`);
          const outcomes = await this.ingestRecords.execute(manager, { actor: current.actor, defaults: current.defaults, records });
          const rows = outcomes.map((outcome, index) => recordOf(current.processed + index + 1, records[index].source.identifier || null, outcome));
          await this.jobs.recordBatch(manager, job.id, rows, resumePoint, total, this.leaseSeconds);
          Object.assign(job, { processed: current.processed + records.length, resumePoint, batches: current.batches + 1 });
          return outcomes;
        }),
      { retries: 3, minTimeout: 50, shouldRetry: ({ error }) => RETRYABLE.has((error as { driverError?: { code?: string }; code?: string }).driverError?.code ?? (error as { code?: string }).code ?? '') },
    );
  }

  onApplicationBootstrap(): void {
    void this.sweep();
    this.sweeper = setInterval(() => void this.sweep(), (this.leaseSeconds * 1000) / 2);
    this.sweeper.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.sweeper);
    this.shutdown.abort();
    await Promise.allSettled(this.running.values());
  }

  /** Jobs whose process is gone (or never started them), resumed here. */
  private async sweep(): Promise<void> {
    if (this.shutdown.signal.aborted || this.processors.size === 0) return;
    try {
      const claimed = await this.jobs.claim(this.dataSource.manager, [...this.processors.keys()], this.leaseSeconds);
      for (const job of claimed) this.start(job);
    } catch (error) {
      this.logger.warn(`ingestion sweep failed: ${(error as Error).message}`);
    }
  }

  private start(job: IngestionJob): void {
    if (this.running.has(job.id)) return;
    const processor = this.processors.get(job.kind);
    if (!processor) return;
    const heartbeat = setInterval(() => void this.jobs.renewLease(this.dataSource.manager, job.id, this.leaseSeconds).catch(() => undefined), (this.leaseSeconds * 1000) / 3);
    heartbeat.unref();
    const run = processor
      .run(job, this.shutdown.signal)
      .then(
        () => (this.shutdown.signal.aborted ? undefined : this.end(job.id, 'completed', null)),
        (error: Error) => (this.shutdown.signal.aborted ? undefined : this.end(job.id, error instanceof JobInterrupted ? 'interrupted' : 'failed', error.message)),
      )
      .catch((error: Error) => this.logger.error(`ingestion job ${job.id}: ${error.message}`))
      .finally(() => {
        clearInterval(heartbeat);
        this.running.delete(job.id);
      });
    this.running.set(job.id, run);
  }

  private async end(id: string, status: 'completed' | 'failed' | 'interrupted', error: string | null): Promise<void> {
    await this.jobs.finish(this.dataSource.manager, id, status, error, new Date());
  }
}
