import type { IncomingMessage } from 'node:http';
import { finished, type Readable, type Writable } from 'node:stream';

/**
 * Feeds a request's body into a stage that takes it on (a size or type check, a proxied request), and
 * returns the stage. Not a pipeline: when the stage refuses the bytes (too large, say), a pipeline would
 * destroy the request and its connection with it, and the refusal would never reach the client; here
 * the request is only unpiped. A request that ends before its last byte (the client gone) fails the
 * stage with `incomplete()` instead, where a plain `pipe` would leave the stage waiting for ever.
 */
export function feedRequestBody<Stage extends Writable>(request: Readable, stage: Stage, incomplete: () => Error): Stage {
  request.pipe(stage);
  // The stage's reader may attach only later (after a query, say): until then this listener keeps
  // the stage's error from being thrown as unhandled; the reader still sees it.
  stage.on('error', () => request.unpipe(stage));
  finished(request, (error) => {
    if (error) stage.destroy(incomplete());
  });
  return stage;
}

/** How long a refused request's remaining body is read (and thrown away) before its connection is closed. */
export const REFUSED_BODY_LINGER_MS = 5_000;

/**
 * A request answered before its body has all arrived (refused as too large, say): the rest is read and
 * thrown away, for at most `lingerMs`, before the connection is closed. Closing at once would leave bytes
 * arriving at a closed socket, which the kernel answers with a reset; a peer still writing its body (the
 * gateway forwarding an upload) then fails with EPIPE before it has read the answer, and its caller gets
 * a 502 instead of the refusal. Read on, the peer sees the answer and stops sending by itself. The time
 * limit (nginx's lingering close) keeps a client that never stops from holding the connection.
 */
export function discardRestOfBody(request: IncomingMessage, lingerMs = REFUSED_BODY_LINGER_MS): void {
  if (request.complete || request.destroyed) return;
  request.unpipe();
  request.resume();
  const closeConnection = setTimeout(() => request.socket?.destroy(), lingerMs);
  // Neither the wait nor the socket keeps a process that is shutting down alive.
  closeConnection.unref();
  request.once('end', () => clearTimeout(closeConnection));
  request.once('close', () => clearTimeout(closeConnection));
}
