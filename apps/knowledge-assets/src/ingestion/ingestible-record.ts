import type { SourcePlatform } from '#ikm/contracts';
import type { AssetMetadata } from '../asset/metadata/asset-metadata.js';

/**
 * A record that comes from elsewhere (a row of a bulk import, a record of an OAI-PMH harvest), on its
 * way to becoming an asset. Its identity is where it comes from: (platform, identifier). The same
 * record ingested again changes nothing; a changed one makes a new published version; a deleted one
 * retires the asset.
 */
export interface IngestibleRecord {
  source: { platform: SourcePlatform; identifier: string; url: string | null };
  /** When the source last changed it (an OAI-PMH datestamp), if it says. */
  datestamp: string | null;
  /** The source says the record was deleted (OAI-PMH `status="deleted"`): its asset is retired. */
  deleted: boolean;
  /** What the record says, mapped to the asset's fields; absent for a deleted record. */
  metadata: Partial<AssetMetadata> | null;
}

export interface FieldError {
  field: string;
  reason: string;
}

/** What ingesting one record did. A rejected record wrote nothing. */
export type IngestOutcome =
  | { status: 'created' | 'updated' | 'deleted'; assetId: string }
  /** `assetId` null: a deletion of a record never ingested (nothing to retire). */
  | { status: 'unchanged'; assetId: string | null }
  | { status: 'rejected'; errors: FieldError[] };
