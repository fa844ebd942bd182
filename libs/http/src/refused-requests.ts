import type { FastifyRequest } from 'fastify';

/** Keyed by Node's request, the one object Nest's filters, Fastify's hooks and the proxy all see. */
const refused = new WeakSet<object>();

/**
 * Marks a request refused, rather than failed, because the work cannot be done just now: the service's
 * database is down (the problem filter), the process is shutting down, or, for the gateway, the service
 * answered so itself. Its cause is logged once for the whole episode by whoever noticed it, so the
 * access log records such a request at info instead of a warning or an error each.
 */
export function markRefusedWhileUnavailable(request: FastifyRequest): void {
  refused.add(request.raw);
}

export function wasRefusedWhileUnavailable(request: FastifyRequest): boolean {
  return refused.has(request.raw);
}
