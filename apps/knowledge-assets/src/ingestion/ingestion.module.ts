import { Module } from '@nestjs/common';
import { IngestionJobController } from './ingestion-job.controller.js';
import { IngestionJobRepository } from './ingestion-job.repository.js';
import { IngestionJobRunner } from './ingestion-job-runner.js';
import { IngestionRepository } from './ingestion.repository.js';
import { GetIngestionJobUseCase } from './use-cases/get-ingestion-job.use-case.js';
import { IngestRecordsUseCase } from './use-cases/ingest-records.use-case.js';

/**
 * The ingestion pipeline and its jobs, shared by bulk import (import/) and the OAI-PMH harvester: they
 * import this module and register their processor with IngestionJobRunner.
 */
@Module({
  controllers: [IngestionJobController],
  providers: [IngestionRepository, IngestionJobRepository, IngestRecordsUseCase, IngestionJobRunner, GetIngestionJobUseCase],
  exports: [IngestRecordsUseCase, IngestionJobRunner, IngestionJobRepository],
})
export class IngestionModule {}
