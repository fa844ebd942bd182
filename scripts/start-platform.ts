import { createLogger } from '#ikm/observability';
import { ensureLocalPostgresServers, GATEWAY, kafkaScript, localUpstreams, runMigrations, SERVICES, serviceDatabaseUrl, serviceVariable, spawnService, type ServiceSpec } from './platform.js';
import { Supervisor } from './supervisor.js';

/**
 * `npm start`: the whole platform on this machine. Starts a local Kafka broker and a local PostgreSQL
 * server when none answers, creates and migrates each service's database, then runs every service
 * until Ctrl-C, restarting one that crashes.
 */
const logger = createLogger('start');
const brokers = process.env.KAFKA_BROKERS ?? '127.0.0.1:9092';
const localBroker = /^(127\.0\.0\.1|localhost):\d+$/.exec(brokers);
if (localBroker) kafkaScript('start', { KAFKA_PORT: brokers.split(':')[1] });

/** `<NAME>_PORT` moves a process off its usual port, e.g. when another program holds it. */
function withPort(service: ServiceSpec): ServiceSpec {
  return { ...service, port: Number(process.env[serviceVariable(service.name, 'PORT')] ?? service.port) };
}
const services = SERVICES.map(withPort);
const gateway = withPort(GATEWAY);
const NODE_ENV = process.env.NODE_ENV ?? 'development';

const serviceEnvs = services.map((service) => ({
  service,
  env: {
    NODE_ENV,
    PORT: String(service.port),
    KAFKA_BROKERS: brokers,
    // The gateway on this machine: its X-Forwarded-* headers give the caller's address and path.
    TRUSTED_PROXIES: 'loopback',
    DATABASE_URL: serviceDatabaseUrl(service),
  },
}));
ensureLocalPostgresServers(serviceEnvs.map(({ env }) => env.DATABASE_URL));

const supervisor = new Supervisor(logger);
for (const { service, env } of serviceEnvs) {
  if (service.database) runMigrations(service.name, env);
  supervisor.supervise(service.name, () => spawnService(service.name, env));
}
supervisor.supervise(gateway.name, () =>
  spawnService(gateway.name, { NODE_ENV, PORT: String(gateway.port), GATEWAY_UPSTREAMS: process.env.GATEWAY_UPSTREAMS ?? localUpstreams(services) }),
);
logger.info(
  `front ends: http://127.0.0.1:${gateway.port}/api/v1 (docs: http://127.0.0.1:${gateway.port}/docs); ` +
    `services: ${services.map((s) => `${s.name} :${s.port}`).join(', ')}`,
);

let stopping = false;
function shutdown(): void {
  if (stopping) return;
  stopping = true;
  logger.info('stopping every process');
  void supervisor.stop().then(() => process.exit(0));
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
