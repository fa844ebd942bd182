import { loadMigrationConfig, loadServiceConfig } from '#ikm/config';

export const SERVICE_NAME = 'ideas';
/** Consumer group of the ideas service, and its name in the inbox. */
export const CONSUMER_GROUP = 'ikm.ideas';

const DEFAULTS = { port: 3001, database: 'ikm_ideas' };

export function loadIdeasConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadServiceConfig(DEFAULTS, env);
}

export function loadIdeasMigrationConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadMigrationConfig(DEFAULTS, env);
}

export type IdeasConfig = ReturnType<typeof loadIdeasConfig>;
