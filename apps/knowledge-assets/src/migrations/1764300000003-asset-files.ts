import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Files uploaded to asset versions: what each version holds (asset_files, a name per version pointing
 * at a storage key that versions share), and the PostgreSQL file storage's blobs and their chunks.
 */
export class AssetFiles1764300000003 implements MigrationInterface {
  name = 'AssetFiles1764300000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE asset_files (
        version_id   uuid NOT NULL REFERENCES asset_versions (id),
        name         text NOT NULL CHECK (name <> ''),
        storage_key  text NOT NULL,
        size         bigint NOT NULL CHECK (size >= 0),
        media_type   text NOT NULL,
        sha256       text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        uploaded_by  text NOT NULL,
        uploaded_at  timestamptz NOT NULL,
        PRIMARY KEY (version_id, name)
      )`);
    // Deleting a file asks whether any version still holds its bytes.
    await queryRunner.query(`CREATE INDEX asset_files_storage_key ON asset_files (storage_key)`);
    await queryRunner.query(`
      CREATE TABLE file_blobs (
        key          uuid PRIMARY KEY,
        size         bigint NOT NULL CHECK (size >= 0),
        sha256       text NOT NULL,
        chunk_bytes  integer NOT NULL CHECK (chunk_bytes > 0),
        created_at   timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE file_blob_chunks (
        key   uuid NOT NULL REFERENCES file_blobs (key) ON DELETE CASCADE,
        seq   integer NOT NULL CHECK (seq >= 0),
        data  bytea NOT NULL,
        PRIMARY KEY (key, seq)
      )`);
    // Out of line and uncompressed: uploads are mostly compressed already (PDF, images, zip), so
    // compressing them again costs CPU for nothing.
    await queryRunner.query(`ALTER TABLE file_blob_chunks ALTER COLUMN data SET STORAGE EXTERNAL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE file_blob_chunks`);
    await queryRunner.query(`DROP TABLE file_blobs`);
    await queryRunner.query(`DROP TABLE asset_files`);
  }
}
