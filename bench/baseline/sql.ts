/**
 * The statements the platform runs, written out once for the baseline's processes. They are the same
 * SQL as ideas' repository and outbox writer, the outbox relay, and metrics' inbox, event log and funnel.
 */
export const INSERT_IDEA = `INSERT INTO ideas (id, title, problem, proposal, themes, status, author_id, version, created_at, updated_at, submitted_at)
  VALUES ($1, $2, $3, $4, $5, 'draft', $6, 1, $7, $7, NULL)`;

export const INSERT_OUTBOX = `INSERT INTO outbox (id, topic, aggregate_id, type, source, payload, correlation_id, traceparent, actor)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`;

export const SELECT_IDEA = `SELECT id, title, problem, proposal, themes, status, author_id, version, created_at, updated_at, submitted_at
  FROM ideas WHERE id = $1`;

export const LIST_IDEAS = `SELECT id, title, problem, proposal, themes, status, author_id, version, created_at, updated_at, submitted_at
  FROM ideas WHERE (status <> 'draft' OR author_id = $1) ORDER BY created_at DESC, id DESC LIMIT $2`;

export const RELAY_LOCK = `SELECT pg_try_advisory_xact_lock(1) AS locked`;

export const SELECT_UNPUBLISHED = `SELECT position, id, topic, aggregate_id, type, source, payload, correlation_id, traceparent, actor, occurred_at
  FROM outbox WHERE published_at IS NULL ORDER BY position LIMIT $1`;

export const MARK_PUBLISHED = `UPDATE outbox SET published_at = now() WHERE position = ANY($1::bigint[])`;

export const INSERT_INBOX = `INSERT INTO inbox (consumer, event_id, topic, partition, "offset") VALUES ($1, $2, $3, $4, $5)
  ON CONFLICT DO NOTHING RETURNING event_id`;

export const INSERT_EVENT_LOG = `INSERT INTO event_log (event_id, type, source, subject, occurred_at, data, topic, partition, "offset", correlation_id)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
  ON CONFLICT (event_id) DO NOTHING RETURNING event_id`;

export const UPSERT_FUNNEL = `INSERT INTO funnel_ideas (idea_id, status, version, entered_status_at, created_at)
  VALUES ($1, $2, $3, $4, $4)
  ON CONFLICT (idea_id) DO UPDATE
    SET status = EXCLUDED.status, version = EXCLUDED.version, entered_status_at = EXCLUDED.entered_status_at
    WHERE funnel_ideas.version < EXCLUDED.version`;

export const SELECT_EVENT_LOG_PAGE = `SELECT seq, event_id AS id, type, subject, occurred_at AS time, data FROM event_log
  WHERE seq > $1 ORDER BY seq LIMIT $2`;
