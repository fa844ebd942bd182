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
  name: 'ideas' | 'metrics' | 'gateway';
  port: number;
  /** Empty for the gateway, which has no database. */
  databaseUrl: string;
}

export const TEST_SERVICES: Record<TestService['name'], TestService> = {
  ideas: { name: 'ideas', port: 13001, databaseUrl: databaseUrl('ikm_ideas_test') },
  metrics: { name: 'metrics', port: 13005, databaseUrl: databaseUrl('ikm_metrics_test') },
  gateway: { name: 'gateway', port: 13000, databaseUrl: '' },
};

/** The gateway's upstream map pointing at the test services. */
export const TEST_UPSTREAMS = `ideas=http://127.0.0.1:${TEST_SERVICES.ideas.port},metrics=http://127.0.0.1:${TEST_SERVICES.metrics.port}`;

export const KAFKA_SCRIPT_ENV = { KAFKA_PORT: String(TEST_KAFKA_PORT), KAFKA_STATE_DIR: TEST_KAFKA_STATE_DIR };

export function serviceEnv(service: TestService): NodeJS.ProcessEnv {
  return {
    NODE_ENV: 'test',
    PORT: String(service.port),
    DATABASE_URL: service.databaseUrl,
    KAFKA_BROKERS: TEST_KAFKA_BROKERS,
    AUTH_JWT_SECRET: TEST_JWT_SECRET,
    LOG_LEVEL: 'debug',
    GATEWAY_UPSTREAMS: TEST_UPSTREAMS,
  };
}
