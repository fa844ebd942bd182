/**
 * All SQL of ingestion jobs (ingestion_jobs, ingestion_job_records), on the EntityManager passed in.
 * Used through IngestionJobRunner; the job API reads a job and its report here.
 */
import { Injectable } from '@nestjs/common';
import { afterCursor, keysetOrder, pageOf, rowsToFetch, WhereClause, type KeysetSort, type Page } from '#ikm/pagination';
import { prepared, queryPrepared } from '#ikm/persistence';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../asset/asset.entity.js';
import { INGEST_OUTCOMES, type IngestionJob, type IngestionJobKind, type IngestionJobRecord, type IngestOutcomeStatus, type OutcomeCounts } from './ingestion-job.js';

interface JobRow {
  id: string;
  kind: IngestionJob['kind'];
  status: IngestionJob['status'];
  actor: IngestionJob['actor'];
  defaults: IngestionJob['defaults'];
  input: IngestionJob['input'];
  total: number | null;
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  deleted: number;
  rejected: number;
  batches: number;
  resume_point: unknown;
  error: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

const JOB_COLUMNS = `id, kind, status, actor, defaults, input, total, processed, created, updated, unchanged, deleted, rejected, batches, resume_point, error, created_at, started_at, finished_at`;

const INSERT = prepared(`INSERT INTO ingestion_jobs (id, kind, status, actor, defaults, input, total, created_at) VALUES ($1, $2, 'queued', $3, $4, $5, $6, $7)`);
const FIND = prepared(`SELECT ${JOB_COLUMNS} FROM ingestion_jobs WHERE id = $1`);
/** A job as a viewer may see it: an ikmu_admin every job, anyone else the jobs they started. */
const FIND_VISIBLE = prepared(`SELECT ${JOB_COLUMNS} FROM ingestion_jobs WHERE id = $1 AND ($2::boolean OR actor->>'userId' = $3)`);
const LOCK = prepared(`SELECT ${JOB_COLUMNS} FROM ingestion_jobs WHERE id = $1 FOR UPDATE`);

/**
 * Takes jobs to run: queued or running ones whose lease has lapsed (their process gone), of the kinds
 * this process runs; skips those another process is taking now.
 */
const CLAIM = prepared(`
  UPDATE ingestion_jobs j SET status = 'running', lease_until = now() + make_interval(secs => $2), started_at = coalesce(j.started_at, now())
   WHERE j.id IN (
     SELECT id FROM ingestion_jobs
      WHERE status IN ('queued', 'running') AND (lease_until IS NULL OR lease_until < now()) AND kind = ANY($1::text[]) AND ($3::uuid IS NULL OR id = $3)
      ORDER BY created_at FOR UPDATE SKIP LOCKED)
  RETURNING ${JOB_COLUMNS.split(', ').map((column) => `j.${column}`).join(', ')}`);

const RENEW = prepared(`UPDATE ingestion_jobs SET lease_until = now() + make_interval(secs => $2) WHERE id = $1 AND status = 'running'`);

const ADVANCE = prepared(`
  UPDATE ingestion_jobs SET processed = processed + $2, created = created + $3, updated = updated + $4, unchanged = unchanged + $5,
         deleted = deleted + $6, rejected = rejected + $7, batches = batches + 1, resume_point = $8, total = coalesce($9, total),
         lease_until = now() + make_interval(secs => $10)
   WHERE id = $1`);

const FINISH = prepared(`UPDATE ingestion_jobs SET status = $2, error = $3, finished_at = $4, lease_until = NULL WHERE id = $1 AND status IN ('queued', 'running') RETURNING ${JOB_COLUMNS}`);

const INSERT_RECORDS = prepared(`
  INSERT INTO ingestion_job_records (job_id, position, source_identifier, outcome, errors, asset_id)
  SELECT $1, r.position, r.identifier, r.outcome, r.errors, r.asset_id
    FROM unnest($2::int[], $3::text[], $4::text[], $5::jsonb[], $6::uuid[]) AS r (position, identifier, outcome, errors, asset_id)`);

/** A report's rows in their order in the input; the cursor's id is the row's uuid. */
const BY_POSITION: KeysetSort<IngestionJobRecord> = { column: 'r.position', idColumn: 'r.id', direction: 'ASC', keyKind: 'integer', keyOf: (row) => row.position };

function jobOf(row: JobRow): IngestionJob {
  const counts = Object.fromEntries(INGEST_OUTCOMES.map((outcome) => [outcome, row[outcome]])) as OutcomeCounts;
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    actor: row.actor,
    defaults: row.defaults,
    input: row.input,
    total: row.total,
    processed: row.processed,
    counts,
    batches: row.batches,
    resumePoint: row.resume_point,
    error: row.error,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

@Injectable()
export class IngestionJobRepository {
  async insert(manager: EntityManager, job: Pick<IngestionJob, 'id' | 'kind' | 'actor' | 'defaults' | 'input' | 'total' | 'createdAt'>): Promise<void> {
    await queryPrepared(manager, INSERT, [job.id, job.kind, JSON.stringify(job.actor), JSON.stringify(job.defaults), JSON.stringify(job.input), job.total, job.createdAt]);
  }

  async find(manager: EntityManager, id: string): Promise<IngestionJob | undefined> {
    const [row] = await queryPrepared<JobRow>(manager, FIND, [id]);
    return row ? jobOf(row) : undefined;
  }

  async findVisible(manager: EntityManager, id: string, viewer: Actor): Promise<IngestionJob | undefined> {
    const [row] = await queryPrepared<JobRow>(manager, FIND_VISIBLE, [id, viewer.roles.includes('ikmu_admin'), viewer.userId]);
    return row ? jobOf(row) : undefined;
  }

  /** The job as it stands, locked for the batch being recorded (batches of one job apply one after the other). */
  async lock(manager: EntityManager, id: string): Promise<IngestionJob | undefined> {
    const [row] = await queryPrepared<JobRow>(manager, LOCK, [id]);
    return row ? jobOf(row) : undefined;
  }

  /** Jobs now leased to this process, `running`: one (`id`) or any of these kinds. */
  async claim(manager: EntityManager, kinds: IngestionJobKind[], leaseSeconds: number, id?: string): Promise<IngestionJob[]> {
    const rows = await queryPrepared<JobRow>(manager, CLAIM, [kinds, leaseSeconds, id ?? null]);
    return rows.map(jobOf);
  }

  async renewLease(manager: EntityManager, id: string, leaseSeconds: number): Promise<void> {
    await queryPrepared(manager, RENEW, [id, leaseSeconds]);
  }

  /** A completed batch: its records' outcomes, the counts, the resume point after it. */
  async recordBatch(
    manager: EntityManager,
    id: string,
    records: Array<Omit<IngestionJobRecord, 'id'>>,
    resumePoint: unknown,
    total: number | null,
    leaseSeconds: number,
  ): Promise<void> {
    const count = (outcome: IngestOutcomeStatus) => records.filter((record) => record.outcome === outcome).length;
    if (records.length > 0) {
      await queryPrepared(manager, INSERT_RECORDS, [
        id,
        records.map((record) => record.position),
        records.map((record) => record.sourceIdentifier),
        records.map((record) => record.outcome),
        records.map((record) => JSON.stringify(record.errors)),
        records.map((record) => record.assetId),
      ]);
    }
    await queryPrepared(manager, ADVANCE, [id, records.length, ...INGEST_OUTCOMES.map(count), JSON.stringify(resumePoint ?? null), total, leaseSeconds]);
  }

  /** The job's end; nothing (undefined) when it had already ended. */
  async finish(manager: EntityManager, id: string, status: 'completed' | 'failed' | 'interrupted', error: string | null, at: Date): Promise<IngestionJob | undefined> {
    const [row] = await queryPrepared<JobRow>(manager, FINISH, [id, status, error, at]);
    return row ? jobOf(row) : undefined;
  }

  /** The job's records in input order, only those of one outcome if asked; keyset-paginated. */
  async records(manager: EntityManager, filter: { jobId: string; outcome?: IngestOutcomeStatus; limit: number; cursor?: string }): Promise<Page<IngestionJobRecord>> {
    const where = new WhereClause();
    where.add((job) => `r.job_id = ${job}`, filter.jobId);
    if (filter.outcome) where.add((outcome) => `r.outcome = ${outcome}`, filter.outcome);
    const cursor = filter.cursor;
    if (cursor) where.add(() => afterCursor(BY_POSITION, cursor, where));
    const limit = where.parameter(rowsToFetch(filter.limit));
    const rows = await queryPrepared<IngestionJobRecord>(
      manager,
      {
        text: `SELECT r.id, r.position, r.source_identifier AS "sourceIdentifier", r.outcome, r.errors, r.asset_id AS "assetId"
                 FROM ingestion_job_records r WHERE ${where.sql()} ORDER BY ${keysetOrder(BY_POSITION)} LIMIT ${limit}`,
      },
      where.values,
    );
    return pageOf(rows, filter.limit, BY_POSITION);
  }
}
