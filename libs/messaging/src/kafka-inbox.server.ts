import { Server, type CustomTransportStrategy, type MessageHandler } from '@nestjs/microservices';
import { runWithContext } from '#ikm/observability';
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage, Producer } from 'kafkajs';
import pRetry from 'p-retry';
import type { Logger } from 'pino';
import { lastValueFrom } from 'rxjs';
import type { DataSource, EntityManager } from 'typeorm';
import { deadLetterTopicOf } from '#ikm/contracts';
import { isDatabaseUnavailable, prepared, queryPrepared, type DatabaseOutage } from '#ikm/persistence';
import { decodeCloudEvent, InvalidEventError, type ConsumedEvent } from './cloudevent-codec.js';
import { deadLetterOf } from './dead-letter.js';
import { InboxContext } from './inbox-context.js';
import { createReliableProducer } from './kafka-client.js';
import { isNotYetReady } from './kafka-log-level.js';
import { ensureTopics } from './topics.js';

/**
 * Upper bound on the messages one transaction applies: large enough that a backlog drains with few
 * commits, small enough that a transaction stays short and a chunk that fails is cheap to redo one by one.
 */
const MAX_MESSAGES_PER_TRANSACTION = 200;

/** While it waits for the database, the consumer heartbeats this often, well within its session timeout. */
const HEARTBEAT_WHILE_WAITING_MS = 2_000;

/** The inbox rows of events of one partition applied together (often just one); prepared, as every event runs it. */
const RECORD_IN_INBOX = prepared(
  `INSERT INTO inbox (consumer, event_id, topic, partition, "offset")
   SELECT $1, event_id, $2, $3, "offset" FROM unnest($4::text[], $5::bigint[]) AS fetched(event_id, "offset")
   ON CONFLICT DO NOTHING RETURNING event_id`,
);

export interface KafkaInboxServerOptions {
  kafka: Kafka;
  dataSource: DataSource;
  /** Consumer group, and the consumer name in the inbox table. */
  groupId: string;
  logger: Logger;
  /** The process's view of its database: an outage pauses consumption, logged once, then it resumes. */
  databaseOutage: DatabaseOutage;
  /** Attempts for a failing handler before its message goes to the dead-letter topic. */
  attempts?: number;
  retryMinDelayMs?: number;
  retryMaxDelayMs?: number;
  /** Partitions handled in parallel; order still holds within each partition. */
  partitionsConsumedConcurrently?: number;
}

/**
 * A Nest transport strategy on kafkajs that keeps `@EventPattern(topic)` handlers idiomatic while owning
 * the delivery semantics: the inbox row and the handler's change commit in one database transaction
 * before the offset is committed; duplicates are skipped; a message that cannot be handled goes to
 * `<topic>.dlq` and the partition keeps moving. Unlike the stock Kafka server, a message is never
 * committed without having been handled or dead-lettered.
 */
export class KafkaInboxServer extends Server implements CustomTransportStrategy {
  private consumer?: Consumer;
  private deadLetterProducer?: Producer;
  private readonly stopping = new AbortController();
  private readonly log: Logger;

  constructor(private readonly options: KafkaInboxServerOptions) {
    super();
    this.log = options.logger.child({ component: 'kafka-inbox', consumer: options.groupId });
  }

  listen(callback: () => void): void {
    // Kafka may be down at boot: the HTTP side starts anyway and consumption begins once it answers.
    void this.consumeUntilStopped();
    callback();
  }

  /** Waits for the message in hand, commits what was handled and leaves the group. */
  async close(): Promise<void> {
    this.stopping.abort();
    await this.consumer?.disconnect().catch((error) => this.log.warn({ err: error }, 'consumer did not disconnect cleanly'));
    await this.deadLetterProducer?.disconnect().catch(() => undefined);
    this.log.info('consumer stopped');
  }

  on(): never {
    throw new Error('KafkaInboxServer does not emit transport events');
  }

  unwrap<T>(): T {
    return this.consumer as T;
  }

  private async consumeUntilStopped(): Promise<void> {
    const { signal } = this.stopping;
    await pRetry(() => this.startConsumer(), {
      retries: Number.POSITIVE_INFINITY,
      minTimeout: 500,
      maxTimeout: 5_000,
      signal,
      onFailedAttempt: ({ error, attemptNumber }) => {
        this.log.warn({ err: error, attemptNumber }, 'consumer could not start; retrying');
      },
    }).catch((error) => {
      if (!signal.aborted) this.log.error({ err: error }, 'consumer stopped retrying');
    });
  }

