import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { RequestWithUser } from '#ikm/auth';
import { RequestTransaction } from '#ikm/persistence';
import type { FastifyReply } from 'fastify';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import { IDEMPOTENCY_KEY_HEADER, parseIdempotencyKey } from './idempotency-key.js';
import { IdempotencyKeyStore, type KeyScope, type RecordedResponse } from './idempotency-key.store.js';
import { IdempotencyError } from './idempotency.errors.js';
import { requestFingerprint } from './request-fingerprint.js';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Response headers a retry gets again with the status and body. */
const RECORDED_HEADERS = ['location', 'etag'];
/** Set on a response that repeats a recorded one instead of acting. */
export const IDEMPOTENT_REPLAYED_HEADER = 'idempotent-replayed';

/**
 * `Idempotency-Key` on every write of a service (draft-ietf-httpapi-idempotency-key-header): the first
 * request with a key acts, and its outcome (status, body, Location, ETag) is recorded in the same
 * transaction as its writes (a `RequestTransaction`), so a retry after a lost COMMIT or a lost
 * response gets that outcome instead of acting twice. A key is scoped to the caller, the method and
 * the path. Only outcomes are recorded, never errors: a request that failed changed nothing, so its
 * retry acts anew.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly store: IdempotencyKeyStore,
    private readonly dataSource: DataSource,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const request = http.getRequest<RequestWithUser>();
    const header = request.headers[IDEMPOTENCY_KEY_HEADER];
    // Keys are per caller, so a request without a verified caller has none (no service writes anonymously).
    if (header === undefined || !WRITE_METHODS.has(request.method) || !request.user) return next.handle();
    const scope = { caller: request.user.sub, method: request.method, path: request.url, key: parseIdempotencyKey(header) };
    return from(this.actOnce(scope, request, http.getResponse<FastifyReply>(), next));
  }

  private async actOnce(scope: KeyScope, request: RequestWithUser, reply: FastifyReply, next: CallHandler): Promise<unknown> {
    const ifMatch = request.headers['if-match'];
    const reservation = await this.store.reserve(scope, requestFingerprint(request.body, typeof ifMatch === 'string' ? ifMatch : undefined));
    if (reservation.outcome === 'replay') return replay(reply, reservation.response);
    if (reservation.outcome === 'reused') throw IdempotencyError.keyReused();
    if (reservation.outcome === 'in-flight') throw inFlight(reply);

    const { attempt } = reservation;
    const transaction = new RequestTransaction(this.dataSource);
    try {
      const body = await transaction.run(() => lastValueFrom(next.handle(), { defaultValue: undefined }));
      const response = recordOf(reply, body);
      await transaction.commit(async (manager) => {
        // Taken over after this attempt's lease ran out: the other attempt acts, this one must not.
        if (!(await this.store.complete(manager, scope, attempt, response))) throw inFlight(reply);
      });
      return body;
    } catch (error) {
      await transaction.rollback();
      // A COMMIT whose answer was lost may have committed: the release then finds the outcome recorded
      // and leaves it. With the database gone it fails, and the key waits for its lease to run out.
      await this.store.release(scope, attempt).catch(() => undefined);
      throw error;
    }
  }
}

function inFlight(reply: FastifyReply): IdempotencyError {
  void reply.header('retry-after', '1');
  return IdempotencyError.inFlight();
}

function recordOf(reply: FastifyReply, body: unknown): RecordedResponse {
  const headers: Record<string, string> = {};
  for (const name of RECORDED_HEADERS) {
    const value = reply.getHeader(name);
    if (value !== undefined) headers[name] = String(value);
  }
  return { status: reply.statusCode, headers, body: body === undefined ? null : JSON.stringify(body) };
}

function replay(reply: FastifyReply, response: RecordedResponse): unknown {
  void reply.status(response.status).headers({ ...response.headers, [IDEMPOTENT_REPLAYED_HEADER]: 'true' });
  return response.body === null ? undefined : JSON.parse(response.body);
}
