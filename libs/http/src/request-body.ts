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