  private async startConsumer(): Promise<void> {
    const topics = [...this.messageHandlers.keys()];
    const { kafka, groupId } = this.options;
    await ensureTopics(kafka, topics, true);
    const producer = createReliableProducer(kafka);
    // A member lost with the broker (it could not leave the group) holds its partitions until its
    // session times out; a short session lets a restarted consumer take them back within seconds.
    const consumer = kafka.consumer({ groupId, sessionTimeout: 10_000, heartbeatInterval: 2_000, allowAutoTopicCreation: false });
    try {
      await producer.connect();
      this.deadLetterProducer = producer;
      await consumer.connect();
      await consumer.subscribe({ topics, fromBeginning: true });
      consumer.on(consumer.events.CRASH, ({ payload }) => {
        // kafkajs restarts by itself after retriable errors; after any other crash, start over.
        if (!payload.restart && !this.stopping.signal.aborted) {
          // A broker still starting is no fault of ours: the restart outgrows it.
          const level = isNotYetReady(payload.error) ? 'warn' : 'error';
          this.log[level]({ err: payload.error }, 'consumer crashed; restarting');
          this.consumer = undefined;
          void consumer.disconnect().finally(() => this.consumeUntilStopped());
        }
      });
      await consumer.run({
        autoCommit: true,
        // kafkajs's commitOffsetsIfNecessary commits only once an interval or a threshold is reached, and
        // with neither set it never does: offsets then waited for the end of the whole fetched batch
        // (thousands of records in a backlog, all redelivered after a crash). With a threshold of one,
        // handleBatch's call commits what it has just resolved: after each chunk, or each record handled
        // alone. At the usual rates a batch is one chunk, so the number of commits does not change.
        autoCommitThreshold: 1,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 3,
        eachBatch: (payload) => this.handleBatch(payload),
      });
    } catch (error) {
      await consumer.disconnect().catch(() => undefined);
      await producer.disconnect().catch(() => undefined);
      throw error;
    }
    this.consumer = consumer;
    this.log.info({ topics }, 'consuming');
  }

