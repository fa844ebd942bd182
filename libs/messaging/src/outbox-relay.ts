import { setTimeout as sleep } from 'node:timers/promises';
import type { Kafka, Message, Producer } from 'kafkajs';
import { OutageLog } from '#ikm/observability';
import type { DatabaseOutage } from '#ikm/persistence';
import pRetry from 'p-retry';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { encodeCloudEvent, type OutboxRecord } from './cloudevent-codec.js';
import { createReliableProducer } from './kafka-client.js';
import type { OutboxSignal } from './outbox-signal.js';
import { ensureTopics } from './topics.js';

export interface OutboxRelayOptions {
  dataSource: DataSource;
  /** Says when a transaction of this process that appended to the outbox has committed. */
  signal: Pick<OutboxSignal, 'onCommitted'>;
  kafka: Kafka;
  logger: Logger;
  /**
   * The process's view of its database, shared with its requests and its consumer: an outage the relay
   * meets is that one episode, logged there once, not again by the relay.
   */
  databaseOutage: Pick<DatabaseOutage, 'refuses'>;
  /** Topics this service produces to; created at the relay's first connection. */
  topics: string[];
  batchSize?: number;
  /** How often it looks for rows no signal told it about (written by other means, or left by a failure). */
  pollIntervalMs?: number;
  /**
   * After a wake-up, how long the relay waits for more writes to commit before it reads the outbox, so
   * that under load one Kafka request and one update carry many events instead of one each.
   */
  lingerMs?: number;
  /** Published rows are kept this long for audit and re-publication, then deleted. */
  retentionHours?: number;
}

interface OutboxRow {
  position: string;
  id: string;
  topic: string;
  aggregate_id: string;
  type: string;
  source: string;
  payload: unknown;
  correlation_id: string | null;
  traceparent: string | null;
  actor: string | null;
  occurred_at: Date;
}

/**
 * Any number of service instances may run a relay, but only the one holding this lock publishes, so
 * the rows of one aggregate leave in `position` order.
 */
const RELAY_LOCK_KEY = 0x1c3_0a7b;

/**
 * A published row leaves a dead entry in the partial index of unpublished rows until the next vacuum,
 * so a read from the start of that index walks every row published since (7-9 ms per read with a few
 * tens of thousands, measured). The relay reads from just below the last position it published instead.
 * A row whose transaction commits after rows with higher positions lands behind that cursor: within
 * this many positions it is still found at once, further back by the next full sweep.
 */
const LATE_COMMIT_WINDOW = 200n;
const FULL_SWEEP_INTERVAL_MS = 5_000;
const MAINTENANCE_INTERVAL_MS = 60_000;

/**
 * Publishes committed outbox rows to Kafka in order, with acks from all in-sync replicas, and marks
 * them published. Woken when a transaction of its own process that appended commits, and by a poll;
 * while Kafka is down it backs off and retries, and writes keep committing to the outbox meanwhile.
 */
export class OutboxRelay {
  private readonly stopping = new AbortController();
  private producer?: Producer;
  private loop?: Promise<void>;
  private stopListening?: () => void;
  /**
   * Set by every signalled commit, cleared just before the relay reads the outbox: a commit signalled
   * while the relay was busy (or while another instance held the publishing lock) is read again
   * instead of waiting for the poll.
   */
  private appendedSinceRead = false;
  /** Ends the current wait for work early (a signalled commit, or stop). */
  private endWait?: () => void;
  private lastMaintenance = 0;
  /** Whether this relay marked rows published since it last vacuumed the outbox. */
  private publishedSinceVacuum = false;
  private lastFullSweep = 0;
  /** Highest position this relay has published; where the next read starts (less the window). */
  private lastPublished?: bigint;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly lingerMs: number;
  /**
   * Kafka down (or anything else but the database): the relay retries every few seconds, and says so
   * once, not each time. The database's outages are the DatabaseOutage's to log.
   */
  private readonly outage: OutageLog;

  constructor(private readonly options: OutboxRelayOptions) {
    this.outage = new OutageLog(options.logger, { down: 'outbox relay could not publish; retrying', up: 'outbox relay publishing again' });
    this.batchSize = options.batchSize ?? 500;
    this.pollIntervalMs = options.pollIntervalMs ?? 1_000;
    this.lingerMs = options.lingerMs ?? 10;
  }

  start(): void {
    this.stopListening = this.options.signal.onCommitted(() => {
      this.appendedSinceRead = true;
      this.endWait?.();
    });
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    this.endWait?.();
    this.stopListening?.();
    await this.loop;
    await this.producer?.disconnect().catch(() => undefined);
  }

  private async run(): Promise<void> {
    const { signal } = this.stopping;
    while (!signal.aborted) {
      try {
        const published = await pRetry(() => this.publishBatch(), {
          retries: Number.POSITIVE_INFINITY,
          minTimeout: 200,
          maxTimeout: 5_000,
          signal,
          onFailedAttempt: ({ error, attemptNumber }) => {
            if (!this.options.databaseOutage.refuses(error)) this.outage.failed(error, { attemptNumber });
          },
        });
        this.outage.recovered();
        if (published === this.batchSize) continue; // more may be waiting
        await this.maintainOutbox();
        await this.waitForWork(signal);
      } catch (error) {
        if (signal.aborted) return;
        if (!this.options.databaseOutage.refuses(error)) this.options.logger.error({ err: error }, 'outbox relay loop failed');
      }
    }
  }

