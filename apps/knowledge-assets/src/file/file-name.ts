import { FileError } from './file.errors.js';

/** What a file system of any reader accepts in one name (ext4, NTFS and APFS all stop at 255). */
const MAX_NAME_BYTES = 255;

/**
 * A file's name within its version, from the path, in Unicode NFC so that one name has one spelling:
 * one path segment a reader can save under (no separators, no control characters, not `.` or `..`).
 */
export function fileName(raw: string): string {
  const name = raw.normalize('NFC');
  if (name.trim() === '') throw FileError.invalidName('must not be empty');
  if (/[/\\]/.test(name)) throw FileError.invalidName('must not contain / or \\');
  if (/\p{Cc}/u.test(name)) throw FileError.invalidName('must not contain control characters');
  if (name === '.' || name === '..') throw FileError.invalidName('must not be . or ..');
  if (Buffer.byteLength(name) > MAX_NAME_BYTES) throw FileError.invalidName(`must take at most ${MAX_NAME_BYTES} bytes in UTF-8`);
  return name;
}