  /**
   * Applies the fetched messages in chunks, one transaction per chunk, so that a busy partition costs
   * one commit (and one offset commit) per chunk rather than per message. A chunk that cannot be applied
   * whole (a malformed message, a failing handler, the database gone) is rolled back and its messages
   * are then handled one by one, with retries and dead letters, exactly as if it had never been tried.
   */
  private async handleBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, heartbeat, isRunning, isStale, commitOffsetsIfNecessary } = payload;
    for (let start = 0; start < batch.messages.length; start += MAX_MESSAGES_PER_TRANSACTION) {
      if (!isRunning() || isStale()) return;
      const chunk = batch.messages.slice(start, start + MAX_MESSAGES_PER_TRANSACTION);
      const appliedTogether = chunk.length > 1 && (await this.tryApplyTogether(batch.topic, batch.partition, chunk, heartbeat));
      if (appliedTogether) {
        resolveOffset(chunk[chunk.length - 1].offset);
        await commitOffsetsIfNecessary();
        await heartbeat();
        continue;
      }
      for (const message of chunk) {
        if (!isRunning() || isStale()) return;
        await this.handleMessage(batch.topic, batch.partition, message, heartbeat);
        // Only now, with the inbox row committed or the message dead-lettered, may its offset be committed.
        resolveOffset(message.offset);
        await commitOffsetsIfNecessary();
        await heartbeat();
      }
    }
  }

  /** The chunk in one transaction; false, with nothing applied, when any part of it fails. */
  private async tryApplyTogether(topic: string, partition: number, messages: KafkaMessage[], heartbeat: () => Promise<void>): Promise<boolean> {
    const handler = this.getHandlerByPattern(topic);
    if (!handler) return false;
    let events: ConsumedEvent[];
    try {
      events = messages.map((message) => decodeCloudEvent(topic, partition, message));
    } catch {
      return false; // the malformed one is dead-lettered when the messages are handled one by one
    }
    try {
      await this.despiteOutages(() => this.applyInOneTransaction(handler, events), heartbeat);
      return true;
    } catch (error) {
      const chunk = { topic, partition, messages: messages.length };
      this.log.warn({ err: error, ...chunk }, 'batch not applied together; handling its messages one by one');
      return false;
    }
  }

  /**
   * Records the events in the inbox (one statement) and runs the handler of each event not seen before,
   * in offset order, all in one transaction: it commits whole or not at all.
   */
  private async applyInOneTransaction(handler: MessageHandler, events: ConsumedEvent[]): Promise<void> {
    await this.options.dataSource.transaction(async (manager) => {
      const fresh = await this.recordInInbox(manager, events);
      for (const event of events) {
        const context = { correlationId: event.correlationId ?? event.id, actor: event.actor };
        await runWithContext(context, async () => {
          // Not fresh: handled before, or a second copy earlier in these very events.
          if (!fresh.delete(event.id)) {
            this.log.info({ eventId: event.id, type: event.type }, 'duplicate event skipped');
            return;
          }
          const result = await handler(event, new InboxContext([manager, event]));
          await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
          this.log.debug({ eventId: event.id, type: event.type, offset: event.offset }, 'event handled');
        });
      }
    });
  }

  /** Inserts the inbox rows of the events; returns the ids that were not there yet. */
  private async recordInInbox(manager: EntityManager, events: ConsumedEvent[]): Promise<Set<string>> {
    const inserted = await queryPrepared<{ event_id: string }>(manager, RECORD_IN_INBOX, [
      this.options.groupId,
      events[0].topic,
      events[0].partition,
      events.map((event) => event.id),
      events.map((event) => event.offset),
    ]);
    return new Set(inserted.map((row) => row.event_id));
  }

  private async handleMessage(
    topic: string,
    partition: number,
    message: KafkaMessage,
    heartbeat: () => Promise<void>,
  ): Promise<void> {
    let event: ConsumedEvent;
    try {
      event = decodeCloudEvent(topic, partition, message);
    } catch (error) {
      // Retrying cannot make a malformed or unknown event valid: straight to the dead letters.
      return this.deadLetter(topic, partition, message, error as Error, 1);
    }
    const handler = this.getHandlerByPattern(topic);
    if (!handler) throw new Error(`no handler for subscribed topic ${topic}`);
    const context = { correlationId: event.correlationId ?? event.id, actor: event.actor };
    await runWithContext(context, async () => {
      let attempts = 0;
      try {
        await pRetry(
          async () => {
            attempts += 1;
            await this.despiteOutages(() => this.applyInOneTransaction(handler, [event]), heartbeat);
          },
          {
            retries: (this.options.attempts ?? 5) - 1,
            minTimeout: this.options.retryMinDelayMs ?? 200,
            maxTimeout: this.options.retryMaxDelayMs ?? 5_000,
            // On shutdown the attempt under way finishes, but no new one starts.
            shouldRetry: () => !this.stopping.signal.aborted,
            onFailedAttempt: async ({ error, attemptNumber }) => {
              this.log.warn({ err: error, attemptNumber, eventId: event.id, type: event.type }, 'handler failed');
              await heartbeat();
            },
          },
        );
      } catch (error) {
        if (this.stopping.signal.aborted) throw error;
        // When the database itself is unreachable the message is not at fault: leave it to be redelivered.
        await this.assertDatabaseAnswers();
        await this.deadLetter(topic, partition, message, error as Error, attempts);
      }
    });
  }

  /**
   * Runs the work; while the database is unavailable, waits for it (heartbeating, so the group keeps the
   * partition) and runs it again. An outage is no record's fault: it neither counts as a failed attempt
   * nor sends anything to the dead letters, and the process logs it once, not once per record.
   */
  private async despiteOutages(work: () => Promise<void>, heartbeat: () => Promise<void>): Promise<void> {
    for (;;) {
      try {
        return await work();
      } catch (error) {
        if (!isDatabaseUnavailable(error) || this.stopping.signal.aborted) throw error;
        this.options.databaseOutage.failed(error);
        while (!(await this.options.databaseOutage.waitUntilAvailable(HEARTBEAT_WHILE_WAITING_MS))) {
          if (this.stopping.signal.aborted) throw error;
          await heartbeat();
        }
      }
    }
  }

  private async assertDatabaseAnswers(): Promise<void> {
    await this.options.dataSource.query('SELECT 1');
  }

  private async deadLetter(
    topic: string,
    partition: number,
    message: KafkaMessage,
    error: Error,
    attempts: number,
  ): Promise<void> {
    const producer = this.deadLetterProducer;
    if (!producer) throw new Error('dead-letter producer is not connected');
    const deadLetterTopic = deadLetterTopicOf(topic);
    await producer.send({
      topic: deadLetterTopic,
      acks: -1,
      messages: [deadLetterOf({ consumer: this.options.groupId, topic, partition, message, error, attempts })],
    });
    const level = error instanceof InvalidEventError ? 'warn' : 'error';
    this.log[level]({ err: error, topic, partition, offset: message.offset, deadLetterTopic }, 'message dead-lettered');
  }
}
