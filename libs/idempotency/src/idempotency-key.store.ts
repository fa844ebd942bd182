import { Injectable } from '@nestjs/common';
import { prepared, queryPrepared } from '#ikm/persistence';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';

/** How long a key is kept after its request: a retry within this time gets the first outcome. */
const IDEMPOTENCY_KEY_RETENTION_HOURS = 24;

/**
 * The first of the two keys of the transaction-level advisory locks that hold idempotency keys
 * (the second is a hash of the key's scope). PostgreSQL keeps two-key locks apart from one-key ones,
 * such as the outbox relay's.
 */
const LOCK_CLASS = 0x1de3;

/** What a key is scoped to: the same key from another caller, or for another operation, is another key. */
export interface KeyScope {
  caller: string;
  method: string;
  path: string;
  key: string;
}

/** The outcome of a request, as its retries get it again. */
export interface RecordedResponse {
  status: number;
  headers: Record<string, string>;
  /** The JSON body as sent; null for none. */
  body: string | null;
}

export type Claim =
  /** First time (or the key expired): this request acts. */
  | { outcome: 'act' }
  /** Done before: answer with the recorded response. */
  | { outcome: 'replay'; response: RecordedResponse }
  /** The key belongs to another request (another body or If-Match). */
  | { outcome: 'reused' }
  /** A request with the key is under way. */
  | { outcome: 'in-flight' };

export interface StoredKey {
  fingerprint: string;
  status: number;
  headers: Record<string, string>;
  body: string | null;
}

/** What the key recorded under a scope, if any, means for a request with this fingerprint. */
export function judgeStoredKey(stored: StoredKey | undefined, fingerprint: string): Claim {
  if (!stored) return { outcome: 'act' };
  if (stored.fingerprint !== fingerprint) return { outcome: 'reused' };
  return { outcome: 'replay', response: { status: stored.status, headers: stored.headers, body: stored.body } };
}

/**
 * The row id of a scope (one column, so that a long path or key cannot overflow an index entry) and the
 * second key of its advisory lock.
 */
export function scopeKeys({ caller, method, path, key }: KeyScope): { id: string; lock: number } {
  const digest = createHash('sha256').update(JSON.stringify([caller, method, path, key])).digest();
  return { id: digest.toString('base64url'), lock: digest.readInt32BE(0) };
}

const LOCK = prepared(`SELECT pg_try_advisory_xact_lock($1, $2) AS locked`);
const FIND = prepared(`SELECT fingerprint, status, headers, body FROM idempotency_keys WHERE id = $1 AND expires_at > now()`);
/** Only an expired row of the scope can be there: `claim` found none other, under the key's lock. */
const RECORD = prepared(
  `INSERT INTO idempotency_keys (id, caller, method, path, fingerprint, status, headers, body, expires_at)
   VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now() + make_interval(hours => $9))
   ON CONFLICT (id) DO UPDATE SET
     caller = EXCLUDED.caller, method = EXCLUDED.method, path = EXCLUDED.path, fingerprint = EXCLUDED.fingerprint,
     status = EXCLUDED.status, headers = EXCLUDED.headers, body = EXCLUDED.body, created_at = now(), expires_at = EXCLUDED.expires_at`,
);

/**
 * The `idempotency_keys` table (created by `CreateIdempotencyKeys`, which every service's migrations
 * include). Everything runs in the transaction of the request's writes: the key is held by a
 * transaction-level advisory lock, so it is free again as soon as that transaction ends, however it
 * ends (committed, rolled back, or its connection or process lost), and the outcome is recorded in it.
 */
@Injectable()
export class IdempotencyKeyStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Holds the key until `manager`'s transaction ends, and says what a request with it must do. */
  async claim(manager: EntityManager, scope: KeyScope, fingerprint: string): Promise<Claim> {
    const { id, lock } = scopeKeys(scope);
    const [{ locked }] = await queryPrepared<{ locked: boolean }>(manager, LOCK, [LOCK_CLASS, lock]);
    if (!locked) return { outcome: 'in-flight' };
    // A statement of its own, after the lock: its snapshot sees what a request that held it committed.
    const [stored] = await queryPrepared<StoredKey>(manager, FIND, [id]);
    return judgeStoredKey(stored, fingerprint);
  }

  /** Records the outcome in `manager`'s transaction, that of the request's writes. */
  async record(manager: EntityManager, scope: KeyScope, fingerprint: string, response: RecordedResponse): Promise<void> {
    await queryPrepared(manager, RECORD, [
      scopeKeys(scope).id,
      scope.caller,
      scope.method,
      scope.path,
      fingerprint,
      response.status,
      JSON.stringify(response.headers),
      response.body,
      IDEMPOTENCY_KEY_RETENTION_HOURS,
    ]);
  }

  /** Deletes keys past their retention; returns how many. */
  async purgeExpired(): Promise<number> {
    const [, deleted] = (await this.dataSource.query(`DELETE FROM idempotency_keys WHERE expires_at <= now()`)) as [unknown[], number];
    return deleted;
  }
}
