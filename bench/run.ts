import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { signDevelopmentToken } from '#ikm/auth';
import { REPO_ROOT } from '../scripts/platform.js';
import { BENCH, KAFKA_BROKERS } from './config.js';
import {
  prepareDatabases,
  startBaseline,
  startKafka,
  startService,
  stop,
  stopKafka,
  waitForOutput,
  waitReady,
  type Running,
} from './processes.js';
import { machine, markdown, writeResults, type Row } from './report.js';
import type { BenchContext } from './scenarios/context.js';
import { eventScenario } from './scenarios/events.js';
import { filesScenario } from './scenarios/files.js';
import { importsScenario } from './scenarios/imports.js';
import { readScenario } from './scenarios/read.js';
import { relayScenario } from './scenarios/relay.js';
import { replayScenario } from './scenarios/replay.js';
import { searchScenario } from './scenarios/search.js';
import { usageScenario } from './scenarios/usage.js';
import { writeScenario } from './scenarios/write.js';

/**
 * `npm run bench`: starts a broker, fresh databases, the platform (ideas, metrics, gateway) and the
 * baseline on the bench's own ports, runs every scenario against both, prints the markdown table and
 * writes bench/results/<date>.json. Everything it started is stopped at the end, also on failure.
 */
const processes: Partial<Record<'ideas' | 'metrics' | 'gateway' | 'baselineServer' | 'baselineConsumer', Running>> = {};
const log = (message: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

const kafkaWasRunning =
  spawnSync('bash', [path.join(REPO_ROOT, 'deploy', 'kafka', 'kafka.sh'), 'status'], {
    env: { ...process.env, KAFKA_PORT: String(BENCH.kafkaPort), KAFKA_STATE_DIR: BENCH.kafkaStateDir },
  }).status === 0;

async function startEverything(): Promise<void> {
  log(`starting Kafka on ${KAFKA_BROKERS}`);
  startKafka();
  log('recreating the bench databases and applying migrations');
  await prepareDatabases();
  processes.ideas = startService('ideas');
  processes.baselineServer = startBaseline('server');
  await waitReady(processes.ideas, `http://127.0.0.1:${BENCH.ideasPort}/health/ready`);
  await waitReady(processes.baselineServer, `http://127.0.0.1:${BENCH.baselinePort}/health`);
  processes.metrics = startService('metrics');
  await waitReady(processes.metrics, `http://127.0.0.1:${BENCH.metricsPort}/health/ready`);
  processes.baselineConsumer = startBaseline('consumer');
  await waitForOutput(processes.baselineConsumer, 'baseline consumer ready');
  processes.gateway = startService('gateway');
  await waitReady(processes.gateway, `http://127.0.0.1:${BENCH.gatewayPort}/health/ready`);
}

async function stopEverything(): Promise<void> {
  for (const running of [processes.gateway, processes.ideas, processes.metrics, processes.baselineServer, processes.baselineConsumer]) {
    await stop(running);
  }
  if (!kafkaWasRunning) stopKafka();
}

const SCENARIOS = ['write', 'events', 'read', 'relay', 'replay', 'files', 'search', 'imports', 'usage'] as const;
type Scenario = (typeof SCENARIOS)[number];

/** `npm run bench -- replay relay` runs only those scenarios (and the write one when they need it); none named: all. */
function selectedScenarios(): Set<Scenario> {
  const { positionals } = parseArgs({ allowPositionals: true, strict: true });
  const unknown = positionals.filter((name) => !(SCENARIOS as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`unknown scenario ${unknown.join(', ')}; known: ${SCENARIOS.join(', ')}`);
  return new Set(positionals.length > 0 ? (positionals as Scenario[]) : SCENARIOS);
}

async function main(): Promise<void> {
  const selected = selectedScenarios();
  const host = machine();
  // The search and usage scenarios need only PostgreSQL (usage starts its own service): run alone, they start nothing else.
  const searchOnly = [...selected].every((name) => name === 'search' || name === 'usage');
  if (!searchOnly) await startEverything();
  // Signed as the services expect in production: issuer and audience included.
  const benchTokenOptions = { issuer: BENCH.jwtIssuer, audience: BENCH.jwtAudience, expiresIn: '2h' };
  const context: BenchContext = {
    staffToken: await signDevelopmentToken(BENCH.jwtSecret, { sub: 'bench-staff', roles: ['staff'] }, benchTokenOptions),
    adminToken: await signDevelopmentToken(BENCH.jwtSecret, { sub: 'bench-admin', roles: ['ikmu_admin'] }, benchTokenOptions),
    ideaIds: { platform: [], baseline: [] },
  };
  const rows: Row[] = [];
  const details: Record<string, unknown> = {};
  const record = (name: string, result: { rows: Row[]; details: Record<string, unknown> }) => {
    rows.push(...result.rows);
    details[name] = result.details;
  };
  // Event latency and reads need the write scenario: its maximum rate and the ideas it created.
  if (selected.has('write') || selected.has('events') || selected.has('read')) {
    log('scenario 1: write');
    const write = await writeScenario(context);
    record('write', write);
    if (selected.has('events')) {
      log('scenario 3: event latency');
      record('events', await eventScenario(context, write.maxRateWrites));
    }
  }
  if (selected.has('read')) {
    log('scenario 2: read');
    record('read', await readScenario(context));
  }
  if (selected.has('relay')) {
    log('scenario 4: relay drain');
    record('relay', await relayScenario());
  }
  if (selected.has('replay')) {
    log('scenario 5: replay');
    record('replay', await replayScenario(context));
  }
  if (selected.has('files')) {
    log('scenario 7: files');
    record('files', await filesScenario(context, processes.gateway!));
  }
  if (selected.has('imports')) {
    log('scenario 8: bulk import');
    record('imports', await importsScenario());
  }
  if (selected.has('search')) {
    log('scenario 6: search');
    record('search', await searchScenario());
  }
  if (selected.has('usage')) {
    log('scenario 8: usage');
    record('usage', await usageScenario());
  }

  const file = writeResults(rows, host, details);
  console.log(markdown(rows, host));
  log(`results written to ${path.relative(REPO_ROOT, file)}; service logs in ${path.relative(REPO_ROOT, BENCH.logDir)}`);
}

// Ctrl-C or a kill stops what the bench started instead of leaving it running.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void stopEverything().finally(() => process.exit(130)));
}

try {
  await main();
} catch (error) {
  process.exitCode = 1;
  console.error(error);
} finally {
  await stopEverything();
}
