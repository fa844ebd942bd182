import replyFrom from '@fastify/reply-from';
import { feedRequestBody, FORWARDED_PREFIX_HEADER, markRefusedWhileUnavailable, sendProblem, statusProblem, toProblem, type ProxyTrust } from '#ikm/http';
import { correlationIdOf, CORRELATION_HEADER } from '#ikm/observability';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingHttpHeaders } from 'node:http';
import { Transform, type TransformCallback } from 'node:stream';
import type { Logger } from 'pino';
import { API_PREFIX, type Upstream } from '../upstreams/upstreams.js';
import { bodyLimitFor, type BodyLimits } from './body-limit.js';
import { traceparentFor } from './trace-context.js';
import { upstreamProblem } from './upstream-problem.js';

export interface ProxyOptions {
  upstreams: Upstream[];
  timeoutMs: number;
  bodyLimits: BodyLimits;
  /** The proxies in front of the gateway (TRUSTED_PROXIES), whose forwarding headers it believes. */
  proxyTrust: ProxyTrust;
  logger: Logger;
}

class PayloadTooLargeError extends Error {
  readonly statusCode = 413;
}

/** The caller went away mid-body: the request to the service is abandoned with it. */
class BodyIncompleteError extends Error {
  readonly statusCode = 400;
}

/** Passes the body through as it arrives, failing once it grows past the limit (for chunked bodies). */
function limitedStream(limit: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      seen += chunk.length;
      if (seen > limit) callback(new PayloadTooLargeError(`Request body is larger than ${limit} bytes`));
      else callback(null, chunk);
    },
  });
}

/**
 * `/api/v1/<service>/...` is forwarded to the service's `/<service>/...` with the body streamed, not
 * buffered, both ways; a body the service would parse keeps the small limit, a raw one (a file) the
 * large one. The caller's Authorization is passed on (each service verifies it itself), with the
 * request id, a W3C traceparent and the X-Forwarded-* headers the gateway itself believes. An upstream that is down or slow becomes a 503 or 504 problem
 * naming it, within the configured timeout.
 */
export function proxyRoutes(options: ProxyOptions) {
  const upstreams = new Map(options.upstreams.map((upstream) => [upstream.name, upstream]));

  return async function register(instance: FastifyInstance): Promise<void> {
    await instance.register(replyFrom, {
      undici: { connections: 128, pipelining: 1, keepAliveTimeout: 30_000, headersTimeout: options.timeoutMs },
      disableRequestLogging: true,
    });
    // The proxy never parses bodies: whatever the content type, it streams them on, within its limit.
    const limitOf = (request: FastifyRequest) => bodyLimitFor(request.headers['content-type'], options.bodyLimits);
    instance.removeAllContentTypeParsers();
    instance.addContentTypeParser('*', (request, payload, done) =>
      done(null, feedRequestBody(payload, limitedStream(limitOf(request)), () => new BodyIncompleteError('The request body ended before its last byte'))),
    );
    const instanceOf = (request: FastifyRequest) => options.proxyTrust.callerPath(request);
    instance.setErrorHandler((error, request, reply) => sendProblem(reply, toProblem(error, instanceOf(request), options.logger)));

    instance.addHook('onRequest', async (request, reply) => {
      const declared = Number(request.headers['content-length'] ?? 0);
      const limit = limitOf(request);
      if (declared > limit) sendProblem(reply, statusProblem(413, `Request body is larger than ${limit} bytes.`, instanceOf(request)));
    });

    const forward = (request: FastifyRequest<{ Params: { service: string } }>, reply: FastifyReply) => {
      const upstream = upstreams.get(request.params.service);
      if (!upstream) {
        const known = [...upstreams.keys()].join(', ');
        return sendProblem(reply, statusProblem(404, `No service is called ${request.params.service}; known: ${known}.`, instanceOf(request)));
      }
      return reply.from(`${upstream.url}${request.url.slice(API_PREFIX.length)}`, {
        timeout: options.timeoutMs,
        // reply-from would retry a GET answered with 503 for minutes; the caller decides instead.
        retryDelay: () => null,
        rewriteRequestHeaders: (_incoming, headers) => forwardedHeaders(request, headers, options.proxyTrust),
        rewriteHeaders: (headers) => publicHeaders(headers),
        onResponse: (_request, _reply, response) => {
          // A service refusing work it cannot do just now (its database down) answers 503 with
          // Retry-After and logs the episode once itself; the gateway's access log takes it as refused too.
          if (reply.statusCode === 503 && reply.hasHeader('retry-after')) markRefusedWhileUnavailable(request);
          void reply.send(response.stream);
        },
        onError: (_failed, { error }) => sendProblem(reply, upstreamProblem(upstream.name, error, instanceOf(request), options.timeoutMs)),
      });
    };
    instance.all(`${API_PREFIX}/:service`, forward);
    instance.all(`${API_PREFIX}/:service/*`, forward);
  };
}

/**
 * The services trust the gateway's forwarding headers (their TRUSTED_PROXIES), so it sends only what it
 * believes itself, replacing whatever the caller sent: the caller's address and protocol (taken from
 * the headers of the gateway's own trusted proxies, if any, else from the connection), and the prefix
 * the caller's path had before the gateway dropped `/api/v1`, for the services' problem `instance`.
 */
function forwardedHeaders(request: FastifyRequest, headers: IncomingHttpHeaders, proxyTrust: ProxyTrust): IncomingHttpHeaders {
  return {
    ...headers,
    [CORRELATION_HEADER]: correlationIdOf(request.raw),
    traceparent: traceparentFor(headers.traceparent),
    'x-forwarded-for': request.ip,
    'x-forwarded-proto': request.protocol,
    'x-forwarded-host': request.host,
    [FORWARDED_PREFIX_HEADER]: `${proxyTrust.prefixOf(request.raw)}${API_PREFIX}`,
  };
}

/** Links a service gives (`Location: /ideas/<id>`) are rewritten to the gateway's paths. */
function publicHeaders(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const location = headers.location;
  if (typeof location === 'string' && location.startsWith('/')) return { ...headers, location: `${API_PREFIX}${location}` };
  return headers;
}
