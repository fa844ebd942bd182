import kafkajs, { type KafkaMessage } from 'kafkajs';
import pg from 'pg';
import { poolOptions } from '../../libs/persistence/src/pool-options.js';
import { INSERT_EVENT_LOG, INSERT_INBOX, UPSERT_FUNNEL } from './sql.js';

/**
 * The baseline for metrics' consumer: plain kafkajs and pg with the platform's guarantees (one
 * transaction per event holding the inbox row, the event log row and the funnel change, then the
 * offset), without Nest's transport, CloudEvent validation, async context or logging.
 */
const TOPIC = 'bench.baseline.idea';
const GROUP = 'bench.baseline';
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL!, ...poolOptions() });
const kafka = new kafkajs.Kafka({ clientId: 'bench-baseline-consumer', brokers: process.env.KAFKA_BROKERS!.split(','), logLevel: kafkajs.logLevel.WARN });
const consumer = kafka.consumer({ groupId: GROUP, sessionTimeout: 10_000, heartbeatInterval: 2_000, allowAutoTopicCreation: false });

const header = (message: KafkaMessage, name: string): string | null => message.headers?.[name]?.toString() ?? null;

async function handle(partition: number, message: KafkaMessage): Promise<void> {
  const id = header(message, 'ce_id')!;
  const data = JSON.parse(message.value!.toString());
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const inbox = await client.query(INSERT_INBOX, [GROUP, id, TOPIC, partition, message.offset]);
    if (inbox.rowCount === 1) {
      const logged = await client.query(INSERT_EVENT_LOG, [
        id,
        header(message, 'ce_type'),
        header(message, 'ce_source'),
        header(message, 'ce_subject'),
        header(message, 'ce_time'),
        JSON.stringify(data),
        TOPIC,
        partition,
        message.offset,
        header(message, 'ce_correlationid'),
      ]);
      if (logged.rowCount === 1) await client.query(UPSERT_FUNNEL, [data.ideaId, data.status, data.version, data.createdAt]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

await consumer.connect();
await consumer.subscribe({ topics: [TOPIC], fromBeginning: true });
consumer.on(consumer.events.GROUP_JOIN, () => console.log('baseline consumer ready'));
await consumer.run({
  autoCommit: true,
  eachBatchAutoResolve: false,
  partitionsConsumedConcurrently: 3,
  eachBatch: async ({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale }) => {
    for (const message of batch.messages) {
      if (!isRunning() || isStale()) return;
      await handle(batch.partition, message);
      resolveOffset(message.offset);
      await commitOffsetsIfNecessary();
      await heartbeat();
    }
  },
});
process.once('SIGTERM', () => void consumer.disconnect().finally(() => process.exit(0)));
