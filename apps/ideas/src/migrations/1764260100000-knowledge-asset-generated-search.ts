import type { MigrationInterface, QueryRunner } from 'typeorm';

const SEARCH = `setweight(to_tsvector('simple', language_map_text(title)), 'A')
  || setweight(to_tsvector('simple', language_map_text(abstract)), 'B')
  || setweight(to_tsvector('simple', words_text(subjects)), 'C')`;

/**
 * The knowledge asset replica's search columns computed by the table itself, from its title, abstract
 * and subjects, instead of by the code writing the row: the replica declaration then says only which
 * event value goes in which column (libs/replica). Same text and weights as before (title A, abstract
 * B, subjects C), so similar-work scores do not change.
 */
export class KnowledgeAssetGeneratedSearch1764260100000 implements MigrationInterface {
  name = 'KnowledgeAssetGeneratedSearch1764260100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Generated columns take immutable expressions only; array_to_string is merely stable (for any
    // element type), so these spell out the text of a language map and of a text array.
    await queryRunner.query(`
      CREATE FUNCTION language_map_text(map jsonb) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
        RETURN (SELECT coalesce(string_agg(value, ' '), '') FROM jsonb_each_text(map))`);
    await queryRunner.query(`
      CREATE FUNCTION words_text(words text[]) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
        RETURN (SELECT coalesce(string_agg(word, ' '), '') FROM unnest(words) AS word)`);
    // Dropping the columns drops their indexes; adding them back computes every existing row.
    await queryRunner.query(`ALTER TABLE knowledge_assets DROP COLUMN title_text, DROP COLUMN search`);
    await queryRunner.query(`
      ALTER TABLE knowledge_assets
        ADD COLUMN title_text text GENERATED ALWAYS AS (language_map_text(title)) STORED,
        ADD COLUMN search tsvector GENERATED ALWAYS AS (${SEARCH}) STORED`);
    await queryRunner.query(`CREATE INDEX knowledge_assets_search ON knowledge_assets USING gin (search)`);
    await queryRunner.query(`CREATE INDEX knowledge_assets_title_trgm ON knowledge_assets USING gin (title_text gin_trgm_ops)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE knowledge_assets DROP COLUMN title_text, DROP COLUMN search`);
    await queryRunner.query(`ALTER TABLE knowledge_assets ADD COLUMN title_text text, ADD COLUMN search tsvector`);
    await queryRunner.query(`UPDATE knowledge_assets SET title_text = language_map_text(title), search = ${SEARCH}`);
    await queryRunner.query(`ALTER TABLE knowledge_assets ALTER COLUMN title_text SET NOT NULL, ALTER COLUMN search SET NOT NULL`);
    await queryRunner.query(`CREATE INDEX knowledge_assets_search ON knowledge_assets USING gin (search)`);
    await queryRunner.query(`CREATE INDEX knowledge_assets_title_trgm ON knowledge_assets USING gin (title_text gin_trgm_ops)`);
    await queryRunner.query(`DROP FUNCTION words_text(text[])`);
    await queryRunner.query(`DROP FUNCTION language_map_text(jsonb)`);
  }
}