  private async waitForWork(stop: AbortSignal): Promise<void> {
    if (stop.aborted) return;
    if (!this.appendedSinceRead) {
      await this.nextCommitOrPoll();
      if (!this.appendedSinceRead) return; // the poll: read whatever is there, without lingering
    }
    if (this.lingerMs > 0) await sleep(this.lingerMs, undefined, { signal: stop }).catch(() => undefined);
  }

  /**
   * Resolves at the next signalled commit, at stop, or after the poll interval. A timer and a callback
   * rather than `AbortSignal.any([stop, AbortSignal.timeout(…)])`: Node may collect such a timeout
   * signal before it fires (nodejs/node#57736), and then the poll never came; and every combined signal
   * stays attached to `stop` until it aborts (2.4 KB a wait on Node 20.20, measured: the relay waits
   * after every batch, tens of times a second under load).
   */
  private nextCommitOrPoll(): Promise<void> {
    return new Promise((resolve) => {
      const poll = setTimeout(() => this.endWait?.(), this.pollIntervalMs);
      this.endWait = () => {
        clearTimeout(poll);
        this.endWait = undefined;
        resolve();
      };
    });
  }

  private async publishBatch(): Promise<number> {
    const producer = await this.connectedProducer();
    const runner = this.options.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const [{ locked }] = await runner.query(`SELECT pg_try_advisory_xact_lock($1) AS locked`, [RELAY_LOCK_KEY]);
      if (!locked) {
        await runner.rollbackTransaction();
        return 0;
      }
      this.appendedSinceRead = false;
      const rows: OutboxRow[] = await runner.query(
        `SELECT position, id, topic, aggregate_id, type, source, payload, correlation_id, traceparent, actor, occurred_at
           FROM outbox WHERE published_at IS NULL AND position > $2 ORDER BY position LIMIT $1`,
        [this.batchSize, this.readFrom().toString()],
      );
      if (rows.length > 0) {
        await producer.sendBatch({ acks: -1, topicMessages: groupByTopic(rows) });
        await runner.query(`UPDATE outbox SET published_at = now() WHERE position = ANY($1::bigint[])`, [
          rows.map((row) => row.position),
        ]);
      }
      await runner.commitTransaction();
      if (rows.length > 0) this.publishedSinceVacuum = true;
      const highest = rows.at(-1)?.position;
      if (highest !== undefined && (this.lastPublished === undefined || BigInt(highest) > this.lastPublished)) {
        this.lastPublished = BigInt(highest);
      }
      return rows.length;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  /** Position after which to read: the cursor less the window, or 0 for a full sweep when one is due. */
  private readFrom(): bigint {
    const now = Date.now();
    if (this.lastPublished === undefined || now - this.lastFullSweep >= FULL_SWEEP_INTERVAL_MS) {
      this.lastFullSweep = now;
      return 0n;
    }
    const from = this.lastPublished - LATE_COMMIT_WINDOW;
    return from > 0n ? from : 0n;
  }

  private async connectedProducer(): Promise<Producer> {
    if (this.producer) return this.producer;
    const producer = createReliableProducer(this.options.kafka);
    try {
      await producer.connect();
      await ensureTopics(this.options.kafka, this.options.topics, false);
    } catch (error) {
      await producer.disconnect().catch(() => undefined);
      throw error;
    }
    producer.on(producer.events.DISCONNECT, () => {
      if (this.producer === producer) this.producer = undefined;
    });
    this.producer = producer;
    this.options.logger.info('outbox relay connected to Kafka');
    return producer;
  }

  /**
   * Once a minute: published rows past their retention are deleted, and the outbox is vacuumed if this
   * relay published since the last time. Every published row leaves a dead version behind (the update
   * that marks it), and the full sweep walks all of them in the index of unpublished rows until a vacuum
   * removes them (57 ms a sweep with 67,000, measured). Autovacuum waits by default until a fifth of a
   * table is dead (millions of rows for a large outbox), and may be off: a queue is vacuumed by its
   * consumer. Without truncation (which would take a brief exclusive lock to hand empty trailing pages
   * back), VACUUM takes no lock that writers or readers of the outbox wait for.
   */
  private async maintainOutbox(): Promise<void> {
    if (Date.now() - this.lastMaintenance < MAINTENANCE_INTERVAL_MS) return;
    this.lastMaintenance = Date.now();
    await this.options.dataSource.query(
      `DELETE FROM outbox WHERE published_at < now() - make_interval(hours => $1)`,
      [this.options.retentionHours ?? 72],
    );
    if (!this.publishedSinceVacuum) return;
    this.publishedSinceVacuum = false;
    await this.options.dataSource.query(`VACUUM (TRUNCATE false) outbox`);
  }
}

function groupByTopic(rows: OutboxRow[]): Array<{ topic: string; messages: Message[] }> {
  const byTopic = new Map<string, Message[]>();
  for (const row of rows) {
    const record: OutboxRecord = {
      id: row.id,
      topic: row.topic,
      aggregateId: row.aggregate_id,
      type: row.type,
      source: row.source,
      occurredAt: row.occurred_at,
      payload: row.payload,
      correlationId: row.correlation_id,
      traceparent: row.traceparent,
      actor: row.actor,
    };
    const messages = byTopic.get(row.topic) ?? [];
    messages.push(encodeCloudEvent(record));
    byTopic.set(row.topic, messages);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}
