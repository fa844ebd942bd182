import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { DataSource } from 'typeorm';
import { FileErrorCode } from '../file.errors.js';
import { PostgresFileStorage } from './postgres-file-storage.js';

const CHUNK = 64 * 1024;
const PIECE = 16 * 1024;
const PIECES = 64;

/** A source of PIECES pieces of PIECE bytes that counts how many it has given. */
function countingSource() {
  const source = { given: 0, bytes: Buffer.alloc(PIECE * PIECES) };
  for (let index = 0; index < source.bytes.length; index++) source.bytes[index] = index % 251;
  const stream = Readable.from(
    (function* () {
      for (let piece = 0; piece < PIECES; piece++) {
        source.given++;
        yield source.bytes.subarray(piece * PIECE, (piece + 1) * PIECE);
      }
    })(),
  );
  return { source, stream };
}

/** A data source whose transaction records every statement, and what the source had given when each chunk was inserted. */
function recordingDataSource(source: { given: number }) {
  const inserts: Array<{ seq: number; length: number; givenSoFar: number }> = [];
  const statements: string[] = [];
  const manager = {
    query: async (text: string, parameters: unknown[] = []) => {
      statements.push(text.split(' ').slice(0, 3).join(' '));
      if (text.startsWith('INSERT INTO file_blob_chunks')) inserts.push({ seq: parameters[1] as number, length: (parameters[2] as Buffer).length, givenSoFar: source.given });
      return [];
    },
  };
  const dataSource = { transaction: async (work: (m: typeof manager) => Promise<unknown>) => work(manager) } as unknown as DataSource;
  return { dataSource, inserts, statements };
}

describe('PostgresFileStorage.write', () => {
  it('consumes the stream chunk by chunk: each chunk is inserted before the rest of the source is read', async () => {
    const { source, stream } = countingSource();
    const { dataSource, inserts } = recordingDataSource(source);
    const sut = new PostgresFileStorage(dataSource, CHUNK);

    const stored = await sut.write(stream);

    expect(inserts.map(({ seq, length }) => [seq, length])).toEqual([...Array(16).keys()].map((seq) => [seq, CHUNK]));
    expect(inserts[0].givenSoFar).toBeLessThan(PIECES / 2);
    expect(stored).toMatchObject({ size: PIECE * PIECES, sha256: createHash('sha256').update(source.bytes).digest('hex') });
  });

  it('fails before the blob is completed when the bytes are not the announced ones, so its transaction rolls back', async () => {
    const { source, stream } = countingSource();
    const { dataSource, statements } = recordingDataSource(source);
    const sut = new PostgresFileStorage(dataSource, CHUNK);

    await expect(sut.write(stream, { sha256: '0'.repeat(64), field: 'Content-Digest' })).rejects.toMatchObject({ code: FileErrorCode.ChecksumMismatch });
    expect(statements).not.toContain('UPDATE file_blobs SET');
  });
});
