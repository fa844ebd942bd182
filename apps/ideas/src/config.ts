import { loadMigrationConfig, loadServiceConfig } from '#ikm/config';

export const SERVICE_NAME = 'ideas';

const DEFAULTS = { port: 3001, database: 'ikm_ideas' };

export function loadIdeasConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadServiceConfig(DEFAULTS, env);
}

export function loadIdeasMigrationConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadMigrationConfig(DEFAULTS, env);
}

export type IdeasConfig = ReturnType<typeof loadIdeasConfig>;
