import rateLimit from '@fastify/rate-limit';
import type { JwtVerifier } from '#ikm/auth';
import type { FastifyInstance, FastifyRequest } from 'fastify';

export interface RateLimitOptions {
  verifier: JwtVerifier;
  perSubject: number;
  perIp: number;
  window: string;
}

/**
 * Limits each signed-in subject, and each IP without a valid token, to a number of requests per window;
 * beyond it, 429 with Retry-After. The token is verified before it is trusted as a key: otherwise a
 * client could mint a new subject per request and never be limited. Health probes are not limited.
 */
export async function registerRateLimit(fastify: FastifyInstance, options: RateLimitOptions): Promise<void> {
  await fastify.register(rateLimit, {
    global: true,
    timeWindow: options.window,
    keyGenerator: async (request: FastifyRequest) => {
      const [scheme, token] = (request.headers.authorization ?? '').split(' ');
      if (scheme?.toLowerCase() === 'bearer' && token) {
        const user = await options.verifier.verify(token).catch(() => undefined);
        if (user) return `sub:${user.sub}`;
      }
      return `ip:${request.ip}`;
    },
    max: (_request, key) => (key.startsWith('sub:') ? options.perSubject : options.perIp),
    allowList: (request) => request.url.startsWith('/health/'),
    // The window as configured: the plugin's `context.after` is the time left until it resets.
    errorResponseBuilder: (_request, context) => ({
      statusCode: context.statusCode,
      message: `Too many requests: at most ${context.max} requests per ${options.window}; retry in ${Math.ceil(context.ttl / 1000)} s.`,
    }),
  });
}
