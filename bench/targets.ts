import { BENCH, dbUrl } from './config.js';

/** One side of the comparison: where its HTTP answers and where its events end up. */
export interface Target {
  name: 'platform' | 'baseline';
  origin: string;
  /** Path of the ideas collection on this target. */
  ideasPath: string;
  ideasDbUrl: string;
  /** The database holding `event_log` and `funnel_ideas`. */
  eventsDbUrl: string;
  topic: string;
  consumerGroup: string;
}

export const PLATFORM: Target = {
  name: 'platform',
  origin: `http://127.0.0.1:${BENCH.gatewayPort}`,
  ideasPath: '/api/v1/ideas',
  ideasDbUrl: dbUrl(BENCH.ideasDb),
  eventsDbUrl: dbUrl(BENCH.metricsDb),
  topic: 'ikm.ideas.idea',
  consumerGroup: BENCH.metricsConsumerGroup,
};

export const BASELINE: Target = {
  name: 'baseline',
  origin: `http://127.0.0.1:${BENCH.baselinePort}`,
  ideasPath: '/ideas',
  ideasDbUrl: dbUrl(BENCH.baselineDb),
  eventsDbUrl: dbUrl(BENCH.baselineEventsDb),
  topic: BENCH.baselineTopic,
  consumerGroup: BENCH.baselineConsumerGroup,
};

/** Platform first, then baseline, for every measurement, so slow drifts of the machine hit both alike. */
export const BOTH = [PLATFORM, BASELINE] as const;
