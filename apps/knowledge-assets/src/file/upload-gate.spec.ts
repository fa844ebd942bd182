import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { FileErrorCode } from './file.errors.js';
import { UploadGate } from './upload-gate.js';

/** A 1x1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(5000, 32)]);

async function through(bytes: Buffer, options: { maxBytes: number; declared: string }) {
  const sut = new UploadGate(options);
  const out: Buffer[] = [];
  await pipeline(Readable.from([bytes.subarray(0, 40), bytes.subarray(40)]), sut, async (chunks: AsyncIterable<Buffer>) => {
    for await (const chunk of chunks) out.push(chunk);
  });
  return { sut, out: Buffer.concat(out) };
}

describe('UploadGate', () => {
  it('passes every byte on, in order, and keeps the declared type the bytes confirm', async () => {
    const { sut, out } = await through(PDF, { maxBytes: 10_000, declared: 'application/pdf' });
    expect(out.equals(PDF)).toBe(true);
    expect(sut.mediaType).toBe('application/pdf');
  });

  it('refuses PNG bytes declared as a PDF with a 415', async () => {
    await expect(through(PNG, { maxBytes: 10_000, declared: 'application/pdf' })).rejects.toMatchObject({ code: FileErrorCode.MediaTypeRefused, status: 415 });
  });

  it('refuses a PDF without its signature, and binary bytes declared as CSV', async () => {
    await expect(through(Buffer.alloc(5000, 65), { maxBytes: 10_000, declared: 'application/pdf' })).rejects.toMatchObject({ status: 415 });
    await expect(through(PNG, { maxBytes: 10_000, declared: 'text/csv' })).rejects.toMatchObject({ status: 415 });
  });

  it('stores bytes sent as application/octet-stream under the type they show', async () => {
    expect((await through(PNG, { maxBytes: 10_000, declared: 'application/octet-stream' })).sut.mediaType).toBe('image/png');
  });

  it('refuses with a 413 once the bytes pass the limit', async () => {
    await expect(through(PDF, { maxBytes: 4_000, declared: 'application/pdf' })).rejects.toMatchObject({ code: FileErrorCode.TooLarge, status: 413 });
  });
});
