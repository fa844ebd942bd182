import { PassThrough, Writable } from 'node:stream';
import { feedRequestBody } from './request-body.js';

const incomplete = () => new Error('incomplete');
const sink = (onChunk: (chunk: Buffer, callback: (error?: Error) => void) => void) => new Writable({ write: (chunk: Buffer, _encoding, callback) => onChunk(chunk, callback) });

describe('feedRequestBody', () => {
  it('fails the stage when the request breaks off before its end', async () => {
    const request = new PassThrough();
    const stage = feedRequestBody(request, sink((_chunk, callback) => callback()), incomplete);
    const failed = new Promise<Error>((resolve) => stage.on('error', resolve));
    request.write('some bytes');
    request.destroy();
    expect((await failed).message).toBe('incomplete');
  });

  it('leaves the request whole when the stage refuses the bytes, so its answer can still be sent', async () => {
    const request = new PassThrough();
    const stage = feedRequestBody(request, sink((_chunk, callback) => callback(new Error('too large'))), incomplete);
    request.write('too many bytes');
    await new Promise((resolve) => stage.on('close', resolve));
    expect(request.destroyed).toBe(false);
  });
});
