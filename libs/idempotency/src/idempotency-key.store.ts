import { Injectable } from '@nestjs/common';
import { prepared, queryPrepared } from '#ikm/persistence';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';

/** How long a key is kept after its request: a retry within this time gets the first outcome. */
export const IDEMPOTENCY_KEY_RETENTION_HOURS = 24;
/**
 * How long a first attempt holds its key. A request that died without releasing it (its process or
 * its connection lost mid-way) leaves the key in flight this long; a retry then takes it over. A first
 * attempt still running past it cannot commit anyway (see `complete`): it is refused, not done twice.
 */
export const IDEMPOTENCY_KEY_LEASE_SECONDS = 60;

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

export type Reservation =
  /** First time: this attempt holds the key and acts. */
  | { outcome: 'reserved'; attempt: string }
  /** Done before: answer with the recorded response. */
  | { outcome: 'replay'; response: RecordedResponse }
  /** The key belongs to another request (another body or If-Match). */
  | { outcome: 'reused' }
  /** An earlier attempt holds the key and has not finished. */
  | { outcome: 'in-flight' };

export interface StoredKey {
  fingerprint: string;
  status: number | null;
  headers: Record<string, string> | null;
  body: string | null;
}

/** What a key already stored means for a request with this fingerprint. */
export function judgeStoredKey(stored: StoredKey, fingerprint: string): Exclude<Reservation, { outcome: 'reserved' }> {
  if (stored.fingerprint !== fingerprint) return { outcome: 'reused' };
  if (stored.status === null) return { outcome: 'in-flight' };
  return { outcome: 'replay', response: { status: stored.status, headers: stored.headers ?? {}, body: stored.body } };
}

/** One column for the whole scope, so that a long path or key cannot overflow an index entry. */
export function scopeId({ caller, method, path, key }: KeyScope): string {
  return createHash('sha256').update(JSON.stringify([caller, method, path, key])).digest('base64url');
}

/**
 * Takes the key for a new attempt when it is free: never used, expired, or held by an attempt whose
 * lease ran out for the same request (a key is never taken over for another body: that is a 422).
 */
const RESERVE = prepared(
  `INSERT INTO idempotency_keys AS stored (id, caller, method, path, fingerprint, attempt, locked_until, expires_at)
   VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(secs => $7), now() + make_interval(hours => $8))
   ON CONFLICT (id) DO UPDATE SET
     caller = EXCLUDED.caller, method = EXCLUDED.method, path = EXCLUDED.path, fingerprint = EXCLUDED.fingerprint,
     attempt = EXCLUDED.attempt, locked_until = EXCLUDED.locked_until, expires_at = EXCLUDED.expires_at,
     status = NULL, headers = NULL, body = NULL, created_at = now()
   WHERE stored.expires_at <= now()
      OR (stored.status IS NULL AND stored.locked_until <= now() AND stored.fingerprint = EXCLUDED.fingerprint)
   RETURNING attempt`,
);
const FIND = prepared(`SELECT fingerprint, status, headers, body FROM idempotency_keys WHERE id = $1`);
/** In the transaction of the request's writes: the outcome commits with them, or neither does. */
const COMPLETE = prepared(
  `UPDATE idempotency_keys SET status = $3, headers = $4, body = $5, expires_at = now() + make_interval(hours => $6)
   WHERE id = $1 AND attempt = $2 AND status IS NULL RETURNING id`,
);
const RELEASE = prepared(`DELETE FROM idempotency_keys WHERE id = $1 AND attempt = $2 AND status IS NULL`);

/** The `idempotency_keys` table (created by `CreateIdempotencyKeys`, which every service's migrations include). */
@Injectable()
export class IdempotencyKeyStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Reserves the key for this attempt, or says why not; in a statement of its own, committed at once. */
  async reserve(scope: KeyScope, fingerprint: string): Promise<Reservation> {
    const id = scopeId(scope);
    // A key released between the two statements (its first attempt failed) is reserved on the next round.
    for (let round = 0; round < 3; round += 1) {
      const attempt = randomUUID();
      const reserved = await queryPrepared(this.dataSource.manager, RESERVE, [
        id,
        scope.caller,
        scope.method,
        scope.path,
        fingerprint,
        attempt,
        IDEMPOTENCY_KEY_LEASE_SECONDS,
        IDEMPOTENCY_KEY_RETENTION_HOURS,
      ]);
      if (reserved.length > 0) return { outcome: 'reserved', attempt };
      const [stored] = await queryPrepared<StoredKey>(this.dataSource.manager, FIND, [id]);
      if (stored) return judgeStoredKey(stored, fingerprint);
    }
    return { outcome: 'in-flight' };
  }

  /**
   * Records the outcome on `manager`, the transaction of the request's writes. False when the attempt
   * no longer holds the key (its lease ran out and a retry took it over): it must then not commit.
   */
  async complete(manager: EntityManager, scope: KeyScope, attempt: string, response: RecordedResponse): Promise<boolean> {
    const updated = await queryPrepared(manager, COMPLETE, [
      scopeId(scope),
      attempt,
      response.status,
      JSON.stringify(response.headers),
      response.body,
      IDEMPOTENCY_KEY_RETENTION_HOURS,
    ]);
    return updated.length > 0;
  }

  /** Frees the key of an attempt that did nothing (it failed), so that a retry acts at once. */
  async release(scope: KeyScope, attempt: string): Promise<void> {
    await queryPrepared(this.dataSource.manager, RELEASE, [scopeId(scope), attempt]);
  }

  /** Deletes keys past their retention; returns how many. */
  async purgeExpired(): Promise<number> {
    const deleted = await this.dataSource.query(`DELETE FROM idempotency_keys WHERE expires_at <= now()`);
    return (deleted as [unknown[], number])[1];
  }
}
