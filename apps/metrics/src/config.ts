import { loadMigrationConfig, loadServiceConfig } from '#ikm/config';
import { backendService } from '#ikm/contracts';

/** Name, port, database and consumer group: as declared in libs/contracts BACKEND_SERVICES. */
const SERVICE = backendService('metrics');

export const SERVICE_NAME = SERVICE.name;
/** Consumer group of the metrics service, and its name in the inbox. */
export const CONSUMER_GROUP = SERVICE.consumerGroup;

const DEFAULTS = { port: SERVICE.port, database: SERVICE.database };

export function loadMetricsConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadServiceConfig(DEFAULTS, env);
}

export function loadMetricsMigrationConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadMigrationConfig(DEFAULTS, env);
}

export type MetricsConfig = ReturnType<typeof loadMetricsConfig>;
