import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';

/**
 * One log line per answered request (method, path, caller's address, status, time taken, and the
 * correlation id as the request id), at warn for 4xx and error for 5xx, except a 503 with Retry-After:
 * that is the service refusing work while a dependency is down, whose episode is logged once as a
 * warning by whoever noticed it (DatabaseOutage), and a warning or error per refused request would bury
 * that line. A Fastify hook rather than an Express-style middleware: Nest runs middleware through an
 * extra layer on Fastify, which cost the gateway about a tenth of its time per proxied request. Health
 * probes are not logged. The address is the connection's, or what a trusted proxy (TRUSTED_PROXIES; for
 * a service, the gateway) forwarded.
 */
export function registerAccessLog(fastify: FastifyInstance, logger: Logger): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    if (!request.url.startsWith('/health/')) {
      const statusCode = reply.statusCode;
      const refusedForOutage = statusCode === 503 && reply.hasHeader('retry-after');
      const level = refusedForOutage ? 'info' : statusCode >= 500 ? 'error' : statusCode >= 400 ? 'warn' : 'info';
      logger[level](
        { req: { id: request.id, method: request.method, url: request.url, remoteAddress: request.ip }, res: { statusCode }, responseTime: Math.round(reply.elapsedTime) },
        'request completed',
      );
    }
    done();
  });
}
