import type { Role } from '#ikm/auth';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { createServer, type Server } from 'node:http';

export const TEST_ISSUER = 'https://idp.ikm.test';
export const TEST_AUDIENCE = 'ikm-platform';

/**
 * A stand-in for the organisation's identity provider: an RS256 key pair whose public half is served
 * as a JWKS over HTTP, as services fetch it in production.
 */
export class TestIdentityProvider {
  private server?: Server;
  private privateKey!: CryptoKey;
  publicJwk!: JWK;
  readonly kid = 'test-key-1';

  constructor(private readonly port: number) {}

  async start(): Promise<void> {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    this.privateKey = privateKey;
    this.publicJwk = { ...(await exportJWK(publicKey)), kid: this.kid, alg: 'RS256', use: 'sig' };
    this.server = createServer((request, response) => {
      if (request.url !== '/.well-known/jwks.json') {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [this.publicJwk] }));
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
  }

  get jwksUrl(): string {
    return `http://127.0.0.1:${this.port}/.well-known/jwks.json`;
  }

  /** Environment for a service that verifies tokens against this provider. */
  serviceEnv(): NodeJS.ProcessEnv {
    return { AUTH_JWKS_URL: this.jwksUrl, AUTH_JWT_ISSUER: TEST_ISSUER, AUTH_JWT_AUDIENCE: TEST_AUDIENCE };
  }

  async token(sub: string, roles: Role[], overrides: { issuer?: string; audience?: string; expiresAt?: number } = {}): Promise<string> {
    return new SignJWT({ roles, name: sub })
      .setProtectedHeader({ alg: 'RS256', kid: this.kid })
      .setSubject(sub)
      .setIssuer(overrides.issuer ?? TEST_ISSUER)
      .setAudience(overrides.audience ?? TEST_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(overrides.expiresAt ?? '1h')
      .sign(this.privateKey);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
