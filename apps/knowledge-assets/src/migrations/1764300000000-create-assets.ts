import { transitionHistoryTable } from '#ikm/lifecycle';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Assets, their versions and the versions' transition history. */
export class CreateAssets1764300000000 implements MigrationInterface {
  name = 'CreateAssets1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE assets (
        id          uuid PRIMARY KEY,
        revision    integer NOT NULL CHECK (revision > 0),
        created_at  timestamptz NOT NULL,
        updated_at  timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE asset_versions (
        id                        uuid PRIMARY KEY,
        asset_id                  uuid NOT NULL REFERENCES assets (id),
        number                    integer NOT NULL CHECK (number > 0),
        status                    text NOT NULL CHECK (status IN ('draft', 'in_review', 'published', 'superseded', 'retired')),
        type                      text NOT NULL,
        title                     jsonb NOT NULL,
        abstract                  jsonb NOT NULL DEFAULT '{}',
        keywords                  jsonb NOT NULL DEFAULT '{}',
        creators                  jsonb NOT NULL DEFAULT '[]',
        owner_ids                 text[] NOT NULL DEFAULT '{}',
        publishing_unit           text NOT NULL,
        date_issued               date,
        languages                 text[] NOT NULL DEFAULT '{}',
        subjects                  text[] NOT NULL DEFAULT '{}',
        countries                 text[] NOT NULL DEFAULT '{}',
        regions                   text[] NOT NULL DEFAULT '{}',
        source                    jsonb,
        persistent_identifier     jsonb,
        licence                   text,
        access_level              text NOT NULL CHECK (access_level IN ('public', 'internal', 'restricted')),
        restricted_to_units       text[] NOT NULL DEFAULT '{}',
        restricted_to_communities uuid[] NOT NULL DEFAULT '{}',
        embargo_until             date,
        files                     jsonb NOT NULL DEFAULT '[]',
        created_by                text NOT NULL,
        created_at                timestamptz NOT NULL,
        updated_at                timestamptz NOT NULL,
        published_at              timestamptz,
        UNIQUE (asset_id, number)
      )`);
    // At most one version of an asset is published, and at most one is in progress (draft or in review).
    await queryRunner.query(`CREATE UNIQUE INDEX asset_versions_one_published ON asset_versions (asset_id) WHERE status = 'published'`);
    await queryRunner.query(`CREATE UNIQUE INDEX asset_versions_one_open ON asset_versions (asset_id) WHERE status IN ('draft', 'in_review')`);
    await queryRunner.query(`CREATE INDEX asset_versions_owners ON asset_versions USING gin (owner_ids)`);
    for (const statement of transitionHistoryTable({ table: 'asset_version_transitions', subjectColumn: 'version_id' }, 'asset_versions')) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE asset_version_transitions`);
    await queryRunner.query(`DROP TABLE asset_versions`);
    await queryRunner.query(`DROP TABLE assets`);
  }
}
