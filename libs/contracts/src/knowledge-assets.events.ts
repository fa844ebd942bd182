import { z } from 'zod';
import { defineEvent } from './event-contract.js';
import { foresightDetails } from './foresight.js';

/** Access levels of a knowledge asset: consumers must not show restricted assets to everyone. */
export const ACCESS_LEVELS = ['public', 'internal', 'restricted'] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

/** Kinds of knowledge asset (shared/PRODUCT.md, knowledge-assets). */
export const ASSET_TYPES = [
  'publication',
  'dataset',
  'evaluation',
  'policy_brief',
  'good_practice',
  'lesson_learned',
  'toolkit',
  'course_material',
  'meeting_report',
  'foresight_signal',
  'foresight_scenario',
] as const;
export type AssetType = (typeof ASSET_TYPES)[number];

/** Lifecycle of one version of an asset: draft -> in_review -> published -> superseded or retired. */
export const ASSET_STATUSES = ['draft', 'in_review', 'published', 'superseded', 'retired'] as const;
export type AssetStatus = (typeof ASSET_STATUSES)[number];

/** The ILO's regions, one value each for geographic coverage. */
export const ILO_REGIONS = ['africa', 'americas', 'arab_states', 'asia_and_the_pacific', 'europe_and_central_asia'] as const;
export type IloRegion = (typeof ILO_REGIONS)[number];

/** The platforms assets come from; `internal` for those created here. */
export const SOURCE_PLATFORMS = ['labordoc', 'knowledge_gateway', 'development_cooperation', 'i_eval_discovery', 'decent_work_results', 'internal'] as const;
export type SourcePlatform = (typeof SOURCE_PLATFORMS)[number];

export const PERSISTENT_IDENTIFIER_SCHEMES = ['doi', 'handle'] as const;

/** A text in several languages, keyed by BCP 47 language code; at least one. */
const multilingual = z.record(z.string().min(2).max(35), z.string()).refine((texts) => Object.keys(texts).length > 0, 'at least one language');

const timestamp = z.iso.datetime();

/**
 * How complete a record is against Dublin Core and the fields publishing needs: `score` 0-100, the
 * elements `missing` (Dublin Core names) and the `missingRequired` fields (API names).
 */
const quality = z.object({ score: z.number().int().min(0).max(100), missing: z.array(z.string()), missingRequired: z.array(z.string()) });

/** Every descriptive and administrative field of one version, as the API shows it. */
const assetDetails = {
  /** The version's number (1, 2, ...): every version stays readable at `/assets/{id}/versions/{n}`. */
  versionNumber: z.number().int().positive(),
  status: z.enum(ASSET_STATUSES),
  keywords: z.record(z.string(), z.array(z.string())),
  creators: z.array(z.object({ name: z.string(), orcid: z.string().nullable(), staffId: z.string().nullable() })),
  publishingUnit: z.string(),
  dateIssued: z.iso.date().nullable(),
  countries: z.array(z.string()),
  regions: z.array(z.enum(ILO_REGIONS)),
  source: z.object({ platform: z.enum(SOURCE_PLATFORMS), identifier: z.string().nullable(), url: z.url().nullable() }).nullable(),
  persistentIdentifier: z.object({ scheme: z.enum(PERSISTENT_IDENTIFIER_SCHEMES), value: z.string() }).nullable(),
  licence: z.string().nullable(),
  restrictedToUnits: z.array(z.string()),
  restrictedToCommunities: z.array(z.uuid()),
  embargoUntil: z.iso.date().nullable(),
  files: z.array(z.object({ url: z.url(), mediaType: z.string(), size: z.number().int().nonnegative().nullable(), checksum: z.string().nullable() })),
  /** Files uploaded to the version itself (added later: optional); their bytes at `/assets/{id}/versions/{n}/files/{name}`. */
  uploadedFiles: z.array(z.object({ name: z.string(), size: z.number().int().nonnegative(), mediaType: z.string(), checksum: z.string() })).optional(),
  quality,
  ...foresightDetails,
};

