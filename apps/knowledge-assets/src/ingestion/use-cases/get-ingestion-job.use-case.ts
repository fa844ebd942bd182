import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import type { Page } from '#ikm/pagination';
import { DataSource } from 'typeorm';
import { actorOf } from '../../asset/actor.js';
import type { IngestionJob, IngestionJobRecord, IngestOutcomeStatus } from '../ingestion-job.js';
import { IngestionJobRepository } from '../ingestion-job.repository.js';
import { IngestionError } from '../ingestion.errors.js';

/** A job and its report, for whoever started it (an ikmu_admin sees every job). */
@Injectable()
export class GetIngestionJobUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: IngestionJobRepository,
  ) {}

  async execute({ user, jobId }: { user: AuthenticatedUser; jobId: string }): Promise<IngestionJob> {
    const job = await this.jobs.findVisible(this.dataSource.manager, jobId, actorOf(user));
    if (!job) throw IngestionError.jobNotFound(jobId);
    return job;
  }

  async records(command: { user: AuthenticatedUser; jobId: string; outcome?: IngestOutcomeStatus; limit: number; cursor?: string }): Promise<Page<IngestionJobRecord>> {
    await this.execute(command);
    return this.jobs.records(this.dataSource.manager, command);
  }
}
