import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { RequestWithUser } from '#ikm/auth';
import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENT_REPLAYED_HEADER, isWriteMethod } from '#ikm/http';
import { RequestTransaction } from '#ikm/persistence';
import type { FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import { parseIdempotencyKey } from './idempotency-key.js';
import { IdempotencyKeyStore, type Claim, type KeyScope, type RecordedResponse } from './idempotency-key.store.js';
import { IdempotencyError } from './idempotency.errors.js';
import { requestFingerprint } from './request-fingerprint.js';

/** Response headers a retry gets again with the status and body. */
const RECORDED_HEADERS = ['location', 'etag'];

/**
 * `Idempotency-Key` on every write of a service (draft-ietf-httpapi-idempotency-key-header). A keyed
 * request runs in one `RequestTransaction`: it first takes the key (a 409 while another request holds
 * it, the recorded response if one was done with it, a 422 if that one had another body), then its
 * handler's writes join the transaction, and its outcome (status, body, Location, ETag) is recorded in
 * it before the COMMIT. So the write and its outcome commit together or not at all: a retry after a
 * lost COMMIT or a lost response gets that outcome instead of acting twice. A key is scoped to the
 * caller, the method and the path. Only outcomes are recorded, never errors: a request that failed
 * changed nothing (its transaction rolled back), so its retry acts anew.
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
    if (header === undefined || !isWriteMethod(request.method) || !request.user) return next.handle();
    // A streamed body (a file upload) cannot be fingerprinted before it is read, nor held in one
    // transaction with its outcome: such a route is a PUT that is idempotent by itself.
    if (request.body instanceof Readable) return next.handle();
    const scope = { caller: request.user.sub, method: request.method, path: request.url, key: parseIdempotencyKey(header) };
    const ifMatch = request.headers['if-match'];
    const fingerprint = requestFingerprint(request.body, typeof ifMatch === 'string' ? ifMatch : undefined);
    return from(this.actOnce(scope, fingerprint, http.getResponse<FastifyReply>(), next));
  }

  private async actOnce(scope: KeyScope, fingerprint: string, reply: FastifyReply, next: CallHandler): Promise<unknown> {
    const transaction = new RequestTransaction(this.dataSource);
    try {
      const claim = await transaction.transaction(undefined, (manager) => this.store.claim(manager, scope, fingerprint));
      if (claim.outcome !== 'act') {
        await transaction.rollback();
        return answerWithout(claim, reply);
      }
      const body = await transaction.run(() => lastValueFrom(next.handle(), { defaultValue: undefined }));
      await transaction.commit((manager) => this.store.record(manager, scope, fingerprint, recordOf(reply, body)));
      return body;
    } catch (error) {
      await transaction.rollback();
      throw error;
    }
  }
}

/** The answer to a request whose key says it must not act. */
function answerWithout(claim: Exclude<Claim, { outcome: 'act' }>, reply: FastifyReply): unknown {
  if (claim.outcome === 'reused') throw IdempotencyError.keyReused();
  if (claim.outcome === 'in-flight') {
    void reply.header('retry-after', '1');
    throw IdempotencyError.inFlight();
  }
  const { status, headers, body } = claim.response;
  void reply.status(status).headers({ ...headers, [IDEMPOTENT_REPLAYED_HEADER]: 'true' });
  return body === null ? undefined : JSON.parse(body);
}

function recordOf(reply: FastifyReply, body: unknown): RecordedResponse {
  const headers: Record<string, string> = {};
  for (const name of RECORDED_HEADERS) {
    const value = reply.getHeader(name);
    if (value !== undefined) headers[name] = String(value);
  }
  return { status: reply.statusCode, headers, body: body === undefined ? null : JSON.stringify(body) };
}
