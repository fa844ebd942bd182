import { rmSync, mkdirSync } from 'node:fs';
import { kafkaScript, runMigrations } from '../../../scripts/platform.js';
import { dropDatabase } from './test-database.js';
import { KAFKA_SCRIPT_ENV, serviceEnv, TEST_KAFKA_STATE_DIR, TEST_LOG_DIR, TEST_SERVICES } from './test-environment.js';

/** Jest global setup of the end-to-end project: a fresh broker and fresh, migrated databases. */
export default async function globalSetup(): Promise<void> {
  kafkaScript('stop', KAFKA_SCRIPT_ENV);
  rmSync(TEST_KAFKA_STATE_DIR, { recursive: true, force: true });
  rmSync(TEST_LOG_DIR, { recursive: true, force: true });
  mkdirSync(TEST_LOG_DIR, { recursive: true });
  kafkaScript('start', KAFKA_SCRIPT_ENV);
  for (const service of Object.values(TEST_SERVICES).filter((candidate) => candidate.databaseUrl)) {
    await dropDatabase(service.databaseUrl);
    runMigrations(service.name, serviceEnv(service));
  }
}
