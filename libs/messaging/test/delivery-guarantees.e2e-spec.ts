import { COMMENT_TOPIC, CommentPostedV1 } from '#ikm/contracts';
import {
  CreateInbox1764190000001,
  CreateOutbox1764190000000,
  DropOutboxNotify1764240000000,
  encodeCloudEvent,
  InboxContext,
  KafkaInboxServer,
  OutboxSignal,
  OutboxWriter,
  type ConsumedEvent,
} from '#ikm/messaging';
import { createServiceDataSource, DatabaseOutage, ensureDatabaseExists } from '#ikm/persistence';
import { dropDatabase, eventIdOf, eventually, handledCount, outboxEvents, outboxRecord, testDatabase, TestKafka } from '#ikm/testing';
import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import type { DataSource } from 'typeorm';

/**
 * The two promises of libs/messaging that every service builds on, tested on the library itself with a
 * handler that is NOT idempotent: metrics' own projections would hide a broken inbox (they ignore a
 * replayed version), so its tests cannot tell whether the inbox did its job. Here every handling adds a
 * row, so a duplicate handled twice shows as two.
 */
const url = testDatabase('ikm_messaging_test');
const kafka = new TestKafka();
const logger = pino({ level: 'silent' });
let dataSource: DataSource;

function commentPosted(commentId = randomUUID()) {
  return { commentId, ideaId: randomUUID(), authorId: 'delivery-test', postedAt: new Date().toISOString() };
}

async function count(sql: string, params: unknown[]): Promise<number> {
  const [row] = await dataSource.query(sql, params);
  return Number(row.count);
}

beforeAll(async () => {
  await dropDatabase(url);
  await ensureDatabaseExists(url);
  dataSource = createServiceDataSource({
    url,
    entities: [],
    migrations: [CreateOutbox1764190000000, CreateInbox1764190000001, DropOutboxNotify1764240000000],
  });
  await dataSource.initialize();
  await dataSource.runMigrations();
  await dataSource.query(`CREATE TABLE handlings (event_id uuid NOT NULL, handled_at timestamptz NOT NULL DEFAULT now())`);
});

afterAll(async () => {
  await dataSource.destroy();
});

describe('the outbox', () => {
  let writer: OutboxWriter;

  beforeAll(() => {
    writer = new OutboxWriter(new OutboxSignal(dataSource));
  });

  it('keeps the event of a committed change and none of a change that rolled back', async () => {
    const committed = commentPosted();
    await dataSource.transaction((manager) => writer.append(manager, CommentPostedV1, committed.commentId, committed));

    const rolledBack = commentPosted();
    const failure = dataSource.transaction(async (manager) => {
      await writer.append(manager, CommentPostedV1, rolledBack.commentId, rolledBack);
      throw new Error('the domain change failed after its event was appended');
    });
    await expect(failure).rejects.toThrow('the domain change failed');

    expect(await outboxEvents(dataSource, { aggregateId: committed.commentId })).toHaveLength(1);
    // An append on a connection of its own would have committed without the change it describes.
    expect(await outboxEvents(dataSource, { aggregateId: rolledBack.commentId })).toHaveLength(0);
  });

  it('refuses to append outside a transaction', async () => {
    const event = commentPosted();
    await expect(writer.append(dataSource.manager, CommentPostedV1, event.commentId, event)).rejects.toThrow(/inside the transaction/);
    expect(await outboxEvents(dataSource, { aggregateId: event.commentId })).toHaveLength(0);
  });
});

describe('the inbox consumer', () => {
  let server: KafkaInboxServer;

  beforeAll(() => {
    server = new KafkaInboxServer({
      kafka: kafka.kafka,
      dataSource,
      groupId: `delivery-test-${randomUUID()}`,
      logger,
      databaseOutage: new DatabaseOutage({ databaseUrl: url, logger }),
    });
    // Not idempotent on purpose: each handling is one more row.
    const handler = async (event: ConsumedEvent, context: InboxContext) => {
      await context.manager.query(`INSERT INTO handlings (event_id) VALUES ($1)`, [event.id]);
    };
    server.addHandler(COMMENT_TOPIC, handler as never, true);
    server.listen(() => undefined);
  });

  afterAll(async () => {
    await server.close();
  });

  function recordOf(data: ReturnType<typeof commentPosted>, key: string, eventId = randomUUID()) {
    return encodeCloudEvent(outboxRecord(CommentPostedV1, key, data, { id: eventId }));
  }

  const handlingsOf = (eventId: string) => count(`SELECT count(*) FROM handlings WHERE event_id = $1`, [eventId]);

  it('handles an event delivered twice in one fetch, and again in a later fetch, exactly once', async () => {
    // One key: one partition, so the records arrive in this order.
    const key = randomUUID();
    const eventId = randomUUID();
    const duplicate = recordOf(commentPosted(), key, eventId);
    const firstSentinel = recordOf(commentPosted(), key);
    await kafka.produce(COMMENT_TOPIC, [duplicate, duplicate, firstSentinel]);
    await eventually(async () => expect(await handlingsOf(eventIdOf(firstSentinel))).toBe(1), 60_000);

    const laterSentinel = recordOf(commentPosted(), key);
    await kafka.produce(COMMENT_TOPIC, [duplicate, laterSentinel]);
    await eventually(async () => expect(await handlingsOf(eventIdOf(laterSentinel))).toBe(1), 60_000);

    expect(await handlingsOf(eventId)).toBe(1);
    expect(await handledCount(dataSource, [eventId])).toBe(1);
  });
});
