import type { ChildProcess } from 'node:child_process';
import { databaseUrl, GATEWAY, kafkaScript, localUpstreams, runMigrations, SERVICES, spawnService, type ServiceSpec } from './platform.js';

/**
 * `npm start`: the whole platform on this machine. Starts a local Kafka broker when none answers,
 * creates and migrates each service's database, then runs every service until Ctrl-C.
 */
const brokers = process.env.KAFKA_BROKERS ?? '127.0.0.1:9092';
const localBroker = /^(127\.0\.0\.1|localhost):\d+$/.exec(brokers);
if (localBroker) kafkaScript('start', { KAFKA_PORT: brokers.split(':')[1] });

const children: ChildProcess[] = [];
function run(service: ServiceSpec, env: NodeJS.ProcessEnv): void {
  const child = spawnService(service.name, { NODE_ENV: process.env.NODE_ENV ?? 'development', PORT: String(service.port), ...env });
  child.on('exit', (code, signal) => {
    console.error(`[start] ${service.name} exited (${signal ?? code})`);
    if (!stopping) shutdown(1);
  });
  children.push(child);
}

for (const service of SERVICES) {
  const env = {
    NODE_ENV: process.env.NODE_ENV ?? 'development',
    KAFKA_BROKERS: brokers,
    // The gateway on this machine: its X-Forwarded-* headers give the caller's address and path.
    TRUSTED_PROXIES: 'loopback',
    DATABASE_URL: process.env[`${service.name.toUpperCase()}_DATABASE_URL`] ?? databaseUrl(service.database ?? service.name),
  };
  if (service.database) runMigrations(service.name, env);
  run(service, env);
}
run(GATEWAY, { GATEWAY_UPSTREAMS: process.env.GATEWAY_UPSTREAMS ?? localUpstreams() });
console.error(
  `[start] front ends: http://127.0.0.1:${GATEWAY.port}/api/v1 (docs: http://127.0.0.1:${GATEWAY.port}/docs); ` +
    `services: ${SERVICES.map((s) => `${s.name} :${s.port}`).join(', ')}`,
);

let stopping = false;
function shutdown(code: number): void {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  void Promise.all(children.map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.on('exit', resolve))))).then(() =>
    process.exit(code),
  );
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));
