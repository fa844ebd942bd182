import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The narrow search table: one row per published version, holding only what the search statement
 * filters, counts, sorts and ranks on. Version rows are wide (~1.5 kB: the language maps, the files,
 * the creators), so ~20,000 matches read nearly the whole asset_versions table; the same matches read
 * from `asset_search` touch about half the pages, and the facets are counted over one small int array
 * per row instead of eight text columns. The page's own rows are still built from asset_versions.
 *
 * KEPT IN STEP BY A TRIGGER, `asset_search_sync` on asset_versions: every insert, update or delete of a
 * version row (whatever code path writes it: the asset repository, capture, files, a migration, psql)
 * removes the version's search row and, if the version is published, writes it again. A trigger rather
 * than writes in the repository because a future write path cannot forget it.
 *
 * - `asset_search`: the visibility columns carry asset_versions' names (status, access_level, owner_ids,
 *   publishing_unit, restricted_to_units, restricted_to_communities, embargo_until) so that the one
 *   visibility condition (asset-visibility.ts) applies to it unchanged; `day` is the date sorts' key;
 *   `facet_codes` codes every facet value of the row (type, subjects, regions, countries, languages,
 *   source platform, year, access level) as an integer of `search_facet_values`.
 * - `search_facet_values`: the dictionary of those codes, (facet, value) -> code, grown by the trigger
 *   (a value is never removed: a code without rows counts nothing).
 *
 * Adding a column the search needs: add it here, to `asset_search_insert`, and the migration re-fills
 * the table (TRUNCATE, then the backfill below).
 */
export class SearchTable1764300000005 implements MigrationInterface {
  name = 'SearchTable1764300000005';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE search_facet_values (
        code  serial PRIMARY KEY,
        facet text NOT NULL,
        value text NOT NULL,
        UNIQUE (facet, value)
      )`);
    await queryRunner.query(`
      CREATE TABLE asset_search (
        version_id                uuid PRIMARY KEY,
        asset_id                  uuid NOT NULL,
        day                       integer NOT NULL,
        date_issued               date,
        year                      integer,
        embargo_until             date,
        status                    text NOT NULL,
        type                      text NOT NULL,
        access_level              text NOT NULL,
        source                    text,
        publishing_unit           text NOT NULL,
        owner_ids                 text[] NOT NULL,
        restricted_to_units       text[] NOT NULL,
        restricted_to_communities uuid[] NOT NULL,
        languages                 text[] NOT NULL,
        subjects                  text[] NOT NULL,
        countries                 text[] NOT NULL,
        regions                   text[] NOT NULL,
        facet_codes               integer[] NOT NULL,
        search_document           tsvector NOT NULL
      )`);
    // The facet values of a version, one row per value (an array's repeated value counted as often as the
    // facets always counted it).
    await queryRunner.query(`
      CREATE FUNCTION search_facet_pairs(v asset_versions) RETURNS TABLE (facet text, value text)
      LANGUAGE sql STABLE AS $$
        SELECT 'type', v.type UNION ALL SELECT 'subject', unnest(v.subjects) UNION ALL SELECT 'region', unnest(v.regions)
        UNION ALL SELECT 'country', unnest(v.countries) UNION ALL SELECT 'language', unnest(v.languages)
        UNION ALL SELECT 'source', v.source->>'platform' UNION ALL SELECT 'year', extract(year FROM v.date_issued)::int::text
        UNION ALL SELECT 'accessLevel', v.access_level
      $$`);
    // Their codes; values first seen are added to the dictionary first. Two statements: the second's fresh
    // snapshot (read committed) sees a code another transaction added meanwhile, which ON CONFLICT skipped.
    await queryRunner.query(`
      CREATE FUNCTION search_facet_codes(v asset_versions) RETURNS integer[]
      LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO search_facet_values (facet, value)
          SELECT DISTINCT f.facet, f.value FROM search_facet_pairs(v) f WHERE f.value IS NOT NULL ON CONFLICT DO NOTHING;
        RETURN ARRAY(SELECT d.code FROM search_facet_pairs(v) f JOIN search_facet_values d ON d.facet = f.facet AND d.value = f.value);
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION asset_search_insert(v asset_versions) RETURNS void
      LANGUAGE sql AS $$
        INSERT INTO asset_search (version_id, asset_id, day, date_issued, year, embargo_until, status, type, access_level, source,
                                  publishing_unit, owner_ids, restricted_to_units, restricted_to_communities,
                                  languages, subjects, countries, regions, facet_codes, search_document)
        VALUES (v.id, v.asset_id, coalesce(v.date_issued, '1900-01-01') - date '1970-01-01', v.date_issued,
                extract(year FROM v.date_issued)::int, v.embargo_until, v.status, v.type, v.access_level, v.source->>'platform',
                v.publishing_unit, v.owner_ids, v.restricted_to_units, v.restricted_to_communities,
                v.languages, v.subjects, v.countries, v.regions, search_facet_codes(v), v.search_document)
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION asset_search_sync() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'INSERT' THEN
          DELETE FROM asset_search WHERE version_id = OLD.id;
        END IF;
        IF TG_OP <> 'DELETE' AND NEW.status = 'published' THEN
          PERFORM asset_search_insert(NEW);
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER asset_search_sync AFTER INSERT OR UPDATE OR DELETE ON asset_versions FOR EACH ROW EXECUTE FUNCTION asset_search_sync()`);
    // Backfill: the versions published before this migration.
    await queryRunner.query(`SELECT asset_search_insert(v) FROM asset_versions v WHERE v.status = 'published'`);
    await queryRunner.query(`CREATE INDEX asset_search_document ON asset_search USING gin (search_document)`);
    await queryRunner.query(`CREATE INDEX asset_search_subjects ON asset_search USING gin (subjects)`);
    // The search reads asset_search now; these indexes only cost writes.
    await queryRunner.query(`DROP INDEX asset_versions_search`);
    await queryRunner.query(`DROP INDEX asset_versions_search_subjects`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX asset_versions_search ON asset_versions USING gin (search_document) WHERE status = 'published'`);
    await queryRunner.query(`CREATE INDEX asset_versions_search_subjects ON asset_versions USING gin (subjects) WHERE status = 'published'`);
    await queryRunner.query(`DROP TRIGGER asset_search_sync ON asset_versions`);
    await queryRunner.query(`DROP FUNCTION asset_search_sync()`);
    await queryRunner.query(`DROP FUNCTION asset_search_insert(asset_versions)`);
    await queryRunner.query(`DROP FUNCTION search_facet_codes(asset_versions)`);
    await queryRunner.query(`DROP FUNCTION search_facet_pairs(asset_versions)`);
    await queryRunner.query(`DROP TABLE asset_search`);
    await queryRunner.query(`DROP TABLE search_facet_values`);
  }
}
