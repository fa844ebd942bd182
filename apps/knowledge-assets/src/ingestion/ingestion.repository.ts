import { Injectable } from '@nestjs/common';
import type { AssetStatus, SourcePlatform } from '#ikm/contracts';
import { prepared, queryPrepared } from '#ikm/persistence';
import type { EntityManager } from 'typeorm';
import { AssetVersion } from '../asset/asset.entity.js';

/** The source record a key names: (platform, identifier). */
export interface SourceKey {
  platform: SourcePlatform;
  identifier: string;
}

/** An ingested asset as a batch needs it: locked, with its published version if it has one. */
export interface IngestedAsset extends SourceKey {
  id: string;
  revision: number;
  digest: string | null;
  publishedVersionId: string | null;
  publishedNumber: number | null;
  lastNumber: number;
}

export interface NewIngestedAsset extends SourceKey {
  id: string;
  digest: string;
}

/**
 * Inserts the asset rows of new source records in one statement, in key order (so that concurrent
 * batches meet their conflicts in the same order), unless a record already has its asset: the unique
 * index on (source_platform, source_identifier) decides, inside the statement, so two imports of the same
 * record at once make one asset. A conflicting row another transaction is inserting waits for it.
 */
const CLAIM = prepared(`
  INSERT INTO assets (id, revision, created_at, updated_at, source_platform, source_identifier, source_digest)
  SELECT c.id, 1, $5, $5, c.platform, c.identifier, c.digest
    FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS c (id, platform, identifier, digest)
   ORDER BY c.platform, c.identifier
  ON CONFLICT (source_platform, source_identifier) DO NOTHING
  RETURNING id`);

/** The assets of these source records, locked in key order for the rest of the transaction. */
const LOCK = prepared(`
  SELECT a.id, a.revision, a.source_platform AS platform, a.source_identifier AS identifier, a.source_digest AS digest,
         p.id AS "publishedVersionId", p.number AS "publishedNumber",
         (SELECT max(v.number) FROM asset_versions v WHERE v.asset_id = a.id) AS "lastNumber"
    FROM assets a
    JOIN unnest($1::text[], $2::text[]) AS k (platform, identifier) ON a.source_platform = k.platform AND a.source_identifier = k.identifier
    LEFT JOIN asset_versions p ON p.asset_id = a.id AND p.status = 'published'
   ORDER BY a.source_platform, a.source_identifier
     FOR UPDATE OF a`);

/** The next revision of each asset, with the digest of what was ingested into it last. */
const TOUCH = prepared(`
  UPDATE assets a SET revision = a.revision + 1, updated_at = $3, source_digest = coalesce(t.digest, a.source_digest)
    FROM unnest($1::uuid[], $2::text[]) AS t (id, digest)
   WHERE a.id = t.id`);

/** Published versions leaving `published` (superseded by a newer one, or retired). */
const MOVE = prepared(`
  UPDATE asset_versions v SET status = m.status, updated_at = $3
    FROM unnest($1::uuid[], $2::text[]) AS m (id, status)
   WHERE v.id = m.id`);

/**
 * All SQL of the ingestion pipeline on the assets' tables, each a statement per batch of records
 * (set-based: tens of thousands of records must go at thousands a second), on the batch's transaction.
 */
@Injectable()
export class IngestionRepository {
  /** The ids of the assets inserted; the records left out already have one. */
  async claim(manager: EntityManager, assets: NewIngestedAsset[], now: Date): Promise<Set<string>> {
    if (assets.length === 0) return new Set();
    const rows = await queryPrepared<{ id: string }>(manager, CLAIM, [
      assets.map((asset) => asset.id),
      assets.map((asset) => asset.platform),
      assets.map((asset) => asset.identifier),
      assets.map((asset) => asset.digest),
      now,
    ]);
    return new Set(rows.map((row) => row.id));
  }

  async lock(manager: EntityManager, keys: SourceKey[]): Promise<IngestedAsset[]> {
    if (keys.length === 0) return [];
    return queryPrepared<IngestedAsset>(manager, LOCK, [keys.map((key) => key.platform), keys.map((key) => key.identifier)]);
  }

  /** Each asset's revision goes up by one (its `digest`, when given, replaces the one kept). */
  async touch(manager: EntityManager, changes: Array<{ id: string; digest: string | null }>, now: Date): Promise<void> {
    if (changes.length === 0) return;
    await queryPrepared(manager, TOUCH, [changes.map((change) => change.id), changes.map((change) => change.digest), now]);
  }

  async moveVersions(manager: EntityManager, moves: Array<{ versionId: string; status: AssetStatus }>, now: Date): Promise<void> {
    if (moves.length === 0) return;
    await queryPrepared(manager, MOVE, [moves.map((move) => move.versionId), moves.map((move) => move.status), now]);
  }

  /** One multi-row INSERT (the search table's trigger fills asset_search for each). */
  async insertVersions(manager: EntityManager, versions: AssetVersion[]): Promise<void> {
    if (versions.length === 0) return;
    await manager.createQueryBuilder().insert().into(AssetVersion).values(versions).updateEntity(false).execute();
  }
}
