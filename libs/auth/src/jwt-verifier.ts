import { errors, jwtVerify, type JWTPayload } from 'jose';
import { z } from 'zod';
import { ROLES, type AuthenticatedUser } from './authenticated-user.js';

export interface JwtVerifierOptions {
  /** Development: HS256 shared secret (at least 32 bytes). */
  secret: string;
  issuer?: string;
  audience?: string;
  clockToleranceSeconds?: number;
}

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

/** Verifies a bearer token with the algorithm pinned, so `alg: none` and algorithm swaps are refused. */
export class JwtVerifier {
  private readonly key: Uint8Array;

  constructor(private readonly options: JwtVerifierOptions) {
    this.key = new TextEncoder().encode(options.secret);
  }

  async verify(token: string): Promise<AuthenticatedUser> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        issuer: this.options.issuer,
        audience: this.options.audience,
        clockTolerance: this.options.clockToleranceSeconds ?? 30,
        requiredClaims: ['sub', 'exp'],
      }));
    } catch (error) {
      const reason = error instanceof errors.JOSEError ? error.code : 'ERR_INVALID_TOKEN';
      throw new InvalidTokenError(`invalid bearer token (${reason})`);
    }
    const claims = Claims.safeParse(payload);
    if (!claims.success) throw new InvalidTokenError(`invalid token claims: ${z.prettifyError(claims.error)}`);
    const { duty_station: dutyStation, ...rest } = claims.data;
    return { ...rest, dutyStation };
  }
}
