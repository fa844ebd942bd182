import { loadMigrationConfig, loadServiceConfig } from '#ikm/config';

export const SERVICE_NAME = 'metrics';
/** Consumer group of the metrics service, and its name in the inbox. */
export const CONSUMER_GROUP = 'ikm.metrics';

const DEFAULTS = { port: 3005, database: 'ikm_metrics' };

export function loadMetricsConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadServiceConfig(DEFAULTS, env);
}

export function loadMetricsMigrationConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadMigrationConfig(DEFAULTS, env);
}

export type MetricsConfig = ReturnType<typeof loadMetricsConfig>;
