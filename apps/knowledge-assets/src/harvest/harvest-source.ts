import { randomUUID } from 'node:crypto';
import type { AccessLevel, SourcePlatform } from '#ikm/contracts';

/** What a km_officer configures about a repository to harvest. */
export interface HarvestSourceSettings {
  name: string;
  baseUrl: string;
  metadataPrefix: string;
  set: string | null;
  platform: SourcePlatform;
  accessLevel: AccessLevel;
  publishingUnit: string;
}

export interface HarvestSource extends HarvestSourceSettings {
  id: string;
  createdBy: string;
  version: number;
  /** The latest datestamp of the last completed harvest: the next harvest's `from`; null before the first. */
  lastDatestamp: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The metadata formats whose reader we have (dublin-core/). */
export const HARVEST_METADATA_PREFIXES = ['oai_dc'] as const;

export function newHarvestSource(settings: HarvestSourceSettings, createdBy: string, now: Date): HarvestSource {
  return { ...settings, id: randomUUID(), createdBy, version: 1, lastDatestamp: null, createdAt: now, updatedAt: now };
}

/** What a harvest job reads (`ingestion_jobs.input`): its source, as configured when it started. */
export interface HarvestInput {
  sourceId: string;
  baseUrl: string;
  metadataPrefix: string;
  set: string | null;
  platform: SourcePlatform;
  /** The datestamp it harvests from (inclusive), null for a full harvest. */
  from: string | null;
}

/**
 * Where a harvest goes on (`ingestion_jobs.resume_point`), written with each page's records: the token of
 * the next page (null: the list is done) and the latest datestamp seen so far.
 */
export interface HarvestResumePoint {
  resumptionToken: string | null;
  latestDatestamp: string | null;
  pages: number;
}
