import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { kafkaScript, REPO_ROOT, runMigrations, spawnService } from '../scripts/platform.js';
import { BENCH, BENCH_UPSTREAMS, dbUrl, KAFKA_BROKERS, KAFKA_SCRIPT_ENV } from './config.js';

/** A process the bench started, with its output in .run/bench-logs/<name>.log. */
export interface Running {
  name: string;
  child: ChildProcess;
}

const serviceEnv = {
  // Production settings (log level info, no development defaults), with an explicit HS256 secret and
  // the issuer and audience that production requires.
  NODE_ENV: 'production',
  HOST: '127.0.0.1',
  AUTH_JWT_SECRET: BENCH.jwtSecret,
  AUTH_JWT_ISSUER: BENCH.jwtIssuer,
  AUTH_JWT_AUDIENCE: BENCH.jwtAudience,
  KAFKA_BROKERS,
  LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
};

export function startKafka(): void {
  kafkaScript('start', KAFKA_SCRIPT_ENV);
}

export function stopKafka(): void {
  kafkaScript('stop', KAFKA_SCRIPT_ENV);
}

/** Every run starts from empty databases, so table sizes and results do not depend on earlier runs. */
export async function recreateDatabase(database: string): Promise<void> {
  const admin = new pg.Client({ connectionString: dbUrl('postgres') });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${database}`);
  } finally {
    await admin.end();
  }
}

export async function prepareDatabases(): Promise<void> {
  for (const database of [BENCH.ideasDb, BENCH.metricsDb, BENCH.baselineDb, BENCH.baselineEventsDb]) await recreateDatabase(database);
  runMigrations('ideas', { DATABASE_URL: dbUrl(BENCH.ideasDb), LOG_LEVEL: 'warn' });
  runMigrations('metrics', { DATABASE_URL: dbUrl(BENCH.metricsDb), LOG_LEVEL: 'warn' });
  // The baseline runs the very same schemas (ideas + outbox; inbox + event_log + funnel), one database each.
  runMigrations('ideas', { DATABASE_URL: dbUrl(BENCH.baselineDb), LOG_LEVEL: 'warn' });
  runMigrations('metrics', { DATABASE_URL: dbUrl(BENCH.baselineEventsDb), LOG_LEVEL: 'warn' });
}

/**
 * The process's output goes straight into its log file: piped through the bench process, whose event
 * loop also generates the load, thousands of log lines a second would delay the requests it sends.
 */
function logFile(name: string): number {
  mkdirSync(BENCH.logDir, { recursive: true });
  return openSync(logPath(name), 'w');
}

const logPath = (name: string): string => path.join(BENCH.logDir, `${name}.log`);

function started(name: string, fd: number, child: ChildProcess): Running {
  closeSync(fd); // the child has its own copy
  return { name, child };
}

export function startService(name: 'ideas' | 'metrics' | 'gateway' | 'knowledge-assets', extraEnv: NodeJS.ProcessEnv = {}): Running {
  const env: NodeJS.ProcessEnv = { ...serviceEnv };
  // The services believe the bench's gateway, as they believe theirs in production.
  if (name === 'ideas') Object.assign(env, { PORT: String(BENCH.ideasPort), DATABASE_URL: dbUrl(BENCH.ideasDb), TRUSTED_PROXIES: 'loopback' });
  if (name === 'metrics') Object.assign(env, { PORT: String(BENCH.metricsPort), DATABASE_URL: dbUrl(BENCH.metricsDb), TRUSTED_PROXIES: 'loopback' });
  if (name === 'knowledge-assets') {
    Object.assign(env, { PORT: String(BENCH.knowledgeAssetsPort), DATABASE_URL: dbUrl(BENCH.knowledgeAssetsDb), TRUSTED_PROXIES: 'loopback' });
  }
  if (name === 'gateway') {
    Object.assign(env, {
      PORT: String(BENCH.gatewayPort),
      GATEWAY_UPSTREAMS: BENCH_UPSTREAMS,
      // The benchmark sends far more than any person would: the limits must not turn it into 429s.
      RATE_LIMIT_PER_SUBJECT: '100000000',
      RATE_LIMIT_PER_IP: '100000000',
    });
  }
  Object.assign(env, extraEnv);
  const fd = logFile(name);
  return started(name, fd, spawnService(name, env, fd));
}

/** The baseline's two processes, mirroring ideas (HTTP + relay) and metrics (consumer). */
export function startBaseline(part: 'server' | 'consumer'): Running {
  const fd = logFile(`baseline-${part}`);
  const entry = path.join(REPO_ROOT, 'dist', 'bench', 'baseline', `${part}.js`);
  const child = spawn(process.execPath, [entry], {
    env: {
      ...process.env,
      PORT: String(BENCH.baselinePort),
      DATABASE_URL: dbUrl(part === 'server' ? BENCH.baselineDb : BENCH.baselineEventsDb),
      KAFKA_BROKERS,
      AUTH_JWT_SECRET: BENCH.jwtSecret,
    },
    stdio: ['ignore', fd, fd],
  });
  return started(`baseline-${part}`, fd, child);
}

/** Waits until a URL answers 200 (a service's readiness), failing early if the process died. */
export async function waitReady(running: Running, url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (running.child.exitCode !== null) throw new Error(`${running.name} exited (${running.child.exitCode}); see ${BENCH.logDir}`);
    const ok = await fetch(url).then((response) => response.ok, () => false);
    if (ok) return;
    await sleep(250);
  }
  throw new Error(`${running.name} not ready at ${url} within ${timeoutMs} ms`);
}

/** Waits until a process prints a line containing `marker` (for processes without HTTP). */
export async function waitForOutput(running: Running, marker: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (running.child.exitCode !== null) throw new Error(`${running.name} exited (${running.child.exitCode}); see ${BENCH.logDir}`);
    if (readFileSync(logPath(running.name), 'utf8').includes(marker)) return;
    await sleep(250);
  }
  throw new Error(`${running.name} did not print "${marker}" within ${timeoutMs} ms`);
}

/** SIGTERM, and SIGKILL if the process has not exited after 10 s. */
export async function stop(running: Running | undefined): Promise<void> {
  const child = running?.child;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(killer);
}
