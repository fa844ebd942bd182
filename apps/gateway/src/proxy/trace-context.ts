import { randomBytes } from 'node:crypto';

const TRACEPARENT = /^[\da-f]{2}-[\da-f]{32}-[\da-f]{16}-[\da-f]{2}$/;

/** The caller's W3C traceparent when well-formed, else a new sampled trace starting at the gateway. */
export function traceparentFor(given: string | string[] | undefined): string {
  const value = Array.isArray(given) ? given[0] : given;
  if (value && TRACEPARENT.test(value)) return value;
  return `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01`;
}
