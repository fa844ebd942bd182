import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ingestion (bulk import, OAI-PMH harvest): the source record an ingested asset is kept in step with,
 * one asset per (platform, identifier); the jobs that ingest, and what each of their records did.
 */
export class Ingestion1764410000000 implements MigrationInterface {
  name = 'Ingestion1764410000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Set only on ingested assets: the record's identity where it comes from, and the digest of the
    // metadata last ingested from it (the same record again is then unchanged without reading versions).
    await queryRunner.query(`ALTER TABLE assets ADD COLUMN source_platform text, ADD COLUMN source_identifier text, ADD COLUMN source_digest text`);
    // One asset per source record, however many imports or harvests bring it at once (NULLs: not ingested).
    await queryRunner.query(`CREATE UNIQUE INDEX assets_ingested_from_source ON assets (source_platform, source_identifier)`);
    await queryRunner.query(`
      CREATE TABLE ingestion_jobs (
        id            uuid PRIMARY KEY,
        kind          text NOT NULL CHECK (kind IN ('import', 'harvest')),
        status        text NOT NULL CHECK (status IN ('queued', 'running', 'completed', 'failed', 'interrupted')),
        actor         jsonb NOT NULL,
        defaults      jsonb NOT NULL,
        input         jsonb NOT NULL,
        total         integer,
        processed     integer NOT NULL DEFAULT 0,
        created       integer NOT NULL DEFAULT 0,
        updated       integer NOT NULL DEFAULT 0,
        unchanged     integer NOT NULL DEFAULT 0,
        deleted       integer NOT NULL DEFAULT 0,
        rejected      integer NOT NULL DEFAULT 0,
        batches       integer NOT NULL DEFAULT 0,
        resume_point  jsonb,
        error         text,
        lease_until   timestamptz,
        created_at    timestamptz NOT NULL,
        started_at    timestamptz,
        finished_at   timestamptz
      )`);
    // What a restarted service looks for: jobs still to run.
    await queryRunner.query(`CREATE INDEX ingestion_jobs_unfinished ON ingestion_jobs (lease_until) WHERE status IN ('queued', 'running')`);
    await queryRunner.query(`
      CREATE TABLE ingestion_job_records (
        id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        job_id            uuid NOT NULL REFERENCES ingestion_jobs (id) ON DELETE CASCADE,
        position          integer NOT NULL,
        source_identifier text,
        outcome           text NOT NULL CHECK (outcome IN ('created', 'updated', 'unchanged', 'deleted', 'rejected')),
        errors            jsonb NOT NULL DEFAULT '[]',
        asset_id          uuid,
        UNIQUE (job_id, position)
      )`);
    // The report filtered by outcome, in row order.
    await queryRunner.query(`CREATE INDEX ingestion_job_records_outcome ON ingestion_job_records (job_id, outcome, position)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE ingestion_job_records`);
    await queryRunner.query(`DROP TABLE ingestion_jobs`);
    await queryRunner.query(`DROP INDEX assets_ingested_from_source`);
    await queryRunner.query(`ALTER TABLE assets DROP COLUMN source_platform, DROP COLUMN source_identifier, DROP COLUMN source_digest`);
  }
}
