/** One error of a chain, whoever threw it: only what callers read of it. */
export interface ErrorLink {
  code?: unknown;
  statusCode?: unknown;
  message?: unknown;
  cause?: unknown;
  /** TypeORM's QueryFailedError keeps pg's error here. */
  driverError?: unknown;
}

const MOST_LINKS = 10;

/**
 * The error and those it wraps, outermost first: each `cause` (ES2022 errors, undici, reply-from) and
 * each `driverError` (TypeORM). What is not an object is skipped; a chain that loops is followed once
 * round, and at most 10 links are given.
 */
export function* causes(error: unknown): Generator<ErrorLink> {
  const seen = new Set<object>();
  const pending: unknown[] = [error];
  while (pending.length > 0 && seen.size < MOST_LINKS) {
    const link = pending.shift();
    if (typeof link !== 'object' || link === null || seen.has(link)) continue;
    seen.add(link);
    yield link;
    pending.push((link as ErrorLink).cause, (link as ErrorLink).driverError);
  }
}
