import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * What a resumption token carries: the list request it continues and where its next page starts (a
 * keyset position: the last datestamp and asset id served), with the size and cursor OAI-PMH reports.
 * It is self-contained, so it outlives the process that issued it and works on any instance, and
 * signed (HMAC-SHA256 with OAI_TOKEN_SECRET), so a harvester cannot edit its way to another position or
 * query. Stored tokens would need a table and a sweeper for no gain: nothing a page needs is secret.
 */
export interface ListPosition {
  verb: 'ListRecords' | 'ListIdentifiers';
  metadataPrefix: string;
  set: string | null;
  from: string | null;
  until: string | null;
  /** The last item served: its datestamp (ISO, ms) and asset id. */
  after: { datestamp: string; assetId: string };
  /** How many items were served before the next page. */
  cursor: number;
  completeListSize: number;
  /** When the token stops being accepted (ISO). */
  expiresAt: string;
}

const VERSION = 'v1';

function signatureOf(payload: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(`${VERSION}.${payload}`).digest();
}

export function encodeResumptionToken(position: ListPosition, secret: string): string {
  const payload = Buffer.from(JSON.stringify(position)).toString('base64url');
  return `${VERSION}.${payload}.${signatureOf(payload, secret).toString('base64url')}`;
}

/** The position a token names, or why it is refused: tampered, malformed or expired are all badResumptionToken. */
export function decodeResumptionToken(token: string, secret: string, now: Date): { position: ListPosition } | { refused: string } {
  const [version, payload, signature, ...rest] = token.split('.');
  if (version !== VERSION || !payload || !signature || rest.length > 0) return { refused: 'not a resumption token of this repository' };
  const given = Buffer.from(signature, 'base64url');
  const expected = signatureOf(payload, secret);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { refused: 'the resumption token was not issued by this repository or was altered' };
  let position: ListPosition;
  try {
    position = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as ListPosition;
  } catch {
    return { refused: 'not a resumption token of this repository' };
  }
  if (!(Date.parse(position.expiresAt) > now.getTime())) return { refused: `the resumption token expired at ${position.expiresAt}` };
  return { position };
}
