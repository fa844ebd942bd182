import { loadMigrationConfig, loadServiceConfig } from '#ikm/config';
import { backendService } from '#ikm/contracts';

/** Name, port, database and consumer group: as declared in libs/contracts BACKEND_SERVICES. */
const SERVICE = backendService('ideas');

export const SERVICE_NAME = SERVICE.name;
/** Consumer group of the ideas service, and its name in the inbox. */
export const CONSUMER_GROUP = SERVICE.consumerGroup;
/** The topics its outbox relay publishes to. */
export const PRODUCED_TOPICS = Object.keys(SERVICE.produces);

const DEFAULTS = { port: SERVICE.port, database: SERVICE.database };

export function loadIdeasConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadServiceConfig(DEFAULTS, env);
}

export function loadIdeasMigrationConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadMigrationConfig(DEFAULTS, env);
}

export type IdeasConfig = ReturnType<typeof loadIdeasConfig>;
