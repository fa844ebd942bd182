import type { Message } from 'kafkajs';
import { eventually } from './eventually.js';
import { rowsOf, unpublishedOutboxCount, type TestDatabase } from './outbox-events.js';

/** The event id a record carries (its CloudEvents `ce_id` header). */
export function eventIdOf(message: Message): string {
  return String(message.headers?.ce_id);
}

/** How many of these events a consumer's inbox holds: each is one it handled (and committed). */
export async function handledCount(consumerDb: TestDatabase, eventIds: string[]): Promise<number> {
  const [row] = await rowsOf<{ count: number }>(consumerDb, `SELECT count(DISTINCT event_id)::int AS count FROM inbox WHERE event_id = ANY($1)`, [eventIds]);
  return row.count;
}

/** Waits until a consuming service has handled every one of these events (its inbox holds them). */
export async function waitUntilHandled(consumerDb: TestDatabase, eventIds: string[], timeoutMs = 60_000): Promise<void> {
  await eventually(async () => expect({ handled: await handledCount(consumerDb, eventIds) }).toEqual({ handled: eventIds.length }), timeoutMs);
}

/**
 * Waits until a producing service's relay has published its whole outbox and a consuming service has
 * handled every event in it, so that counts on both sides can be compared.
 */
export async function waitUntilCaughtUp(producerDb: TestDatabase, consumerDb: TestDatabase, timeoutMs = 60_000): Promise<void> {
  await eventually(async () => {
    const unpublished = await unpublishedOutboxCount(producerDb);
    const ids = (await rowsOf<{ id: string }>(producerDb, `SELECT id::text FROM outbox`)).map((row) => row.id);
    const handled = await handledCount(consumerDb, ids);
    expect({ unpublished, handled }).toEqual({ unpublished: 0, handled: ids.length });
  }, timeoutMs);
}