const assetState = {
  assetId: z.uuid(),
  /**
   * The asset's revision after this change, counted over all its versions: consumers apply an event
   * only when it is newer than what they hold, so replays and late duplicates change nothing.
   */
  version: z.number().int().positive(),
  type: z.string(),
  title: multilingual,
  abstract: multilingual.optional(),
  subjects: z.array(z.string()),
  languages: z.array(z.string()),
  accessLevel: z.enum(ACCESS_LEVELS),
  url: z.url().nullable().optional(),
};

/** The full state of a version: what a consumer needs to keep a replica from events alone. */
const fullState = { ...assetState, ...assetDetails };

/** Published assets: the full state, so a consumer can keep a replica from these events alone. */
export const KnowledgeAssetPublishedV1 = defineEvent(
  'ikm.knowledge-assets.asset.published.v1',
  // The details were added after the first consumers: optional, so records written before still validate.
  z.object({ ...assetState, ...z.object(assetDetails).partial().shape, publishedAt: timestamp, actorId: z.string().optional() }),
);

/** A published asset's access changed (its content never does: that is a new version): again the full state. */
export const KnowledgeAssetUpdatedV1 = defineEvent(
  'ikm.knowledge-assets.asset.updated.v1',
  z.object({ ...assetState, ...z.object(assetDetails).partial().shape, updatedAt: timestamp, actorId: z.string().optional() }),
);

export const KnowledgeAssetRetiredV1 = defineEvent(
  'ikm.knowledge-assets.asset.retired.v1',
  z.object({
    assetId: z.uuid(),
    version: z.number().int().positive(),
    retiredAt: timestamp,
    versionNumber: z.number().int().positive().optional(),
    reason: z.string().optional(),
    actorId: z.string().optional(),
  }),
);

/**
 * What an automatically captured asset was made from: the source aggregate in its service, the event
 * that brought it, and where the gateway serves the source. One asset per source aggregate.
 */
export const capturedFromSchema = z.object({
  service: z.string().min(1),
  aggregateType: z.string().min(1),
  aggregateId: z.string().min(1),
  eventId: z.string().min(1),
  eventType: z.string().min(1),
  /** The source's path under the gateway (`/api/v1/ideas/{id}`). */
  url: z.string().startsWith('/api/v1/'),
});
export type CapturedFrom = z.infer<typeof capturedFromSchema>;

/** A new draft: a first version, or a new version copied from the latest published one. */
export const KnowledgeAssetDraftCreatedV1 = defineEvent(
  'ikm.knowledge-assets.asset.draft-created.v1',
  // `capturedFrom` only on a draft captured from another service's event (knowledge-assets' capture).
  z.object({ ...fullState, capturedFrom: capturedFromSchema.optional(), createdAt: timestamp, actorId: z.string() }),
);

/** A draft edited by one of its owners: the fields that changed, and the quality after the change. */
export const KnowledgeAssetDraftUpdatedV1 = defineEvent(
  'ikm.knowledge-assets.asset.draft-updated.v1',
  z.object({
    assetId: z.uuid(),
    version: z.number().int().positive(),
    versionNumber: z.number().int().positive(),
    changes: z.record(z.string(), z.unknown()),
    quality,
    updatedAt: timestamp,
    actorId: z.string(),
  }),
);

/** A draft submitted for review by one of its owners. */
export const KnowledgeAssetSubmittedV1 = defineEvent(
  'ikm.knowledge-assets.asset.submitted.v1',
  z.object({ ...fullState, submittedAt: timestamp, actorId: z.string() }),
);

