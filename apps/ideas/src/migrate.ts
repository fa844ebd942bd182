import { createLogger } from '#ikm/observability';
import { migrateDatabase } from '#ikm/persistence';
import { loadIdeasMigrationConfig, SERVICE_NAME } from './config.js';
import { ideasDataSourceOptions } from './data-source.js';

/** `node dist/apps/ideas/src/migrate.js`: create the ideas database when missing and migrate it. */
const config = loadIdeasMigrationConfig();
await migrateDatabase(ideasDataSourceOptions(config.DATABASE_URL), createLogger(`${SERVICE_NAME}-migrate`, config.LOG_LEVEL));
