import { createHash } from 'node:crypto';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import type { ByteRange } from '../byte-range.js';
import { FileError } from '../file.errors.js';
import type { ExpectedDigest } from '../content-digest.js';

/** Where a file's bytes went: the key to read them by, their size and their SHA-256 in hex. */
export interface StoredContent {
  key: string;
  size: number;
  sha256: string;
}

/**
 * Where uploaded files' bytes live, apart from their description (asset_files). The bytes of a key
 * never change: a new upload is a new key, so versions share a key without copying bytes.
 *
 * - `write` consumes the stream as it comes, never holding it whole, and stores nothing when the
 *   stream fails (too large, wrong type, the client gone) or its SHA-256 is not the expected one.
 * - `read` streams the bytes, or one range of them.
 * - `delete` forgets a key; deleting one that is gone is not an error.
 *
 * PostgreSQL by default (FILE_STORAGE=postgres); an S3-compatible store can take over in production
 * (FILE_STORAGE=s3) by implementing this interface, see README.
 */
export interface FileStorage {
  write(content: Readable, expected?: ExpectedDigest): Promise<StoredContent>;
  read(key: string, range?: ByteRange): Readable;
  delete(key: string): Promise<void>;
}

/** The Nest token of the configured FileStorage. */
export const FILE_STORAGE = Symbol('FileStorage');

/**
 * Counts and hashes the bytes passing through, and fails at their end, before a storage commits them,
 * when their SHA-256 is not the one the client announced. Every storage writes through one.
 */
export class DigestingStream extends Transform {
  private readonly hash = createHash('sha256');
  size = 0;
  sha256 = '';

  constructor(private readonly expected?: ExpectedDigest) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.size += chunk.length;
    this.hash.update(chunk);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    this.sha256 = this.hash.digest('hex');
    if (this.expected && this.expected.sha256 !== this.sha256) return callback(FileError.checksumMismatch(this.expected.field, this.expected.sha256, this.sha256));
    callback();
  }
}

/** Regroups a stream's pieces (whatever size the network gave) into chunks of exactly `size` bytes, the last one shorter. */
export class Rechunker extends Transform {
  private pending: Buffer[] = [];
  private pendingLength = 0;

  constructor(private readonly size: number) {
    // One chunk per read, as pushed (a byte-mode reader would get the buffered chunks joined), and at
    // most one waiting: the stream holds about one chunk, whatever the file's size.
    super({ readableObjectMode: true, readableHighWaterMark: 1 });
  }

  override _transform(piece: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.pending.push(piece);
    this.pendingLength += piece.length;
    while (this.pendingLength >= this.size) {
      const joined = Buffer.concat(this.pending, this.pendingLength);
      this.push(joined.subarray(0, this.size));
      const rest = joined.subarray(this.size);
      this.pending = rest.length > 0 ? [rest] : [];
      this.pendingLength = rest.length;
    }
    callback();
  }

  override _flush(callback: TransformCallback): void {
    if (this.pendingLength > 0) this.push(Buffer.concat(this.pending, this.pendingLength));
    callback();
  }
}
