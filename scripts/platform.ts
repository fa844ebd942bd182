import { BACKEND_SERVICES, GATEWAY_SERVICE, gatewayUpstreams } from '#ikm/contracts';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** Repository root, from dist/scripts or from scripts/ alike. */
export const REPO_ROOT = path.resolve(fileURLToPath(import.meta.url), '..', ...(import.meta.url.includes('/dist/') ? ['..', '..'] : ['..']));

export interface ServiceSpec {
  name: string;
  port: number;
  /** Services with state own a database; the gateway has none. */
  database?: string;
}

/** The services behind the gateway, as declared in libs/contracts: `npm start` migrates, runs and routes to each. */
export const SERVICES: readonly ServiceSpec[] = BACKEND_SERVICES;

export const GATEWAY: ServiceSpec = GATEWAY_SERVICE;

/** The gateway's upstream map for services on this machine. */
export function localUpstreams(services: readonly ServiceSpec[] = SERVICES): string {
  return gatewayUpstreams(services);
}

/** A service's own variable for `npm start`: `IDEAS_PORT`, `KNOWLEDGE_ASSETS_DATABASE_URL` (no hyphens in a shell name). */
export function serviceVariable(service: string, variable: 'PORT' | 'DATABASE_URL'): string {
  return `${service.toUpperCase().replaceAll('-', '_')}_${variable}`;
}

export function serviceEntry(service: string, entry: 'main' | 'migrate'): string {
  return path.join(REPO_ROOT, 'dist', 'apps', service, 'src', `${entry}.js`);
}

export function databaseUrl(database: string): string {
  const base = process.env.PGHOST_URL ?? 'postgres://postgres@127.0.0.1:5432';
  return `${base}/${database}`;
}

type DeployCommand = 'start' | 'stop' | 'status';

function deployScript(server: 'kafka' | 'postgres', command: DeployCommand, env: NodeJS.ProcessEnv): void {
  const result = spawnSync('bash', [path.join(REPO_ROOT, 'deploy', server, `${server}.sh`), command], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) throw new Error(`${server}.sh ${command} exited with ${result.status}`);
}

/** Runs deploy/kafka/kafka.sh, which starts a broker only when none answers on the port. */
export function kafkaScript(command: DeployCommand, env: NodeJS.ProcessEnv = {}): void {
  deployScript('kafka', command, env);
}

/** Runs deploy/postgres/postgres.sh, which starts a server only when none answers on the port. */
export function postgresScript(command: DeployCommand, env: NodeJS.ProcessEnv = {}): void {
  deployScript('postgres', command, env);
}

/**
 * Starts a local PostgreSQL server (postgres.sh) when a database URL points at this machine and
 * nothing answers there; a server elsewhere is the operator's to run.
 */
export function ensureLocalPostgres(databaseUrl: string, env: NodeJS.ProcessEnv = {}): void {
  const { hostname, port } = new URL(databaseUrl);
  if (hostname !== '127.0.0.1' && hostname !== 'localhost') return;
  postgresScript('start', { POSTGRES_PORT: port || '5432', ...env });
}

/** Where a service's database is: its `<NAME>_DATABASE_URL` when set, else its database on the local server. */
export function serviceDatabaseUrl(service: ServiceSpec): string {
  return process.env[serviceVariable(service.name, 'DATABASE_URL')] ?? databaseUrl(service.database ?? service.name);
}

/**
 * Starts each local PostgreSQL server that the databases are on, once, however many of the databases
 * one server holds (every service's, by default).
 */
export function ensureLocalPostgresServers(databaseUrls: readonly string[], ensure: (databaseUrl: string) => void = ensureLocalPostgres): void {
  const oneUrlPerServer = new Map(databaseUrls.map((url) => [new URL(url).host, url]));
  for (const url of oneUrlPerServer.values()) ensure(url);
}

export function runMigrations(service: string, env: NodeJS.ProcessEnv): void {
  const result = spawnSync(process.execPath, [serviceEntry(service, 'migrate')], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) throw new Error(`migrations of ${service} failed (exit ${result.status})`);
}

/** `stdio` is where the service's output goes: this terminal, a pipe to the caller, or an open file. */
export function spawnService(service: string, env: NodeJS.ProcessEnv, stdio: 'inherit' | 'pipe' | number = 'inherit'): ChildProcess {
  return spawn(process.execPath, ['--enable-source-maps', serviceEntry(service, 'main')], {
    env: { ...process.env, ...env },
    stdio: ['ignore', stdio, stdio],
  });
}
