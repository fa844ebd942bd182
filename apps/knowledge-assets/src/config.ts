import { loadMigrationConfig, loadServiceConfig } from '#ikm/config';
import { backendService } from '#ikm/contracts';
import { loadFileSettings } from './file/file.config.js';
import { loadImportSettings } from './import/import.config.js';
import { loadOaiPmhSettings } from './oai-pmh/oai-pmh.config.js';
import { loadReviewSettings } from './review/review.config.js';
import { loadUsageSettings } from './usage/usage.config.js';

/** Name, port, database and consumer group: as declared in libs/contracts BACKEND_SERVICES. */
const SERVICE = backendService('knowledge-assets');

export const SERVICE_NAME = SERVICE.name;
/** Consumer group of the service, and its name in the inbox. */
export const CONSUMER_GROUP = SERVICE.consumerGroup;
/** The topics its outbox relay publishes to. */
export const PRODUCED_TOPICS = Object.keys(SERVICE.produces);

const DEFAULTS = { port: SERVICE.port, database: SERVICE.database };

export function loadKnowledgeAssetsConfig(env: NodeJS.ProcessEnv = process.env) {
  return { ...loadServiceConfig(DEFAULTS, env), ...loadFileSettings(env), ...loadImportSettings(env), ...loadOaiPmhSettings(env), ...loadReviewSettings(env), ...loadUsageSettings(env) };
}

export function loadKnowledgeAssetsMigrationConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadMigrationConfig(DEFAULTS, env);
}

export type KnowledgeAssetsConfig = ReturnType<typeof loadKnowledgeAssetsConfig>;
