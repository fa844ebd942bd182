import path from 'node:path';
import { databaseUrl, REPO_ROOT } from '../../../scripts/platform.js';

/**
 * The end-to-end tests own their infrastructure: a Kafka broker on its own port and state directory
 * (so a test can stop and restart it without touching a developer's broker) and their own databases.
 */
export const TEST_KAFKA_PORT = 19092;
export const TEST_KAFKA_STATE_DIR = path.join(REPO_ROOT, '.run', 'kafka-test');
export const TEST_KAFKA_BROKERS = `127.0.0.1:${TEST_KAFKA_PORT}`;
export const TEST_LOG_DIR = path.join(REPO_ROOT, '.run', 'test-logs');
export const TEST_JWT_SECRET = 'ikm-test-secret-0123456789abcdef0123456789';

export interface TestService {
  name: 'ideas' | 'metrics';
  port: number;
  databaseUrl: string;
}

export const TEST_SERVICES: Record<TestService['name'], TestService> = {
  ideas: { name: 'ideas', port: 13001, databaseUrl: databaseUrl('ikm_ideas_test') },
  metrics: { name: 'metrics', port: 13005, databaseUrl: databaseUrl('ikm_metrics_test') },
};

export const KAFKA_SCRIPT_ENV = { KAFKA_PORT: String(TEST_KAFKA_PORT), KAFKA_STATE_DIR: TEST_KAFKA_STATE_DIR };

export function serviceEnv(service: TestService): NodeJS.ProcessEnv {
  return {
    NODE_ENV: 'test',
    PORT: String(service.port),
    DATABASE_URL: service.databaseUrl,
    KAFKA_BROKERS: TEST_KAFKA_BROKERS,
    AUTH_JWT_SECRET: TEST_JWT_SECRET,
    LOG_LEVEL: 'debug',
    KAFKAJS_NO_PARTITIONER_WARNING: '1',
  };
}
