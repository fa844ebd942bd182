import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the OAI-PMH data provider serves: one item per asset that has ever been public and published,
 * its current published version, or deleted (persistent) once that version is retired or stops being
 * public. Kept by a trigger on asset_versions in the writing transaction, so that no use case has to
 * remember it and the datestamp is the moment the record changed (publication, access change,
 * retirement). An asset never public never appears, not even as deleted. The datestamp of an item
 * under embargo is the embargo's end: it appears then, at that datestamp.
 */
export class OaiItems1764400000000 implements MigrationInterface {
  name = 'OaiItems1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE oai_items (
        asset_id      uuid PRIMARY KEY REFERENCES assets (id),
        version_id    uuid NOT NULL REFERENCES asset_versions (id),
        deleted       boolean NOT NULL,
        changed_at    timestamptz NOT NULL,
        embargo_until date,
        datestamp     timestamptz NOT NULL GENERATED ALWAYS AS (GREATEST(changed_at, (embargo_until::timestamp AT TIME ZONE 'UTC'))) STORED
      )`);
    // Keyset pages in datestamp order, and from/until ranges on it.
    await queryRunner.query(`CREATE INDEX oai_items_by_datestamp ON oai_items (datestamp, asset_id)`);
    await queryRunner.query(`
      CREATE FUNCTION oai_item_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        current asset_versions%ROWTYPE;
      BEGIN
        SELECT * INTO current FROM asset_versions WHERE asset_id = NEW.asset_id AND status = 'published';
        IF FOUND AND current.access_level = 'public' THEN
          INSERT INTO oai_items AS i (asset_id, version_id, deleted, changed_at, embargo_until)
          VALUES (current.asset_id, current.id, false, date_trunc('second', now()), current.embargo_until)
          ON CONFLICT (asset_id) DO UPDATE SET version_id = EXCLUDED.version_id, deleted = false, changed_at = EXCLUDED.changed_at, embargo_until = EXCLUDED.embargo_until
            WHERE (i.version_id, i.deleted, i.embargo_until) IS DISTINCT FROM (EXCLUDED.version_id, false, EXCLUDED.embargo_until);
        ELSE
          UPDATE oai_items SET deleted = true, changed_at = date_trunc('second', now()) WHERE asset_id = NEW.asset_id AND NOT deleted;
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER asset_versions_oai_items AFTER INSERT OR UPDATE OF status, access_level, embargo_until ON asset_versions
      FOR EACH ROW WHEN (NEW.status IN ('published', 'superseded', 'retired')) EXECUTE FUNCTION oai_item_refresh()`);
    // What was public before: published ones as records, retired ones as deleted.
    await queryRunner.query(`
      INSERT INTO oai_items (asset_id, version_id, deleted, changed_at, embargo_until)
      SELECT DISTINCT ON (asset_id) asset_id, id, status = 'retired', date_trunc('second', updated_at), embargo_until
      FROM asset_versions WHERE status IN ('published', 'retired') AND access_level = 'public'
      ORDER BY asset_id, (status = 'published') DESC, number DESC`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER asset_versions_oai_items ON asset_versions`);
    await queryRunner.query(`DROP FUNCTION oai_item_refresh()`);
    await queryRunner.query(`DROP TABLE oai_items`);
  }
}
