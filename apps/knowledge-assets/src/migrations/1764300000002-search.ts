import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Full-text search over asset versions. Nothing here is a trigger: the search document is a stored
 * generated column, which PostgreSQL recomputes itself whenever a version's title, abstract or keywords
 * are written, so no code path can forget it.
 *
 * - `text_search_config(tag)`: the PostgreSQL text search configuration for a BCP 47 tag, by its primary
 *   language subtag (`en-GB` -> english, `fr` -> french, `pt-BR` -> portuguese); `simple` (no stemming,
 *   no stop words) for a language PostgreSQL ships no configuration for.
 * - `asset_search_document(title, abstract, keywords)`: each language's text analysed with its own
 *   configuration, weighted title A, keywords B, abstract C (ts_rank_cd reads the weights).
 * - `asset_versions.search_document`: that document, stored; GIN-indexed over published versions only,
 *   the versions search reads (one per asset), with the subjects beside it for the taxonomy expansion.
 *
 * Changing either function means dropping and re-adding the column (PostgreSQL does not recompute a
 * stored generated column when a function it calls changes).
 */
export class Search1764300000002 implements MigrationInterface {
  name = 'Search1764300000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION text_search_config(tag text) RETURNS regconfig
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
        SELECT CASE lower(split_part(tag, '-', 1))
          WHEN 'ar' THEN 'arabic' WHEN 'hy' THEN 'armenian' WHEN 'eu' THEN 'basque' WHEN 'ca' THEN 'catalan'
          WHEN 'da' THEN 'danish' WHEN 'nl' THEN 'dutch' WHEN 'en' THEN 'english' WHEN 'fi' THEN 'finnish'
          WHEN 'fr' THEN 'french' WHEN 'de' THEN 'german' WHEN 'el' THEN 'greek' WHEN 'hi' THEN 'hindi'
          WHEN 'hu' THEN 'hungarian' WHEN 'id' THEN 'indonesian' WHEN 'ga' THEN 'irish' WHEN 'it' THEN 'italian'
          WHEN 'lt' THEN 'lithuanian' WHEN 'ne' THEN 'nepali' WHEN 'no' THEN 'norwegian' WHEN 'nb' THEN 'norwegian'
          WHEN 'nn' THEN 'norwegian' WHEN 'pt' THEN 'portuguese' WHEN 'ro' THEN 'romanian' WHEN 'ru' THEN 'russian'
          WHEN 'sr' THEN 'serbian' WHEN 'es' THEN 'spanish' WHEN 'sv' THEN 'swedish' WHEN 'ta' THEN 'tamil'
          WHEN 'tr' THEN 'turkish' WHEN 'yi' THEN 'yiddish'
          ELSE 'simple' END::regconfig
      $$`);
    // tsvector || tsvector as an aggregate, to fold one document out of any number of languages.
    await queryRunner.query(`CREATE AGGREGATE tsvector_agg(tsvector) (SFUNC = tsvector_concat, STYPE = tsvector, INITCOND = '')`);
    // tsquery || tsquery as an aggregate: a query analysed in several configurations matches in any of them.
    await queryRunner.query(`CREATE AGGREGATE tsquery_or_agg(tsquery) (SFUNC = tsquery_or, STYPE = tsquery)`);
    await queryRunner.query(`
      CREATE FUNCTION asset_search_document(title jsonb, abstract jsonb, keywords jsonb) RETURNS tsvector
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT coalesce((SELECT tsvector_agg(setweight(to_tsvector(text_search_config(t.key), t.value), 'A')) FROM jsonb_each_text(title) t), '')
            || coalesce((SELECT tsvector_agg(setweight(to_tsvector(text_search_config(k.key), k.words), 'B'))
                           FROM (SELECT key, string_agg(word, ' ; ') AS words FROM jsonb_each(keywords), jsonb_array_elements_text(value) word GROUP BY key) k), '')
            || coalesce((SELECT tsvector_agg(setweight(to_tsvector(text_search_config(a.key), a.value), 'C')) FROM jsonb_each_text(abstract) a), '')
      $$`);
    await queryRunner.query(`ALTER TABLE asset_versions ADD COLUMN search_document tsvector GENERATED ALWAYS AS (asset_search_document(title, abstract, keywords)) STORED`);
    await queryRunner.query(`CREATE INDEX asset_versions_search ON asset_versions USING gin (search_document) WHERE status = 'published'`);
    await queryRunner.query(`CREATE INDEX asset_versions_search_subjects ON asset_versions USING gin (subjects) WHERE status = 'published'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX asset_versions_search_subjects`);
    await queryRunner.query(`ALTER TABLE asset_versions DROP COLUMN search_document`);
    await queryRunner.query(`DROP FUNCTION asset_search_document(jsonb, jsonb, jsonb)`);
    await queryRunner.query(`DROP AGGREGATE tsquery_or_agg(tsquery)`);
    await queryRunner.query(`DROP AGGREGATE tsvector_agg(tsvector)`);
    await queryRunner.query(`DROP FUNCTION text_search_config(text)`);
  }
}
