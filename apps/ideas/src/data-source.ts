import { CreateOutbox1764190000000 } from '#ikm/messaging';
import type { ServiceDataSourceOptions } from '#ikm/persistence';
import { Idea } from './idea/idea.entity.js';
import { CreateIdeas1764200000000 } from './migrations/1764200000000-create-ideas.js';

/** Entities and migrations of the ideas database, shared by the service and its migrate command. */
export function ideasDataSourceOptions(url: string): ServiceDataSourceOptions {
  return {
    url,
    entities: [Idea],
    migrations: [CreateOutbox1764190000000, CreateIdeas1764200000000],
  };
}
