import type { AssetMetadataDto } from '../dto/asset-metadata.dto.js';
import type { UpdateAssetDto } from '../dto/update-asset.dto.js';
import { NO_FORESIGHT } from '../../foresight/foresight-fields.js';
import { METADATA_FIELDS, type AccessSettings, type AssetMetadata } from './asset-metadata.js';

/** What a new draft holds for each field the request (or a captured source, capture/) left out. */
export const EMPTY_METADATA: Omit<AssetMetadata, 'type' | 'title' | 'publishingUnit'> = {
  abstract: {},
  keywords: {},
  creators: [],
  dateIssued: null,
  languages: [],
  subjects: [],
  countries: [],
  regions: [],
  source: null,
  persistentIdentifier: null,
  licence: null,
  // Staff only until an owner decides otherwise: the safe default for an organisation's documents.
  accessLevel: 'internal',
  restrictedToUnits: [],
  restrictedToCommunities: [],
  embargoUntil: null,
  files: [],
  // Each foresight type fills its own fields' empty values (withForesightDefaults); other types have none.
  ...NO_FORESIGHT,
};

/** Validated request objects as plain data (nested DTO instances become plain objects). */
function plain<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

export function newDraftMetadata(body: AssetMetadataDto): AssetMetadata {
  const given = Object.fromEntries(METADATA_FIELDS.filter((field) => body[field] !== undefined && body[field] !== null).map((field) => [field, plain(body[field])]));
  return { ...EMPTY_METADATA, ...given } as AssetMetadata;
}

/** The fields a PATCH sets; null clears a field to its empty value (the validators allowed null only where it may be empty). */
export function metadataChanges(body: UpdateAssetDto): Partial<AssetMetadata> {
  const sent = METADATA_FIELDS.filter((field) => body[field] !== undefined);
  return Object.fromEntries(sent.map((field) => [field, body[field] === null ? EMPTY_METADATA[field as keyof typeof EMPTY_METADATA] : plain(body[field])]));
}

export function accessSettings(body: { accessLevel: AssetMetadata['accessLevel']; restrictedToUnits?: string[]; restrictedToCommunities?: string[]; embargoUntil?: string | null }): AccessSettings {
  return {
    accessLevel: body.accessLevel,
    restrictedToUnits: body.restrictedToUnits ?? [],
    restrictedToCommunities: body.restrictedToCommunities ?? [],
    embargoUntil: body.embargoUntil ?? null,
  };
}
