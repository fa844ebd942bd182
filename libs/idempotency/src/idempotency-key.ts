import { InvalidRequestException } from '#ikm/http';
import { parseItem } from 'structured-headers';

const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

/** Visible ASCII, as a Structured Field string may hold it (spaces inside, not only spaces). */
const SANE_KEY = /^[\x20-\x7e]*[\x21-\x7e][\x20-\x7e]*$/;
/** A bare key (without the quotes the draft asks for), as many clients send one: no spaces or commas. */
const BARE_KEY = /^[\x21-\x2b\x2d-\x7e]+$/;

function refuse(reason: string): never {
  throw new InvalidRequestException([{ field: 'Idempotency-Key', reason }]);
}

/**
 * The key of an `Idempotency-Key` header: a Structured Field string (`"8e03978e-..."`), as
 * draft-ietf-httpapi-idempotency-key-header asks, or the same characters bare, as Stripe-style clients
 * send them; 1 to 255 characters of visible ASCII. Anything else (two keys, an empty one, control
 * characters, a number) is a 400 naming the header.
 */
export function parseIdempotencyKey(header: string | string[]): string {
  if (Array.isArray(header)) refuse('must be sent once');
  const value = header.trim();
  let key: string;
  if (value.startsWith('"')) {
    try {
      // An item starting with a quote is a string, if it is anything.
      key = parseItem(value)[0] as string;
    } catch {
      refuse('must be one Structured Field string, e.g. "8e03978e-40d5-43e8-bc93-6894a57f9324"');
    }
  } else {
    if (!BARE_KEY.test(value)) refuse('must be one key of visible ASCII characters, e.g. "8e03978e-40d5-43e8-bc93-6894a57f9324"');
    key = value;
  }
  if (key.length > MAX_IDEMPOTENCY_KEY_LENGTH) refuse(`must be at most ${MAX_IDEMPOTENCY_KEY_LENGTH} characters long`);
  if (!SANE_KEY.test(key)) refuse('must hold at least one visible ASCII character and nothing else');
  return key;
}
