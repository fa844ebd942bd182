import { createHash } from 'node:crypto';
import { stringify } from 'safe-stable-stringify';

/**
 * What makes two requests with one key "the same request": the body, compared as JSON (so a retry that
 * orders its fields differently is still the same), and the `If-Match` it was conditional on.
 */
export function requestFingerprint(body: unknown, ifMatch: string | undefined): string {
  // An object always serialises (the typings allow for undefined, which only a function or symbol gives).
  const canonical = stringify({ body: body ?? null, ifMatch: ifMatch ?? null })!;
  return createHash('sha256').update(canonical).digest('base64url');
}
