import pg from 'pg';
import { setTimeout as sleep } from 'node:timers/promises';

export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface EventLatency {
  events: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Events recorded per second between the first commit and the last projection update. */
  eventsPerSecond: number;
}

/**
 * Commit-to-projection latency of the events whose correlation id starts with `prefix`, from the
 * events' own timestamps: `occurred_at` is the outbox row's time in the producer's transaction (the
 * event's ce_time) and `recorded_at` the time metrics logged it and updated its projections in one
 * transaction. Both come from the same PostgreSQL clock.
 */
export async function eventLatency(url: string, prefix: string): Promise<EventLatency> {
  return withClient(url, async (client) => {
    const { rows: [row] } = await client.query(
      `SELECT count(*)::int AS events,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50,
              percentile_cont(0.99) WITHIN GROUP (ORDER BY ms) AS p99,
              max(ms) AS max,
              extract(epoch FROM max(recorded_at) - min(occurred_at)) AS span
         FROM (SELECT recorded_at, occurred_at, extract(epoch FROM recorded_at - occurred_at) * 1000 AS ms
                 FROM event_log WHERE correlation_id LIKE $1) AS latencies`,
      [`${prefix}%`],
    );
    const round = (value: number | null) => Math.round(Number(value) * 10) / 10;
    return {
      events: row.events,
      p50Ms: round(row.p50),
      p99Ms: round(row.p99),
      maxMs: round(row.max),
      eventsPerSecond: row.span > 0 ? Math.round(row.events / row.span) : Number.NaN,
    };
  });
}

/** Waits until `expected` events with the prefix are logged, or the timeout passes; returns the count. */
export async function waitForEvents(url: string, prefix: string, expected: number, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let count = 0;
  while (Date.now() < deadline) {
    count = await withClient(url, async (client) => {
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM event_log WHERE correlation_id LIKE $1`, [`${prefix}%`]);
      return rows[0].n as number;
    });
    if (count >= expected) return count;
    await sleep(500);
  }
  return count;
}

/** A valid `ikm.ideas.idea.created.v1` payload for the idea id `idea` (a SQL uuid expression). */
const createdPayloadSql = (idea: string) => `jsonb_build_object(
  'ideaId', ${idea}, 'version', 1, 'title', 'Seeded idea', 'problem', 'A problem', 'proposal', 'A proposal',
  'themes', '[]'::jsonb, 'authorId', 'bench-seed', 'status', 'draft',
  'createdAt', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`;

/** Appends `rows` unpublished outbox rows in one transaction (so the relay wakes once, at commit). */
export async function seedOutbox(url: string, topic: string, rows: number, correlationPrefix: string): Promise<void> {
  await withClient(url, (client) =>
    client.query(
      `INSERT INTO outbox (id, topic, aggregate_id, type, source, payload, correlation_id, actor)
       SELECT gen_random_uuid(), $1, idea::text, 'ikm.ideas.idea.created.v1', '/ikm/ideas', ${createdPayloadSql('idea')},
              $2 || n, 'bench-seed'
         FROM (SELECT n, gen_random_uuid() AS idea FROM generate_series(1, $3) AS n) AS seeded`,
      [topic, correlationPrefix, rows],
    ),
  );
}

export async function countUnpublished(url: string): Promise<number> {
  return withClient(url, async (client) => {
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL`);
    return rows[0].n as number;
  });
}

/**
 * Tops the event log up to `total` events, as the consumer would have logged them: four in five ideas
 * only created, one in five also submitted, so a replay exercises both funnel transitions.
 */
export async function seedEventLogTo(url: string, topic: string, total: number): Promise<number> {
  return withClient(url, async (client) => {
    const { rows: [{ n: existing }] } = await client.query(`SELECT count(*)::int AS n FROM event_log`);
    const missing = Math.max(0, total - existing);
    const created = Math.ceil((missing * 5) / 6);
    const submitted = missing - created;
    await client.query(
      `WITH ideas AS (SELECT n, gen_random_uuid() AS idea FROM generate_series(1, $2) AS n)
       INSERT INTO event_log (event_id, type, source, subject, occurred_at, data, topic, partition, "offset", correlation_id)
       SELECT gen_random_uuid()::text, 'ikm.ideas.idea.created.v1', '/ikm/ideas', idea::text, now(), ${createdPayloadSql('idea')},
              $1, 0, n, 'bench-seed'
         FROM ideas
       UNION ALL
       SELECT gen_random_uuid()::text, 'ikm.ideas.idea.submitted.v1', '/ikm/ideas', idea::text, now(),
              jsonb_build_object('ideaId', idea, 'version', 2, 'status', 'submitted', 'authorId', 'bench-seed',
                                 'submittedAt', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
              $1, 0, n, 'bench-seed'
         FROM ideas WHERE n <= $3`,
      [topic, created, submitted],
    );
    const { rows: [{ n }] } = await client.query(`SELECT count(*)::int AS n FROM event_log`);
    return n as number;
  });
}
