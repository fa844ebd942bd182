import type { AccessLevel, AssetType, IloRegion, SourcePlatform } from '#ikm/contracts';
import { FORESIGHT_FIELDS, type ForesightFields } from '../../foresight/foresight-fields.js';

export type Multilingual = Record<string, string>;

export interface Creator {
  name: string;
  orcid: string | null;
  /** The creator's subject in the identity provider: a creator with one owns the asset's drafts. */
  staffId: string | null;
}

export interface SourceReference {
  platform: SourcePlatform;
  identifier: string | null;
  url: string | null;
}

export interface PersistentIdentifier {
  scheme: 'doi' | 'handle';
  value: string;
}

/** A file held elsewhere; uploads to the asset itself come later behind a storage interface. */
export interface FileLink {
  url: string;
  mediaType: string;
  size: number | null;
  checksum: string | null;
}

/**
 * What describes one version of an asset; every field an owner may edit on a draft. The foresight
 * fields (foresight/foresight-fields.ts) are there only on the foresight types.
 */
export interface AssetMetadata extends Partial<ForesightFields> {
  type: AssetType;
  title: Multilingual;
  abstract: Multilingual;
  keywords: Record<string, string[]>;
  creators: Creator[];
  publishingUnit: string;
  dateIssued: string | null;
  languages: string[];
  /** Taxonomy concept ids (the taxonomy arrives later; ids are kept as given). */
  subjects: string[];
  countries: string[];
  regions: IloRegion[];
  source: SourceReference | null;
  persistentIdentifier: PersistentIdentifier | null;
  licence: string | null;
  accessLevel: AccessLevel;
  /** Units whose members read a restricted asset. */
  restrictedToUnits: string[];
  /** Communities whose members read a restricted asset (their membership: the communities service's events). */
  restrictedToCommunities: string[];
  /** Until this date only owners, the unit's km_officers and ikmu_admins see the asset. */
  embargoUntil: string | null;
  files: FileLink[];
}

export const METADATA_FIELDS = [
  'type',
  'title',
  'abstract',
  'keywords',
  'creators',
  'publishingUnit',
  'dateIssued',
  'languages',
  'subjects',
  'countries',
  'regions',
  'source',
  'persistentIdentifier',
  'licence',
  'accessLevel',
  'restrictedToUnits',
  'restrictedToCommunities',
  'embargoUntil',
  'files',
  ...FORESIGHT_FIELDS,
] as const satisfies ReadonlyArray<keyof AssetMetadata>;

/** The access fields: the only ones that may change on a published version (its content never does). */
export const ACCESS_FIELDS = ['accessLevel', 'restrictedToUnits', 'restrictedToCommunities', 'embargoUntil'] as const satisfies ReadonlyArray<keyof AssetMetadata>;
export type AccessSettings = Pick<AssetMetadata, (typeof ACCESS_FIELDS)[number]>;

/**
 * Whether the access settings contradict each other: units or communities named for an asset that is
 * not restricted; or, when `complete` (a published version's settings), a restricted asset naming none.
 * A draft may be restricted before naming anyone (submission requires it).
 */
export function accessContradiction(access: AccessSettings, complete: boolean): 'unrestricted_with_names' | 'restricted_without_names' | null {
  const named = access.restrictedToUnits.length + access.restrictedToCommunities.length > 0;
  if (access.accessLevel !== 'restricted') return named ? 'unrestricted_with_names' : null;
  return complete && !named ? 'restricted_without_names' : null;
}
