import { CreateIdempotencyKeys1764250000000 } from '#ikm/idempotency';
import { CreateInbox1764190000001, CreateOutbox1764190000000, DropOutboxNotify1764240000000 } from '#ikm/messaging';
import type { ServiceDataSourceOptions } from '#ikm/persistence';
import { Challenge } from './challenge/challenge.entity.js';
import { Idea } from './idea/idea.entity.js';
import { CreateIdeas1764200000000 } from './migrations/1764200000000-create-ideas.js';
import { IdeasLifecycle1764230000000 } from './migrations/1764230000000-ideas-lifecycle.js';
import { KnowledgeAssetGeneratedSearch1764260100000 } from './migrations/1764260100000-knowledge-asset-generated-search.js';
import { KnowledgeAssetAccess1764300000004 } from './migrations/1764300000004-knowledge-asset-access.js';

/** Entities and migrations of the ideas database, shared by the service and its migrate command. */
export function ideasDataSourceOptions(url: string): ServiceDataSourceOptions {
  return {
    url,
    entities: [Idea, Challenge],
    migrations: [CreateOutbox1764190000000, CreateIdeas1764200000000, CreateInbox1764190000001, IdeasLifecycle1764230000000, DropOutboxNotify1764240000000, CreateIdempotencyKeys1764250000000, KnowledgeAssetGeneratedSearch1764260100000, KnowledgeAssetAccess1764300000004],
  };
}
