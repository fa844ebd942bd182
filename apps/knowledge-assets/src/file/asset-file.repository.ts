import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A file uploaded to a version, as the asset and its events list it. */
export interface UploadedFile {
  name: string;
  size: number;
  mediaType: string;
  /** `sha256:<hex>`, as file links write theirs. */
  checksum: string;
}

/** A version's file with where its bytes are. */
export interface AssetFile extends UploadedFile {
  versionId: string;
  storageKey: string;
  sha256: string;
}

const COLUMNS = `version_id AS "versionId", name, storage_key AS "storageKey", size::float8 AS size, media_type AS "mediaType", sha256, 'sha256:' || sha256 AS checksum`;

/**
 * The uploaded files of the version row `alias`, as a jsonb list ordered by name: a select-list item
 * for the queries that read versions, so that every read of a version lists its files.
 */
export function uploadedFilesOf(alias: string): string {
  return `(SELECT coalesce(jsonb_agg(jsonb_build_object('name', f.name, 'size', f.size, 'mediaType', f.media_type, 'checksum', 'sha256:' || f.sha256) ORDER BY f.name), '[]'::jsonb)
     FROM asset_files f WHERE f.version_id = ${alias}.id) AS "uploadedFiles"`;
}

/** Which version holds which file under which name; the bytes are the FileStorage's. */
@Injectable()
export class AssetFileRepository {
  async find(manager: EntityManager, versionId: string, name: string): Promise<AssetFile | undefined> {
    const [file] = (await manager.query(`SELECT ${COLUMNS} FROM asset_files WHERE version_id = $1 AND name = $2`, [versionId, name])) as AssetFile[];
    return file;
  }

  async list(manager: EntityManager, versionId: string): Promise<UploadedFile[]> {
    const rows = (await manager.query(`SELECT ${COLUMNS} FROM asset_files WHERE version_id = $1 ORDER BY name`, [versionId])) as AssetFile[];
    return rows.map(({ name, size, mediaType, checksum }) => ({ name, size, mediaType, checksum }));
  }

  /** Puts the file under its name, replacing what the version held under it. */
  async put(manager: EntityManager, file: Omit<AssetFile, 'checksum'>, uploadedBy: string, at: Date): Promise<void> {
    await manager.query(
      `INSERT INTO asset_files (version_id, name, storage_key, size, media_type, sha256, uploaded_by, uploaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (version_id, name) DO UPDATE SET storage_key = EXCLUDED.storage_key, size = EXCLUDED.size, media_type = EXCLUDED.media_type,
         sha256 = EXCLUDED.sha256, uploaded_by = EXCLUDED.uploaded_by, uploaded_at = EXCLUDED.uploaded_at`,
      [file.versionId, file.name, file.storageKey, file.size, file.mediaType, file.sha256, uploadedBy, at],
    );
  }

  async remove(manager: EntityManager, versionId: string, name: string): Promise<void> {
    await manager.query(`DELETE FROM asset_files WHERE version_id = $1 AND name = $2`, [versionId, name]);
  }

  /** A new version holds its predecessor's files: the same storage keys, no copy of the bytes. */
  async copy(manager: EntityManager, fromVersionId: string, toVersionId: string): Promise<void> {
    await manager.query(
      `INSERT INTO asset_files (version_id, name, storage_key, size, media_type, sha256, uploaded_by, uploaded_at)
       SELECT $2, name, storage_key, size, media_type, sha256, uploaded_by, uploaded_at FROM asset_files WHERE version_id = $1`,
      [fromVersionId, toVersionId],
    );
  }

  /** Whether a version still holds these bytes (another version's copy, say), so they must be kept. */
  async isHeld(manager: EntityManager, storageKey: string): Promise<boolean> {
    const [row] = (await manager.query(`SELECT 1 FROM asset_files WHERE storage_key = $1 LIMIT 1`, [storageKey])) as unknown[];
    return row !== undefined;
  }
}
