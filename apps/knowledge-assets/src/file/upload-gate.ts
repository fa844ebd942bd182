import { fileTypeFromBuffer, supportedMimeTypes } from 'file-type';
import { Transform, type TransformCallback } from 'node:stream';
import { FileError } from './file.errors.js';
import { mediaTypeOf } from './media-type.js';

/** What file-type reads by default to recognise a format (its `sampleSize`). */
const SAMPLE_BYTES = 4100;

/**
 * The upload's bytes on their way to storage: refused with a 413 the moment they pass the limit, and
 * with a 415 when their first bytes contradict the declared media type, before any of them goes on.
 * Holds back only the sample it sniffs; everything after flows through as it comes.
 */
export class UploadGate extends Transform {
  private received = 0;
  private sample: Buffer[] = [];
  private sampled = 0;
  private sniffed = false;
  /** The type the file is stored under, known once its first bytes have been seen. */
  mediaType: string;

  constructor(private readonly options: { maxBytes: number; declared: string }) {
    super();
    this.mediaType = options.declared;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.received += chunk.length;
    if (this.received > this.options.maxBytes) return callback(FileError.tooLarge(this.options.maxBytes));
    if (this.sniffed) return callback(null, chunk);
    this.sample.push(chunk);
    this.sampled += chunk.length;
    if (this.sampled < SAMPLE_BYTES) return callback();
    this.sniff().then(() => callback(), callback);
  }

  override _flush(callback: TransformCallback): void {
    if (this.sniffed) return callback();
    this.sniff().then(() => callback(), callback);
  }

  private async sniff(): Promise<void> {
    const head = Buffer.concat(this.sample);
    this.sample = [];
    this.sniffed = true;
    const detected = await fileTypeFromBuffer(head.subarray(0, SAMPLE_BYTES));
    this.mediaType = mediaTypeOf(this.options.declared, detected?.mime, supportedMimeTypes);
    if (head.length > 0) this.push(head);
  }
}
