import { BACKEND_SERVICES, backendService, GATEWAY_SERVICE, gatewayUpstreams } from '#ikm/contracts';
import path from 'node:path';
import { REPO_ROOT, databaseUrl } from '../scripts/platform.js';

/** A declared port (libs/contracts) shifted into the bench's range. */
const benchPort = (service: { port: number }): number => 20_000 + service.port;
const ideas = backendService('ideas');
const metrics = backendService('metrics');
const knowledgeAssets = backendService('knowledge-assets');

/**
 * Ports, databases and the broker of the benchmark: all distinct from `npm start` (3000-3005, 9092) and
 * from the end-to-end tests (13000-13100, 19092), so a bench can run beside both.
 */
export const BENCH = {
  kafkaPort: 29092,
  kafkaStateDir: path.join(REPO_ROOT, '.run', 'kafka-bench'),
  logDir: path.join(REPO_ROOT, '.run', 'bench-logs'),
  resultsDir: path.join(REPO_ROOT, 'bench', 'results'),
  gatewayPort: benchPort(GATEWAY_SERVICE),
  ideasPort: benchPort(ideas),
  metricsPort: benchPort(metrics),
  knowledgeAssetsPort: benchPort(knowledgeAssets),
  baselinePort: 23100,
  ideasDb: `${ideas.database}_bench`,
  metricsDb: `${metrics.database}_bench`,
  baselineDb: 'ikm_baseline_bench',
  /** The search scenario's generated assets (its baseline table lives beside them). */
  knowledgeAssetsDb: 'ikm_knowledge_assets_bench',
  /** The baseline's consumer side: a database of its own, as metrics has (both schemas now have an `experiments` table). */
  baselineEventsDb: 'ikm_baseline_events_bench',
  /** The baseline's own topic, so its events never reach the platform's consumer. */
  baselineTopic: 'bench.baseline.idea',
  metricsConsumerGroup: metrics.consumerGroup,
  baselineConsumerGroup: 'bench.baseline',
  jwtSecret: 'ikm-bench-secret-0123456789abcdefghijklmnop',
  jwtIssuer: 'https://idp.bench.ikm.test',
  jwtAudience: 'ikm-platform',
} as const;

/** The bench's gateway routes to every declared service on its bench port. */
export const BENCH_UPSTREAMS = gatewayUpstreams(BACKEND_SERVICES.map((service) => ({ name: service.name, port: benchPort(service) })));

export const KAFKA_BROKERS = `127.0.0.1:${BENCH.kafkaPort}`;
export const KAFKA_SCRIPT_ENV = { KAFKA_PORT: String(BENCH.kafkaPort), KAFKA_STATE_DIR: BENCH.kafkaStateDir };

export const dbUrl = (database: string): string => databaseUrl(database);

/** Rates, durations and sizes of the scenarios; small enough that a whole run stays under ten minutes. */
export const PLAN = {
  writeRate: 300,
  readRate: 1_000,
  eventRate: 100,
  fixedRateSeconds: 20,
  /** Before each fixed-rate measurement, at its rate. */
  warmupSeconds: 15,
  throughputSeconds: 15,
  throughputConnections: 16,
  relayRows: 50_000,
  replayEvents: 100_000,
  /** Quiet before a burst of reads: longer than pg's default idle timeout of pooled connections (10 s). */
  quietSeconds: 20,
  burstRequests: 16,
} as const;

/** The first targets, on a 2-core machine running everything. */
export const TARGETS = {
  writeP99Ms: 30,
  readP99Ms: 15,
  eventP99Ms: 500,
  relayEventsPerSecond: 2_000,
  replayEventsPerSecond: 5_000,
  searchP95Ms: 30,
} as const;
