import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DataSource } from 'typeorm';
import type { ByteRange } from '../byte-range.js';
import type { ExpectedDigest } from '../content-digest.js';
import { DigestingStream, Rechunker, type FileStorage, type StoredContent } from './file-storage.js';

/** Rows of this size: few enough rows for a 100 MB file (400), small enough to hold one at a time. */
export const CHUNK_BYTES = 256 * 1024;

interface Queryable {
  query(text: string, parameters?: unknown[]): Promise<unknown>;
}

/**
 * Files in the service's own database: a row per blob (file_blobs) and its bytes in fixed-size bytea
 * chunks (file_blob_chunks), stored out of line without compression (most uploads are compressed
 * already). A write inserts chunk after chunk inside one transaction as the bytes arrive, so a failed
 * upload leaves nothing; a read fetches one chunk per query as the client takes them, so a slow
 * download holds no connection or transaction between chunks, and a range starts at its chunk.
 */
export class PostgresFileStorage implements FileStorage {
  constructor(
    private readonly dataSource: DataSource,
    private readonly chunkBytes: number = CHUNK_BYTES,
  ) {}

  async write(content: Readable, expected?: ExpectedDigest): Promise<StoredContent> {
    const key = randomUUID();
    const digest = new DigestingStream(expected);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`INSERT INTO file_blobs (key, size, sha256, chunk_bytes, created_at) VALUES ($1, 0, '', $2, now())`, [key, this.chunkBytes]);
      await pipeline(content, digest, new Rechunker(this.chunkBytes), (chunks) => this.insertChunks(manager, key, chunks));
      await manager.query(`UPDATE file_blobs SET size = $2, sha256 = $3 WHERE key = $1`, [key, digest.size, digest.sha256]);
    });
    return { key, size: digest.size, sha256: digest.sha256 };
  }

  read(key: string, range?: ByteRange): Readable {
    return Readable.from(this.chunks(key, range), { objectMode: false });
  }

  async delete(key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM file_blobs WHERE key = $1`, [key]);
  }

  /** One INSERT per chunk, each awaited before the next chunk is taken: the stream waits for the database. */
  private async insertChunks(manager: Queryable, key: string, chunks: AsyncIterable<Buffer>): Promise<void> {
    let seq = 0;
    for await (const chunk of chunks) await manager.query(`INSERT INTO file_blob_chunks (key, seq, data) VALUES ($1, $2, $3)`, [key, seq++, chunk]);
  }

  private async *chunks(key: string, range: ByteRange | undefined): AsyncGenerator<Buffer> {
    const [blob] = (await this.dataSource.query(`SELECT size::float8 AS size, chunk_bytes FROM file_blobs WHERE key = $1`, [key])) as Array<{ size: number; chunk_bytes: number }>;
    if (!blob) throw new Error(`file blob ${key} is missing`);
    if (blob.size === 0) return;
    const { start, end } = range ?? { start: 0, end: blob.size - 1 };
    const size = blob.chunk_bytes;
    for (let seq = Math.floor(start / size); seq <= Math.floor(end / size); seq++) {
      const [row] = (await this.dataSource.query(`SELECT data FROM file_blob_chunks WHERE key = $1 AND seq = $2`, [key, seq])) as Array<{ data: Buffer }>;
      if (!row) throw new Error(`chunk ${seq} of file blob ${key} is missing`);
      const offset = seq * size;
      yield row.data.subarray(Math.max(0, start - offset), Math.min(size, end - offset + 1));
    }
  }
}
