import { rmSync, mkdirSync } from 'node:fs';
import pg from 'pg';
import { databaseUrl, ensureLocalPostgres, kafkaScript, runMigrations } from '../../../scripts/platform.js';
import { KAFKA_SCRIPT_ENV, POSTGRES_SCRIPT_ENV, serviceEnv, TEST_KAFKA_STATE_DIR, TEST_LOG_DIR, TEST_SERVICES } from './test-environment.js';

/**
 * Jest global setup of the end-to-end project: a fresh broker and fresh, migrated databases, on a
 * PostgreSQL server of the tests' own when none answers at the configured address.
 */
export default async function globalSetup(): Promise<void> {
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

async function dropDatabase(url: string): Promise<void> {
  const admin = new URL(url);
  const name = admin.pathname.slice(1);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
