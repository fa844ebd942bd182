import { loadServiceConfig } from '#ikm/config';

export const SERVICE_NAME = 'ideas';

export function loadIdeasConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadServiceConfig({ port: 3001, database: 'ikm_ideas' }, env);
}

export type IdeasConfig = ReturnType<typeof loadIdeasConfig>;
