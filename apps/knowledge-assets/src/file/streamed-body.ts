import { RouteConfig } from '@nestjs/platform-fastify';
import { errorCodes, type FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set by `@StreamedBody()`. */
    streamedBody?: boolean;
  }
}

/**
 * The route takes its body as the raw request stream, whatever its media type (bar the two Fastify
 * parses itself, application/json and text/plain), unread and unbuffered: the handler gets a Readable.
 */
export const StreamedBody = () => RouteConfig({ streamedBody: true });

/**
 * Fastify's catch-all content-type parser: on a `@StreamedBody()` route it hands the payload stream on
 * as the body; anywhere else it refuses the body with Fastify's own 415, exactly as without it. A
 * parser that passes the stream (rather than `parseAs`) is what Fastify documents for raw bodies, and
 * its bodyLimit does not apply: the upload sets its own limit while it reads.
 */
export function acceptStreamedBodies(fastify: FastifyInstance): void {
  fastify.addContentTypeParser('*', (request, payload, done) => {
    if (request.is404 || request.routeOptions.config?.streamedBody === true) return done(null, payload);
    done(new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE(), undefined);
  });
}
