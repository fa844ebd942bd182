import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The foresight types' own fields, on the version (they are content: a published version's never
 * change), null on every other type. A signal's drivers and a scenario's narrative join the search
 * document: the stored generated column is dropped and added again with them (PostgreSQL cannot alter a
 * generated column's expression), and the trigger-kept `asset_search` table, which copies the document,
 * is filled again as migration 1764300000005 says to.
 *
 * - `foresight_search_document(drivers, narrative)`: each driver's category (an English word, `simple`,
 *   so `technological` matches as written) and its description in its language's configuration, weight B
 *   like keywords (a record field, matched under embargo as keywords are); the narrative weight C like the
 *   abstract (content, not matched while under embargo).
 * - `asset_versions_foresight`: the foresight lists read only the versions of foresight assets.
 * - `asset_versions_signals`: a signal's scenarios are found by their signals (GIN, `@>`).
 */
export class Foresight1764440000000 implements MigrationInterface {
  name = 'Foresight1764440000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE asset_versions
        ADD COLUMN drivers jsonb,
        ADD COLUMN horizon jsonb,
        ADD COLUMN likelihood integer CHECK (likelihood BETWEEN 1 AND 5),
        ADD COLUMN impact integer CHECK (impact BETWEEN 1 AND 5),
        ADD COLUMN foresight_sources jsonb,
        ADD COLUMN narrative jsonb,
        ADD COLUMN signals uuid[],
        ADD CONSTRAINT asset_versions_horizon CHECK (horizon IS NULL OR (horizon->>'from')::int <= (horizon->>'to')::int),
        ADD CONSTRAINT asset_versions_foresight_only CHECK (
          type IN ('foresight_signal', 'foresight_scenario')
          OR (drivers IS NULL AND horizon IS NULL AND likelihood IS NULL AND impact IS NULL AND foresight_sources IS NULL AND narrative IS NULL AND signals IS NULL))`);
    await queryRunner.query(`
      CREATE FUNCTION foresight_search_document(drivers jsonb, narrative jsonb) RETURNS tsvector
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT coalesce((SELECT tsvector_agg(setweight(to_tsvector('simple', d->>'category'), 'B')) FROM jsonb_array_elements(drivers) d), '')
            || coalesce((SELECT tsvector_agg(setweight(to_tsvector(text_search_config(t.key), t.value), 'B'))
                           FROM jsonb_array_elements(drivers) d, jsonb_each_text(CASE jsonb_typeof(d->'description') WHEN 'object' THEN d->'description' ELSE '{}' END) t), '')
            || coalesce((SELECT tsvector_agg(setweight(to_tsvector(text_search_config(n.key), n.value), 'C')) FROM jsonb_each_text(narrative) n), '')
      $$`);
    await this.searchDocument(queryRunner, `asset_search_document(title, abstract, keywords) || foresight_search_document(drivers, narrative)`);
    await queryRunner.query(`CREATE INDEX asset_versions_foresight ON asset_versions (asset_id) WHERE type IN ('foresight_signal', 'foresight_scenario')`);
    await queryRunner.query(`CREATE INDEX asset_versions_signals ON asset_versions USING gin (signals) WHERE signals IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX asset_versions_signals`);
    await queryRunner.query(`DROP INDEX asset_versions_foresight`);
    await this.searchDocument(queryRunner, `asset_search_document(title, abstract, keywords)`);
    await queryRunner.query(`DROP FUNCTION foresight_search_document(jsonb, jsonb)`);
    await queryRunner.query(`
      ALTER TABLE asset_versions DROP CONSTRAINT asset_versions_foresight_only, DROP CONSTRAINT asset_versions_horizon,
        DROP COLUMN drivers, DROP COLUMN horizon, DROP COLUMN likelihood, DROP COLUMN impact, DROP COLUMN foresight_sources, DROP COLUMN narrative, DROP COLUMN signals`);
  }

  /** The stored search document computed by this expression, and the search table filled again from it. */
  private async searchDocument(queryRunner: QueryRunner, expression: string): Promise<void> {
    await queryRunner.query(`ALTER TABLE asset_versions DROP COLUMN search_document`);
    await queryRunner.query(`ALTER TABLE asset_versions ADD COLUMN search_document tsvector GENERATED ALWAYS AS (${expression}) STORED`);
    await queryRunner.query(`TRUNCATE asset_search`);
    await queryRunner.query(`SELECT asset_search_insert(v) FROM asset_versions v WHERE v.status = 'published'`);
  }
}
