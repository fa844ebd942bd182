import { ApiProperty } from '@nestjs/swagger';
import { PageResponse } from '#ikm/pagination';
import { INGEST_OUTCOMES, INGESTION_JOB_KINDS, INGESTION_JOB_STATUSES, type IngestionJob, type IngestionJobKind, type IngestionJobRecord, type IngestionJobStatus, type IngestOutcomeStatus } from '../ingestion-job.js';

class OutcomeCountsResponse {
  @ApiProperty({ type: 'integer' }) created: number;
  @ApiProperty({ type: 'integer' }) updated: number;
  @ApiProperty({ type: 'integer' }) unchanged: number;
  @ApiProperty({ type: 'integer' }) deleted: number;
  @ApiProperty({ type: 'integer' }) rejected: number;
}

class FieldErrorResponse {
  @ApiProperty({ example: 'dateIssued' }) field: string;
  @ApiProperty({ example: 'dateIssued must be a date YYYY-MM-DD' }) reason: string;
}

export class IngestionJobResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: INGESTION_JOB_KINDS }) kind: IngestionJobKind;
  @ApiProperty({ enum: INGESTION_JOB_STATUSES }) status: IngestionJobStatus;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Records in the input, when known (an import counts them on arrival).' }) total: number | null;
  @ApiProperty({ type: 'integer', description: 'Records done so far.' }) processed: number;
  @ApiProperty({ type: 'number', nullable: true, minimum: 0, maximum: 1, description: 'processed / total, when the total is known.' }) progress: number | null;
  @ApiProperty({ type: OutcomeCountsResponse }) counts: OutcomeCountsResponse;
  @ApiProperty({ nullable: true, type: String, description: 'Why the job failed.' }) error: string | null;
  @ApiProperty({ description: 'Who started it.' }) startedBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) startedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) finishedAt: string | null;
  @ApiProperty({ description: 'Its report: every record’s outcome (`?outcome=rejected` for the refusals).' }) records: string;

  static of(job: IngestionJob): IngestionJobResponse {
    return {
      id: job.id,
      kind: job.kind,
      status: job.status,
      total: job.total,
      processed: job.processed,
      progress: job.total ? Math.min(1, job.processed / job.total) : job.total === 0 ? 1 : null,
      counts: job.counts,
      error: job.error,
      startedBy: job.actor.userId,
      createdAt: job.createdAt.toISOString(),
      startedAt: job.startedAt?.toISOString() ?? null,
      finishedAt: job.finishedAt?.toISOString() ?? null,
      records: `/knowledge-assets/ingestion-jobs/${job.id}/records`,
    };
  }
}

export class IngestionJobRecordResponse {
  @ApiProperty({ type: 'integer', description: 'The record’s place in the input, from 1 (a CSV file’s data rows, the header not counted).' }) position: number;
  @ApiProperty({ nullable: true, type: String }) sourceIdentifier: string | null;
  @ApiProperty({ enum: INGEST_OUTCOMES }) outcome: IngestOutcomeStatus;
  @ApiProperty({ type: [FieldErrorResponse], description: 'Why it was rejected: every field and reason.' }) errors: FieldErrorResponse[];
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) assetId: string | null;

  static of(record: IngestionJobRecord): IngestionJobRecordResponse {
    return { position: record.position, sourceIdentifier: record.sourceIdentifier, outcome: record.outcome, errors: record.errors, assetId: record.assetId };
  }
}

export class IngestionJobRecordPageResponse extends PageResponse(IngestionJobRecordResponse) {}
