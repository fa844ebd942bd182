import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The OAI-PMH repositories we harvest: where, in which format and set, which platform their records
 * are filed under, with which access level and unit, and the datestamp the last completed harvest reached
 * (the next one asks `from` it). Harvests themselves are ingestion jobs (kind `harvest`).
 */
export class HarvestSources1764420000000 implements MigrationInterface {
  name = 'HarvestSources1764420000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE harvest_sources (
        id               uuid PRIMARY KEY,
        name             text NOT NULL,
        base_url         text NOT NULL,
        metadata_prefix  text NOT NULL,
        set_spec         text,
        platform         text NOT NULL,
        access_level     text NOT NULL,
        publishing_unit  text NOT NULL,
        created_by       text NOT NULL,
        version          integer NOT NULL CHECK (version > 0),
        last_datestamp   text,
        created_at       timestamptz NOT NULL,
        updated_at       timestamptz NOT NULL
      )`);
    // `npm run harvest -- <name>` finds a source by its name: one per name, whatever its case.
    await queryRunner.query(`CREATE UNIQUE INDEX harvest_sources_name ON harvest_sources (lower(name))`);
    // The harvests of a source, newest first (the job's input names its source).
    await queryRunner.query(`CREATE INDEX ingestion_jobs_harvest_source ON ingestion_jobs ((input->>'sourceId'), created_at) WHERE kind = 'harvest'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX ingestion_jobs_harvest_source`);
    await queryRunner.query(`DROP TABLE harvest_sources`);
  }
}
