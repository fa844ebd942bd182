import { FileError } from './file.errors.js';

/** Bytes `start` to `end`, both included. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * The one byte range a `Range` header asks of a file of `size` bytes (RFC 9110, 14.2), or undefined
 * for the whole file: no header, one that is not a single `bytes` range (several ranges, another
 * unit, bad syntax: a server may ignore those), or an `If-Range` naming another version. A range
 * wholly past the end is a 416.
 */
export function requestedRange(header: string | undefined, size: number, ifRange: string | undefined, etag: string): ByteRange | undefined {
  if (header === undefined || (ifRange !== undefined && ifRange.trim() !== etag)) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  const [first, last] = [match[1], match[2]];
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0) throw FileError.rangeNotSatisfiable(size);
    return size === 0 ? undefined : { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (last !== '' && Number(last) < start) return undefined;
  if (start >= size) throw FileError.rangeNotSatisfiable(size);
  return { start, end };
}
