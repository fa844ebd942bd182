import { IdeaCreatedV1 } from '#ikm/contracts';
import { randomUUID } from 'node:crypto';

/**
 * Outbox rows written straight into the database, beside the service (so no commit signal wakes the
 * relay): a valid created event, as consumers will read it.
 */
export const INSERT_OUTBOX_ROW = `INSERT INTO outbox (id, topic, aggregate_id, type, source, payload) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`;

/** The parameters of INSERT_OUTBOX_ROW for one created idea. */
export function outboxRow(title: string): string[] {
  const ideaId = randomUUID();
  const payload = IdeaCreatedV1.schema.parse({
    ideaId,
    version: 1,
    title,
    problem: 'p',
    proposal: 'q',
    themes: [],
    knowledgeAssetIds: [],
    authorId: 'relay-test',
    status: 'draft',
    createdAt: new Date().toISOString(),
  });
  return [randomUUID(), IdeaCreatedV1.topic, ideaId, IdeaCreatedV1.type, IdeaCreatedV1.source, JSON.stringify(payload)];
}
