import { COMMENT_TOPIC } from '#ikm/contracts';
import { eventually } from '#ikm/testing';
import { DatabaseOutage } from '#ikm/persistence';
import type { Kafka } from 'kafkajs';
import { pino } from 'pino';
import type { DataSource } from 'typeorm';
import { OutboxRelay } from './outbox-relay.js';

function capturingLogger() {
  const lines: Array<{ level: number; msg: string }> = [];
  return { logger: pino({ level: 'trace' }, { write: (line: string) => lines.push(JSON.parse(line)) }), lines };
}

/** A broker that answers: the producer connects and the topic exists. */
const kafka = {
  producer: () => ({ connect: async () => undefined, disconnect: async () => undefined, on: () => undefined, events: { DISCONNECT: 'producer.disconnect' } }),
  admin: () => ({ connect: async () => undefined, listTopics: async () => [COMMENT_TOPIC], disconnect: async () => undefined }),
} as unknown as Kafka;

/** A database whose server refuses every connection, as pg reports it; counts the relay's attempts. */
function unreachableDatabase() {
  const tried = { attempts: 0 };
  const dataSource = {
    createQueryRunner: () => ({
      connect: async () => {
        tried.attempts += 1;
        throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
      },
      release: async () => undefined,
      isTransactionActive: false,
    }),
  } as unknown as DataSource;
  return { dataSource, tried };
}

describe('OutboxRelay while the database is down', () => {
  it('leaves the outage to the process’s DatabaseOutage: one episode, one warning, however many retries', async () => {
    const { logger, lines } = capturingLogger();
    const databaseOutage = new DatabaseOutage({ databaseUrl: 'postgres://127.0.0.1:1/none', logger, probeIntervalMs: 60_000 });
    const { dataSource, tried } = unreachableDatabase();
    const relay = new OutboxRelay({
      dataSource,
      signal: { onCommitted: () => () => undefined },
      kafka,
      logger,
      databaseOutage,
      topics: [COMMENT_TOPIC],
    });
    // A request refused meanwhile: the same episode.
    databaseOutage.refuses(new Error('Connection terminated unexpectedly'));

    relay.start();
    await eventually(() => expect(tried.attempts).toBeGreaterThanOrEqual(4), 5_000);
    await relay.stop();
    // Its probe would otherwise still run after this file's test environment is gone.
    databaseOutage.stop();

    expect(lines.filter((line) => line.level >= 40)).toEqual([
      expect.objectContaining({ level: 40, msg: 'database unavailable: refusing work that needs it until it answers again' }),
    ]);
  });
});
