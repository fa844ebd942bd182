import proxyAddr from '@fastify/proxy-addr';
import type { FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';

export const FORWARDED_PREFIX_HEADER = 'x-forwarded-prefix';

/** One or more path segments of unreserved characters: anything else in the header is ignored. */
const PATH_PREFIX = /^(\/[\w.~-]+)+$/;

/**
 * Which proxies a process believes (TRUSTED_PROXIES). Anyone can send X-Forwarded-* headers, so they
 * are read only when the connection comes from a listed address: otherwise a caller could pick the
 * address the rate limiter counts, or what its logs say. The same list drives Fastify's own
 * `request.ip`, `request.protocol` and `request.host` (its `trustProxy` option).
 */
export class ProxyTrust {
  private readonly trusts: (address: string, hop: number) => boolean;

  constructor(readonly proxies: readonly string[]) {
    this.trusts = proxyAddr.compile([...proxies]);
  }

  /** For Fastify's `trustProxy` option. */
  get fastifyOption(): false | ((address: string, hop: number) => boolean) {
    return this.proxies.length ? this.trusts : false;
  }

  private fromTrustedProxy(request: IncomingMessage): boolean {
    const peer = request.socket?.remoteAddress;
    return this.proxies.length > 0 && peer !== undefined && this.trusts(peer, 0);
  }

  /** The path a trusted proxy serves this process under (`X-Forwarded-Prefix`, e.g. `/api/v1`), or ''. */
  prefixOf(request: IncomingMessage): string {
    const prefix = request.headers[FORWARDED_PREFIX_HEADER];
    return typeof prefix === 'string' && PATH_PREFIX.test(prefix) && this.fromTrustedProxy(request) ? prefix : '';
  }

  /** The path the caller used, which is what a problem's `instance` names. */
  callerPath(request: FastifyRequest): string {
    return `${this.prefixOf(request.raw)}${request.url}`;
  }
}
