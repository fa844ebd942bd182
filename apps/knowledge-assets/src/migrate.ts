import { createLogger } from '#ikm/observability';
import { migrateDatabase } from '#ikm/persistence';
import { loadKnowledgeAssetsMigrationConfig, SERVICE_NAME } from './config.js';
import { knowledgeAssetsDataSourceOptions } from './data-source.js';

/** `node dist/apps/knowledge-assets/src/migrate.js`: create the knowledge-assets database when missing and migrate it. */
const config = loadKnowledgeAssetsMigrationConfig();
await migrateDatabase(knowledgeAssetsDataSourceOptions(config.DATABASE_URL), createLogger(`${SERVICE_NAME}-migrate`, config.LOG_LEVEL));
