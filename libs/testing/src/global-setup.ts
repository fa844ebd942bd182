import { spawnSync } from 'node:child_process';
import { rmSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { databaseUrl, ensureLocalPostgres, kafkaScript, REPO_ROOT, runMigrations } from '../../../scripts/platform.js';
import { dropDatabase } from './test-database.js';
import { KAFKA_SCRIPT_ENV, POSTGRES_SCRIPT_ENV, serviceEnv, TEST_KAFKA_STATE_DIR, TEST_LOG_DIR, TEST_SERVICES } from './test-environment.js';

/**
 * Jest global setup of the end-to-end project: a fresh broker and fresh, migrated databases (on a
 * PostgreSQL server of the tests' own when none answers at the configured address), and a browser.
 */
export default async function globalSetup(): Promise<void> {
  // For the Swagger UI test; when it cannot be installed, that test fails saying so.
  spawnSync('bash', [path.join(REPO_ROOT, 'scripts', 'ensure-chromium.sh')], { stdio: ['ignore', 'inherit', 'inherit'] });
  spawnSync('bash', [path.join(REPO_ROOT, 'scripts', 'ensure-xmllint.sh')], { stdio: ['ignore', 'inherit', 'inherit'] });
  kafkaScript('stop', KAFKA_SCRIPT_ENV);
  rmSync(TEST_KAFKA_STATE_DIR, { recursive: true, force: true });
  rmSync(TEST_LOG_DIR, { recursive: true, force: true });
  mkdirSync(TEST_LOG_DIR, { recursive: true });
  kafkaScript('start', KAFKA_SCRIPT_ENV);
  ensureLocalPostgres(databaseUrl('postgres'), POSTGRES_SCRIPT_ENV);
  for (const service of Object.values(TEST_SERVICES).filter((candidate) => candidate.databaseUrl)) {
    await dropDatabase(service.databaseUrl);
    runMigrations(service.name, serviceEnv(service));
  }
}
