import type { IncomingMessage } from 'node:http';
import { PassThrough, Writable } from 'node:stream';
import { discardRestOfBody, feedRequestBody } from './request-body.js';

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

describe('discardRestOfBody', () => {
  /** A request still arriving, on a socket that records whether it was closed. */
  const arriving = () => Object.assign(new PassThrough(), { complete: false, socket: { destroyed: false, destroy() { this.destroyed = true; } } });
  const asRequest = (request: ReturnType<typeof arriving>) => request as unknown as IncomingMessage;

  it('reads the rest of the body and keeps the connection once the body ends in time', async () => {
    const request = arriving();
    discardRestOfBody(asRequest(request), 200);
    request.write(Buffer.alloc(64 * 1024));
    request.end(Buffer.alloc(64 * 1024));
    await new Promise((resolve) => request.on('end', resolve));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(request.socket.destroyed).toBe(false);
  });

  it('closes the connection when the body is still arriving after the time limit', async () => {
    const request = arriving();
    discardRestOfBody(asRequest(request), 50);
    request.write('more');
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(request.socket.destroyed).toBe(true);
  });

  it('leaves a request alone whose body has all arrived', async () => {
    const request = Object.assign(arriving(), { complete: true });
    discardRestOfBody(asRequest(request), 10);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(request.socket.destroyed).toBe(false);
    expect(request.readableFlowing).toBeNull();
  });
});