/** A version in review sent back to its owners as a draft, with the reviewer's reason. */
export const KnowledgeAssetSentBackV1 = defineEvent(
  'ikm.knowledge-assets.asset.sent-back.v1',
  z.object({ assetId: z.uuid(), version: z.number().int().positive(), versionNumber: z.number().int().positive(), reason: z.string(), sentBackAt: timestamp, actorId: z.string() }),
);

/** A published version replaced by a newer one of the same asset. */
export const KnowledgeAssetSupersededV1 = defineEvent(
  'ikm.knowledge-assets.asset.superseded.v1',
  z.object({
    assetId: z.uuid(),
    version: z.number().int().positive(),
    versionNumber: z.number().int().positive(),
    supersededBy: z.number().int().positive(),
    supersededAt: timestamp,
    actorId: z.string(),
  }),
);

/** What a review of an asset's freshness decides (review/): keep it (a new review-by date) or not. */
const reviewState = {
  assetId: z.uuid(),
  /**
   * The asset's revision when the event was written: a review date's change increments it (as an access
   * change does), the review-due notice and the usage summary do not change the asset and only report it.
   */
  version: z.number().int().positive(),
  /** The published version concerned. */
  versionNumber: z.number().int().positive(),
  publishingUnit: z.string(),
  reviewBy: z.iso.date(),
};

/**
 * A published asset reached its review-by date (the daily review job, once per asset and due date):
 * its unit's km_officer confirms it, starts a new version or retires it. `usageRank` is its place among
 * the assets found due in the same run, the most used (counted views and downloads over the last 365
 * days) first.
 */
export const KnowledgeAssetReviewDueV1 = defineEvent(
  'ikm.knowledge-assets.asset.review-due.v1',
  z.object({
    ...reviewState,
    title: multilingual,
    type: z.string(),
    views: z.number().int().nonnegative(),
    downloads: z.number().int().nonnegative(),
    usageRank: z.number().int().positive(),
    detectedAt: timestamp,
  }),
);

/**
 * An asset's review-by date set or moved: `confirmed` by a review (a km_officer or ikmu_admin kept the
 * published version as it is), or `set` by an owner on a draft or the published version.
 */
export const KnowledgeAssetReviewDateChangedV1 = defineEvent(
  'ikm.knowledge-assets.asset.review-date-changed.v1',
  z.object({ ...reviewState, kind: z.enum(['set', 'confirmed']), versionStatus: z.enum(ASSET_STATUSES), changedAt: timestamp, actorId: z.string() }),
);

/**
 * One asset's use on one day (UTC), counted by COUNTER's rules (usage/): published once per asset and
 * day that had any, by the daily job the day after, so metrics sums views, downloads and reuse without
 * an event per click. `reusedIn` is the number of ideas, discussions and knowledge-sharing events
 * citing it at the time of publishing.
 */
export const KnowledgeAssetUsageRecordedV1 = defineEvent(
  'ikm.knowledge-assets.asset.usage-recorded.v1',
  z.object({
    assetId: z.uuid(),
    day: z.iso.date(),
    views: z.number().int().nonnegative(),
    downloads: z.number().int().nonnegative(),
    uniqueUsers: z.number().int().nonnegative(),
    reusedIn: z.number().int().nonnegative(),
    recordedAt: timestamp,
  }),
);

export const KNOWLEDGE_ASSET_TOPIC = KnowledgeAssetPublishedV1.topic;
export const KNOWLEDGE_ASSETS_SERVICE_EVENTS = [
  KnowledgeAssetPublishedV1,
  KnowledgeAssetUpdatedV1,
  KnowledgeAssetRetiredV1,
  KnowledgeAssetDraftCreatedV1,
  KnowledgeAssetDraftUpdatedV1,
  KnowledgeAssetSubmittedV1,
  KnowledgeAssetSentBackV1,
  KnowledgeAssetSupersededV1,
  KnowledgeAssetReviewDueV1,
  KnowledgeAssetReviewDateChangedV1,
  KnowledgeAssetUsageRecordedV1,
] as const;
