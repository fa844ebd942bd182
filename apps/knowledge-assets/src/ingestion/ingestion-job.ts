import type { Actor } from '../asset/asset.entity.js';
import type { FieldError, IngestOutcome } from './ingestible-record.js';
import type { IngestionDefaults } from './record-validation.js';

export const INGESTION_JOB_KINDS = ['import', 'harvest'] as const;
export type IngestionJobKind = (typeof INGESTION_JOB_KINDS)[number];

export const INGESTION_JOB_STATUSES = ['queued', 'running', 'completed', 'failed', 'interrupted'] as const;
export type IngestionJobStatus = (typeof INGESTION_JOB_STATUSES)[number];

export const INGEST_OUTCOMES = ['created', 'updated', 'unchanged', 'deleted', 'rejected'] as const;
export type IngestOutcomeStatus = (typeof INGEST_OUTCOMES)[number];

export type OutcomeCounts = Record<IngestOutcomeStatus, number>;

/**
 * One run of ingestion (an import of a stored file, a harvest of a repository): who runs it, with which
 * defaults, what it reads (`input`, the kind's own: a stored file, a base URL and set), how far it got.
 * `resumePoint` is what its processor needs to go on after the last completed batch (the import: records
 * done; a harvest: its resumption token), written in the same transaction as that batch.
 */
export interface IngestionJob {
  id: string;
  kind: IngestionJobKind;
  status: IngestionJobStatus;
  actor: Actor;
  defaults: IngestionDefaults;
  input: Record<string, unknown>;
  total: number | null;
  processed: number;
  counts: OutcomeCounts;
  batches: number;
  resumePoint: unknown;
  error: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

/** What one record of a job did, as its report shows it. */
export interface IngestionJobRecord {
  id: string;
  position: number;
  sourceIdentifier: string | null;
  outcome: IngestOutcomeStatus;
  errors: FieldError[];
  assetId: string | null;
}

export function recordOf(position: number, sourceIdentifier: string | null, outcome: IngestOutcome): Omit<IngestionJobRecord, 'id'> {
  return {
    position,
    sourceIdentifier,
    outcome: outcome.status,
    errors: outcome.status === 'rejected' ? outcome.errors : [],
    assetId: outcome.status === 'rejected' ? null : outcome.assetId,
  };
}
