import { z } from 'zod';
import { defineEvent } from './event-contract.js';

/** Access levels of a knowledge asset: consumers must not show restricted assets to everyone. */
export const ACCESS_LEVELS = ['public', 'internal', 'restricted'] as const;

/** A text in several languages, keyed by BCP 47 language code; at least one. */
const multilingual = z.record(z.string().min(2).max(8), z.string()).refine((texts) => Object.keys(texts).length > 0, 'at least one language');

const assetState = {
  assetId: z.uuid(),
  version: z.number().int().positive(),
  type: z.string(),
  title: multilingual,
  abstract: multilingual.optional(),
  subjects: z.array(z.string()),
  languages: z.array(z.string()),
  accessLevel: z.enum(ACCESS_LEVELS),
  url: z.url().nullable().optional(),
};

/** Published assets: the full state, so a consumer can keep a replica from these events alone. */
export const KnowledgeAssetPublishedV1 = defineEvent(
  'ikm.knowledge-assets.asset.published.v1',
  z.object({ ...assetState, publishedAt: z.iso.datetime() }),
);

/** A published asset's metadata corrected: again the full state. */
export const KnowledgeAssetUpdatedV1 = defineEvent(
  'ikm.knowledge-assets.asset.updated.v1',
  z.object({ ...assetState, updatedAt: z.iso.datetime() }),
);

export const KnowledgeAssetRetiredV1 = defineEvent(
  'ikm.knowledge-assets.asset.retired.v1',
  z.object({ assetId: z.uuid(), version: z.number().int().positive(), retiredAt: z.iso.datetime() }),
);

export const KNOWLEDGE_ASSET_TOPIC = KnowledgeAssetPublishedV1.topic;
export const KNOWLEDGE_ASSETS_SERVICE_EVENTS = [KnowledgeAssetPublishedV1, KnowledgeAssetUpdatedV1, KnowledgeAssetRetiredV1] as const;
