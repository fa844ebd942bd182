import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { wasRefusedWhileUnavailable } from './refused-requests.js';

/**
 * One log line per answered request (method, path, caller's address, status, time taken, and the
 * correlation id as the request id), at warn for 4xx and error for 5xx, except a request refused while
 * the service could not do it (`markRefusedWhileUnavailable`: its database down, shutting down): its
 * episode is logged once by whoever noticed it (DatabaseOutage), and a warning or error per refused
 * request would bury that line. A Fastify hook rather than an Express-style middleware: Nest runs middleware through an
 * extra layer on Fastify, which cost the gateway about a tenth of its time per proxied request. Health
 * probes are not logged. The address is the connection's, or what a trusted proxy (TRUSTED_PROXIES; for
 * a service, the gateway) forwarded.
 */
export function registerAccessLog(fastify: FastifyInstance, logger: Logger): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    if (!request.url.startsWith('/health/')) {
      const statusCode = reply.statusCode;
      const level = wasRefusedWhileUnavailable(request) ? 'info' : statusCode >= 500 ? 'error' : statusCode >= 400 ? 'warn' : 'info';
      logger[level](
        { req: { id: request.id, method: request.method, url: request.url, remoteAddress: request.ip }, res: { statusCode }, responseTime: Math.round(reply.elapsedTime) },
        'request completed',
      );
    }
    done();
  });
}
