import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import { ROLES, type AuthenticatedUser } from './authenticated-user.js';

export interface JwtVerifierOptions {
  /** Production: the identity provider's JWKS; tokens must then be RS256. */
  jwksUrl?: string;
  /** Development: HS256 shared secret (at least 32 bytes). Ignored when jwksUrl is set. */
  secret?: string;
  issuer?: string;
  audience?: string;
  clockToleranceSeconds?: number;
}

/**
 * A verified token is remembered until it expires, at most this long, so that a key the identity
 * provider withdraws stops working within minutes even for tokens already seen.
 */
const MAX_REMEMBERED_MS = 5 * 60_000;

export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError';
}

const Claims = z.object({
  sub: z.string().min(1),
  name: z.string().optional(),
  email: z.string().optional(),
  roles: z.array(z.enum(ROLES)).default([]),
  unit: z.string().optional(),
  duty_station: z.string().optional(),
  region: z.string().optional(),
});

/**
 * Verifies bearer tokens with exactly one algorithm: RS256 against the JWKS in production, HS256 with
 * the shared secret in development. Pinning it refuses `alg: none` and RS/HS confusion (an HS256 token
 * "signed" with the public key). Keys are cached and refetched when an unknown `kid` appears, so the
 * identity provider can rotate them.
 */
export class JwtVerifier {
  private readonly key: Uint8Array | JWTVerifyGetKey;
  private readonly algorithm: 'RS256' | 'HS256';
  /**
   * Signature checks dominated the CPU profile of the read path (every request is verified by the
   * gateway's rate limiter and again by the service). Only successful verifications are kept.
   */
  private readonly verified = new LRUCache<string, AuthenticatedUser>({ max: 10_000 });

  constructor(private readonly options: JwtVerifierOptions) {
    if (options.jwksUrl) {
      this.key = createRemoteJWKSet(new URL(options.jwksUrl), { cooldownDuration: 30_000, cacheMaxAge: 600_000, timeoutDuration: 5_000 });
      this.algorithm = 'RS256';
    } else if (options.secret) {
      this.key = new TextEncoder().encode(options.secret);
      this.algorithm = 'HS256';
    } else {
      throw new Error('JwtVerifier needs a JWKS URL or a secret');
    }
  }

  async verify(token: string): Promise<AuthenticatedUser> {
    const remembered = this.verified.get(token);
    if (remembered) return remembered;
    let payload: JWTPayload;
    try {
      const options = {
        algorithms: [this.algorithm],
        issuer: this.options.issuer,
        audience: this.options.audience,
        clockTolerance: this.options.clockToleranceSeconds ?? 30,
        requiredClaims: ['sub', 'exp'],
      };
      // jose's overloads differ by key kind; both branches verify with the same options.
      ({ payload } =
        this.key instanceof Uint8Array ? await jwtVerify(token, this.key, options) : await jwtVerify(token, this.key, options));
    } catch (error) {
      const reason = error instanceof errors.JOSEError ? error.code : 'ERR_INVALID_TOKEN';
      throw new InvalidTokenError(`invalid bearer token (${reason})`);
    }
    const claims = Claims.safeParse(payload);
    if (!claims.success) throw new InvalidTokenError(`invalid token claims: ${z.prettifyError(claims.error)}`);
    const { duty_station: dutyStation, ...rest } = claims.data;
    const user = { ...rest, dutyStation };
    const untilExpiry = (payload.exp ?? 0) * 1000 - Date.now();
    if (untilExpiry > 0) this.verified.set(token, user, { ttl: Math.min(untilExpiry, MAX_REMEMBERED_MS) });
    return user;
  }
}
