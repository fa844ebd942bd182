import { CreateIdempotencyKeys1764250000000 } from '#ikm/idempotency';
import { CreateInbox1764190000001, CreateOutbox1764190000000, DropOutboxNotify1764240000000 } from '#ikm/messaging';
import type { ServiceDataSourceOptions } from '#ikm/persistence';
import { Asset, AssetVersion } from './asset/asset.entity.js';
import { CreateAssets1764300000000 } from './migrations/1764300000000-create-assets.js';
import { CreateTaxonomy1764300000001 } from './migrations/1764300000001-create-taxonomy.js';
import { AssetFiles1764300000003 } from './migrations/1764300000003-asset-files.js';
import { CommunityMembersAndCapture1764300000004 } from './migrations/1764300000004-community-members-and-capture.js';
import { Search1764300000002 } from './migrations/1764300000002-search.js';
import { SearchTable1764300000005 } from './migrations/1764300000005-search-table.js';
import { Ingestion1764410000000 } from './migrations/1764410000000-ingestion.js';
import { HarvestSources1764420000000 } from './migrations/1764420000000-harvest-sources.js';
import { OaiItems1764400000000 } from './migrations/1764400000000-oai-items.js';
import { UsageAndReview1764430000000 } from './migrations/1764430000000-usage-and-review.js';
import { Foresight1764440000000 } from './migrations/1764440000000-foresight.js';
import { TAXONOMY_ENTITIES } from './taxonomy/concept.entity.js';

/** Entities and migrations of the knowledge-assets database, shared by the service and its migrate command. */
export function knowledgeAssetsDataSourceOptions(url: string): ServiceDataSourceOptions {
  return {
    url,
    entities: [Asset, AssetVersion, ...TAXONOMY_ENTITIES],
    // The shared tables first, in the order of their timestamps (the inbox waits for the first consumer).
    migrations: [CreateOutbox1764190000000, CreateInbox1764190000001, DropOutboxNotify1764240000000, CreateIdempotencyKeys1764250000000, CreateAssets1764300000000, CreateTaxonomy1764300000001, Search1764300000002, AssetFiles1764300000003, CommunityMembersAndCapture1764300000004, SearchTable1764300000005, OaiItems1764400000000, Ingestion1764410000000, HarvestSources1764420000000, UsageAndReview1764430000000, Foresight1764440000000],
  };
}
