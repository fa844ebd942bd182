import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { jwtVerify } from 'jose';
import kafkajs, { type Message } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { once, EventEmitter } from 'node:events';
import pg from 'pg';
import { poolOptions } from '../../libs/persistence/src/pool-options.js';
import { INSERT_IDEA, INSERT_OUTBOX, LIST_IDEAS, MARK_PUBLISHED, RELAY_LOCK, SELECT_IDEA, SELECT_UNPUBLISHED } from './sql.js';

/**
 * The baseline for ideas: plain Fastify and pg doing the platform's SQL (an idea and its outbox row in
 * one transaction; select by id; a list page) and verifying the same HS256 token, plus an outbox relay
 * with the platform's algorithm on plain kafkajs. No Nest, TypeORM, validation pipes, request logs or
 * gateway hop: what is left is the floor the platform's numbers are compared with.
 */
const env = {
  port: Number(process.env.PORT),
  databaseUrl: process.env.DATABASE_URL!,
  brokers: process.env.KAFKA_BROKERS!.split(','),
  secret: new TextEncoder().encode(process.env.AUTH_JWT_SECRET!),
};
const TOPIC = 'bench.baseline.idea';
const BATCH = 500;

// The platform's pool options, so that the two differ by their code and not by their configuration.
const pool = new pg.Pool({ connectionString: env.databaseUrl, ...poolOptions() });
/** Emitted after each committed write, so the relay publishes at once (in-process, as the platform's). */
const wake = new EventEmitter();

interface IdeaRow {
  id: string;
  title: string;
  problem: string;
  proposal: string;
  themes: string[];
  status: string;
  author_id: string;
  version: number;
  created_at: Date;
  updated_at: Date;
  submitted_at: Date | null;
}

const toResponse = (row: IdeaRow) => ({
  id: row.id,
  title: row.title,
  problem: row.problem,
  proposal: row.proposal,
  themes: row.themes,
  status: row.status,
  authorId: row.author_id,
  version: row.version,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
  submittedAt: row.submitted_at?.toISOString() ?? null,
});

async function subjectOf(request: FastifyRequest, reply: FastifyReply): Promise<string | undefined> {
  const token = request.headers.authorization?.replace(/^Bearer /i, '') ?? '';
  try {
    const { payload } = await jwtVerify(token, env.secret, { algorithms: ['HS256'] });
    return payload.sub;
  } catch {
    void reply.code(401).send({ title: 'unauthorized' });
    return undefined;
  }
}

const app = Fastify({ logger: false });

app.get('/health', async () => ({ status: 'ok' }));

app.post<{ Body: { title: string; problem: string; proposal: string; themes?: string[] } }>('/ideas', async (request, reply) => {
  const sub = await subjectOf(request, reply);
  if (!sub) return reply;
  const { title, problem, proposal, themes = [] } = request.body;
  if (typeof title !== 'string' || title.length < 3 || title.length > 200) return reply.code(400).send({ field: 'title' });
  const id = randomUUID();
  const now = new Date();
  const payload = { ideaId: id, version: 1, title, problem, proposal, themes, authorId: sub, status: 'draft', createdAt: now.toISOString() };
  const correlationId = (request.headers['x-request-id'] as string | undefined) ?? randomUUID();
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(INSERT_IDEA, [id, title, problem, proposal, themes, sub, now]);
    await client.query(INSERT_OUTBOX, [id, TOPIC, id, 'ikm.ideas.idea.created.v1', '/ikm/ideas', JSON.stringify(payload), correlationId, null, sub]);
    await client.query('COMMIT');
    wake.emit('append'); // the relay publishes now, not at its next poll
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  return reply.code(201).header('location', `/ideas/${id}`).send({ ...payload, id, updatedAt: payload.createdAt, submittedAt: null });
});

app.get<{ Params: { id: string } }>('/ideas/:id', async (request, reply) => {
  const sub = await subjectOf(request, reply);
  if (!sub) return reply;
  const { rows } = await pool.query<IdeaRow>(SELECT_IDEA, [request.params.id]);
  const row = rows[0];
  if (!row || (row.status === 'draft' && row.author_id !== sub)) return reply.code(404).send({ title: 'not found' });
  return reply.header('etag', `"${row.version}"`).send(toResponse(row));
});

app.get<{ Querystring: { limit?: string } }>('/ideas', async (request, reply) => {
  const sub = await subjectOf(request, reply);
  if (!sub) return reply;
  const limit = Math.min(100, Number(request.query.limit ?? 20));
  const { rows } = await pool.query<IdeaRow>(LIST_IDEAS, [sub, limit + 1]);
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const nextCursor = rows.length > limit && last ? Buffer.from(JSON.stringify({ createdAt: last.created_at, id: last.id })).toString('base64url') : null;
  return { items: items.map(toResponse), nextCursor };
});

/** The relay: the platform's algorithm (advisory lock, ordered batch, acks=all, mark) on plain kafkajs. */
const kafka = new kafkajs.Kafka({ clientId: 'bench-baseline', brokers: env.brokers, logLevel: kafkajs.logLevel.WARN });
const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });

async function publishBatch(): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows: [{ locked }] } = await client.query(RELAY_LOCK);
    if (!locked) {
      await client.query('ROLLBACK');
      return 0;
    }
    const { rows } = await client.query(SELECT_UNPUBLISHED, [BATCH]);
    if (rows.length > 0) {
      const byTopic = new Map<string, Message[]>();
      for (const row of rows) {
        const messages = byTopic.get(row.topic) ?? [];
        byTopic.set(row.topic, messages);
        messages.push({
        key: row.aggregate_id,
        value: JSON.stringify(row.payload),
        headers: {
          ce_id: row.id,
          ce_source: row.source,
          ce_type: row.type,
          ce_subject: row.aggregate_id,
          ce_time: row.occurred_at.toISOString(),
          ce_specversion: '1.0',
          'content-type': 'application/json',
          ...(row.correlation_id ? { ce_correlationid: row.correlation_id } : {}),
        },
        });
      }
      await producer.sendBatch({ acks: -1, topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })) });
      await client.query(MARK_PUBLISHED, [rows.map((row) => row.position)]);
    }
    await client.query('COMMIT');
    return rows.length;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function relay(): Promise<void> {
  for (;;) {
    const published = await publishBatch().catch((error) => {
      console.error('baseline relay failed', error);
      return 0;
    });
    if (published === BATCH) continue;
    await once(wake, 'append', { signal: AbortSignal.timeout(1_000) }).catch(() => undefined);
  }
}

const admin = kafka.admin();
await admin.connect();
await admin.createTopics({ topics: [{ topic: TOPIC, numPartitions: 6, replicationFactor: 1 }], waitForLeaders: true });
await admin.disconnect();
await producer.connect();
void relay();

await app.listen({ port: env.port, host: '127.0.0.1' });
console.log(`baseline server listening on ${env.port}`);
process.once('SIGTERM', () => process.exit(0));
