import { Transform, type TransformCallback } from 'node:stream';
import { IngestionError } from '../ingestion/ingestion.errors.js';

/** An import's bytes on their way to storage, refused with a 413 the moment they pass the limit. */
export class ImportLimit extends Transform {
  private received = 0;

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.received += chunk.length;
    if (this.received > this.maxBytes) return callback(IngestionError.tooLarge(this.maxBytes));
    callback(null, chunk);
  }
}
