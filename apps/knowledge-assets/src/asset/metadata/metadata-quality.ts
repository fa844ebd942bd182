import { missingForesightFields } from '../../foresight/foresight-fields.js';
import type { AssetMetadata } from './asset-metadata.js';

/** How complete a record is: 0-100, the Dublin Core elements it lacks, and the fields publishing needs that it lacks. */
export interface MetadataQuality {
  score: number;
  missing: string[];
  missingRequired: string[];
}

const has = (values: readonly unknown[] | Record<string, unknown>) => Object.keys(values).length > 0;

/**
 * The Dublin Core elements (DCMI Metadata Terms, the 15 of the original element set) each answered by
 * the fields that map to it. `contributor` and `relation` have no field yet ("reused in" links and
 * contributors come later) and are not counted, so that a complete record can score 100.
 */
const DUBLIN_CORE: Record<string, (metadata: AssetMetadata) => boolean> = {
  title: (m) => has(m.title),
  creator: (m) => m.creators.length > 0,
  subject: (m) => m.subjects.length > 0 || has(m.keywords),
  description: (m) => has(m.abstract),
  publisher: (m) => m.publishingUnit.length > 0,
  date: (m) => m.dateIssued !== null,
  type: (m) => Boolean(m.type),
  format: (m) => m.files.length > 0,
  identifier: (m) => m.persistentIdentifier !== null || Boolean(m.source?.identifier),
  source: (m) => m.source !== null,
  language: (m) => m.languages.length > 0,
  coverage: (m) => m.countries.length > 0 || m.regions.length > 0,
  rights: (m) => m.licence !== null,
};

/** The fields a draft needs before it can be submitted for review (API names). */
const REQUIRED: Record<string, (metadata: AssetMetadata) => boolean> = {
  title: (m) => has(m.title),
  type: (m) => Boolean(m.type),
  creators: (m) => m.creators.length > 0,
  publishingUnit: (m) => m.publishingUnit.length > 0,
  dateIssued: (m) => m.dateIssued !== null,
  languages: (m) => m.languages.length > 0,
  restrictedToUnits: (m) => m.accessLevel !== 'restricted' || m.restrictedToUnits.length + m.restrictedToCommunities.length > 0,
};

export function metadataQuality(metadata: AssetMetadata): MetadataQuality {
  const missing = Object.entries(DUBLIN_CORE).filter(([, present]) => !present(metadata)).map(([element]) => element);
  const elements = Object.keys(DUBLIN_CORE).length;
  return {
    score: Math.round((100 * (elements - missing.length)) / elements),
    missing,
    missingRequired: [...Object.entries(REQUIRED).filter(([, present]) => !present(metadata)).map(([field]) => field), ...missingForesightFields(metadata.type, metadata)],
  };
}
