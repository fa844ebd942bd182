import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Use and reuse, and freshness: the counted actions on assets (views and downloads, one row each,
 * COUNTER's double-click filter applied when they are counted), the ideas, discussions and
 * knowledge-sharing events citing assets (a replica per source), review-by dates set by people, the
 * review-due notices sent (once per asset and due date) and the usage days already published.
 */
export class UsageAndReview1764430000000 implements MigrationInterface {
  name = 'UsageAndReview1764430000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // No foreign key: an action is appended after the answer and must never wait on the asset's row lock.
    await queryRunner.query(`
      CREATE TABLE asset_usage_actions (
        asset_id uuid NOT NULL,
        kind     text NOT NULL CHECK (kind IN ('view', 'download')),
        item     text NOT NULL,
        user_id  text NOT NULL,
        at       timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX asset_usage_actions_asset_at ON asset_usage_actions (asset_id, at)`);
    // The daily job reads one day of all assets.
    await queryRunner.query(`CREATE INDEX asset_usage_actions_at ON asset_usage_actions USING brin (at)`);
    await queryRunner.query(`
      CREATE TABLE asset_usage_days_published (
        asset_id uuid NOT NULL,
        day      date NOT NULL,
        PRIMARY KEY (asset_id, day)
      )`);
    // One row per citing source ('idea:<id>', 'discussion:<id>', 'sharing_event:<id>'), its whole list of assets at its version.
    await queryRunner.query(`
      CREATE TABLE asset_reuse_sources (
        source_key   text PRIMARY KEY,
        version      integer NOT NULL CHECK (version > 0),
        kind         text NOT NULL CHECK (kind IN ('idea', 'discussion', 'sharing_event')),
        source_id    uuid NOT NULL,
        community_id uuid,
        title        text,
        asset_ids    text[] NOT NULL DEFAULT '{}',
        changed_at   timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX asset_reuse_sources_asset_ids ON asset_reuse_sources USING gin (asset_ids)`);
    await queryRunner.query(`
      CREATE TABLE asset_review_dates (
        version_id uuid PRIMARY KEY REFERENCES asset_versions (id) ON DELETE CASCADE,
        review_by  date NOT NULL,
        kind       text NOT NULL CHECK (kind IN ('set', 'confirmed')),
        set_by     text NOT NULL,
        set_at     timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE asset_review_notices (
        asset_id    uuid NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
        due_date    date NOT NULL,
        notified_at timestamptz NOT NULL,
        PRIMARY KEY (asset_id, due_date)
      )`);
    // "A newer version elsewhere": published versions sharing a persistent identifier.
    await queryRunner.query(
      `CREATE INDEX asset_versions_published_identifier ON asset_versions ((persistent_identifier->>'scheme'), lower(persistent_identifier->>'value')) WHERE status = 'published' AND persistent_identifier IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX asset_versions_published_identifier`);
    await queryRunner.query(`DROP TABLE asset_review_notices`);
    await queryRunner.query(`DROP TABLE asset_review_dates`);
    await queryRunner.query(`DROP TABLE asset_reuse_sources`);
    await queryRunner.query(`DROP TABLE asset_usage_days_published`);
    await queryRunner.query(`DROP TABLE asset_usage_actions`);
  }
}
