/**
 * The headers of `Idempotency-Key` (libs/idempotency), here because the HTTP app names them too: CORS
 * lets a browser send the one and read the other.
 */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
/** Set on a response that repeats the outcome recorded for its key instead of acting again. */
export const IDEMPOTENT_REPLAYED_HEADER = 'idempotent-replayed';
