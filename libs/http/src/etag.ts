import { InvalidRequestException } from './validation.js';

/** A resource's version as a strong ETag. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/** The version a client expects from `If-Match`, or undefined when it sent none (the change is then unconditional). */
export function versionFromIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (!match) throw new InvalidRequestException([{ field: 'If-Match', reason: 'must be an ETag this API returned, e.g. "3"' }]);
  return Number(match[1]);
}

/**
 * Whether `If-None-Match` names this ETag (RFC 9110 §13.1.2: `*` or a list of entity tags, compared
 * weakly, so `W/"3"` matches `"3"`). A header that names nothing this API returned never matches: the
 * client then simply gets the resource.
 */
export function ifNoneMatchHolds(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const wanted = etag.replace(/^W\//, '');
  return header.split(',').some((tag) => {
    const candidate = tag.trim();
    return candidate === '*' || candidate.replace(/^W\//, '') === wanted;
  });
}
