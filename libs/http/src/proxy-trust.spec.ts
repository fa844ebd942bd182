import type { FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { ProxyTrust } from './proxy-trust.js';

function requestFrom(peer: string, headers: Record<string, string> = {}, url = '/ideas/1'): FastifyRequest {
  const raw = { socket: { remoteAddress: peer }, headers } as unknown as IncomingMessage;
  return { raw, url } as FastifyRequest;
}

describe('ProxyTrust', () => {
  const sut = new ProxyTrust(['10.0.0.0/8', '::1']);

  it('gives Fastify nothing to trust when no proxy is configured', () => {
    expect(new ProxyTrust([]).fastifyOption).toBe(false);
  });

  it('gives Fastify a check that follows the list', () => {
    const trusts = sut.fastifyOption;
    if (!trusts) throw new Error('expected a trust function');
    expect([trusts('10.1.2.3', 0), trusts('::1', 0), trusts('192.168.1.1', 0), trusts('127.0.0.1', 0)]).toEqual([true, true, false, false]);
  });

  it('prefixes the path with X-Forwarded-Prefix from a trusted proxy', () => {
    expect(sut.callerPath(requestFrom('10.0.0.7', { 'x-forwarded-prefix': '/api/v1' }))).toBe('/api/v1/ideas/1');
  });

  it('ignores X-Forwarded-Prefix from anyone else', () => {
    expect(sut.callerPath(requestFrom('192.168.0.9', { 'x-forwarded-prefix': '/api/v1' }))).toBe('/ideas/1');
    expect(new ProxyTrust([]).callerPath(requestFrom('10.0.0.7', { 'x-forwarded-prefix': '/api/v1' }))).toBe('/ideas/1');
  });

  it.each(['api/v1', '/api/v1/', '/api v1', 'https://evil.test/x', '/a,/b', ''])('ignores a prefix that is not a plain path: %j', (prefix) => {
    expect(sut.callerPath(requestFrom('10.0.0.7', { 'x-forwarded-prefix': prefix }))).toBe('/ideas/1');
  });
});
