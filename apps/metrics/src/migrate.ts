import { createLogger } from '#ikm/observability';
import { migrateDatabase } from '#ikm/persistence';
import { loadMetricsMigrationConfig, SERVICE_NAME } from './config.js';
import { metricsDataSourceOptions } from './data-source.js';

/** `node dist/apps/metrics/src/migrate.js`: create the metrics database when missing and migrate it. */
const config = loadMetricsMigrationConfig();
await migrateDatabase(metricsDataSourceOptions(config.DATABASE_URL), createLogger(`${SERVICE_NAME}-migrate`, config.LOG_LEVEL));
