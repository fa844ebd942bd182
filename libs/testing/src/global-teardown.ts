import { kafkaScript, postgresScript } from '../../../scripts/platform.js';
import { KAFKA_SCRIPT_ENV, POSTGRES_SCRIPT_ENV } from './test-environment.js';

export default async function globalTeardown(): Promise<void> {
  kafkaScript('stop', KAFKA_SCRIPT_ENV);
  // Stops the tests' own PostgreSQL server, when global setup had to start one.
  postgresScript('stop', POSTGRES_SCRIPT_ENV);
}
