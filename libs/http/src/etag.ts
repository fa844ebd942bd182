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
