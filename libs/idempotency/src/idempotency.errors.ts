import { domainErrorClass } from '#ikm/domain';

export enum IdempotencyErrorCode {
  /** The key was used before for another request (another body or If-Match): 422. */
  KeyReused = 'IDEMPOTENCY_KEY_REUSED',
  /** The first request with this key is still being processed: 409, retry shortly. */
  InFlight = 'IDEMPOTENCY_KEY_IN_FLIGHT',
}

export class IdempotencyError extends domainErrorClass<IdempotencyErrorCode>({
  [IdempotencyErrorCode.KeyReused]: 422,
  [IdempotencyErrorCode.InFlight]: 409,
}) {
  static keyReused(): IdempotencyError {
    return new IdempotencyError(
      IdempotencyErrorCode.KeyReused,
      'This Idempotency-Key was used for another request (another body or If-Match) to the same operation; use a new key for a new request.',
    );
  }

  static inFlight(): IdempotencyError {
    return new IdempotencyError(
      IdempotencyErrorCode.InFlight,
      'A request with this Idempotency-Key is still being processed; retry after Retry-After seconds to get its outcome.',
    );
  }
}
