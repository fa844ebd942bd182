import { BACKEND_SERVICES, GATEWAY_SERVICE, gatewayUpstreams, type ServiceName } from '#ikm/contracts';
import path from 'node:path';
import { databaseUrl, REPO_ROOT } from '../../../scripts/platform.js';

/**
 * The end-to-end tests own their infrastructure: a Kafka broker on its own port and state directory
 * (so a test can stop and restart it without touching a developer's broker) and their own databases.
 * IKM_TEST_INSTANCE=N (default 0) shifts every port by 100·N and suffixes the databases, so that two
 * checkouts can run their suites side by side on one machine.
 */
const INSTANCE = Number(process.env.IKM_TEST_INSTANCE ?? 0);

export function testPort(base: number): number {
  return base + 100 * INSTANCE;
}

/** A test database's URL: one per suite instance (IKM_TEST_INSTANCE). */
export function testDatabase(name: string): string {
  return databaseUrl(INSTANCE ? `${name}_${INSTANCE}` : name);
}

export const TEST_KAFKA_PORT = testPort(19092);
export const TEST_KAFKA_STATE_DIR = path.join(REPO_ROOT, '.run', 'kafka-test');
export const TEST_KAFKA_BROKERS = `127.0.0.1:${TEST_KAFKA_PORT}`;
export const TEST_LOG_DIR = path.join(REPO_ROOT, '.run', 'test-logs');
export const TEST_JWT_SECRET = 'ikm-test-secret-0123456789abcdef0123456789';

export interface TestService {
  name: ServiceName;
  port: number;
  /** Empty for the gateway, which has no database. */
  databaseUrl: string;
}

/** A declared port shifted into the tests' range (13000-13099, then by the instance). */
const testPortOf = (service: { port: number }): number => testPort(10_000 + service.port);

const TEST_BACKENDS: TestService[] = BACKEND_SERVICES.map((service) => ({
  name: service.name,
  port: testPortOf(service),
  databaseUrl: testDatabase(`${service.database}_test`),
}));

/** Every declared service (libs/contracts), on the tests' ports and databases. */
export const TEST_SERVICES = Object.fromEntries([
  ...TEST_BACKENDS.map((service) => [service.name, service] as const),
  [GATEWAY_SERVICE.name, { name: GATEWAY_SERVICE.name, port: testPortOf(GATEWAY_SERVICE), databaseUrl: '' }],
]) as Record<ServiceName, TestService>;

/** The gateway's upstream map pointing at the test services. */
export const TEST_UPSTREAMS = gatewayUpstreams(TEST_BACKENDS);

export const KAFKA_SCRIPT_ENV = { KAFKA_PORT: String(TEST_KAFKA_PORT), KAFKA_STATE_DIR: TEST_KAFKA_STATE_DIR };

/** Where a PostgreSQL server started for the tests keeps its data: apart from the one of `npm start`. */
export const POSTGRES_SCRIPT_ENV = {
  POSTGRES_PORT: new URL(databaseUrl('postgres')).port || '5432',
  POSTGRES_STATE_DIR: path.join(REPO_ROOT, '.run', 'postgres-test'),
};

export function serviceEnv(service: TestService): NodeJS.ProcessEnv {
  return {
    NODE_ENV: 'test',
    PORT: String(service.port),
    DATABASE_URL: service.databaseUrl,
    KAFKA_BROKERS: TEST_KAFKA_BROKERS,
    AUTH_JWT_SECRET: TEST_JWT_SECRET,
    LOG_LEVEL: 'debug',
    GATEWAY_UPSTREAMS: TEST_UPSTREAMS,
    // As in `npm start`: the services believe the gateway on this machine; the gateway believes no one.
    ...(service.name === 'gateway' ? {} : { TRUSTED_PROXIES: 'loopback' }),
  };
}
