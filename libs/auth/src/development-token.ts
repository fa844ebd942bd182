import { SignJWT } from 'jose';
import type { Role } from './authenticated-user.js';

export interface DevelopmentTokenClaims {
  sub: string;
  roles: Role[];
  name?: string;
  email?: string;
  unit?: string;
  duty_station?: string;
  region?: string;
}

/** Signs an HS256 token with the development secret: for local use and tests, never production. */
export async function signDevelopmentToken(
  secret: string,
  claims: DevelopmentTokenClaims,
  options: { issuer?: string; audience?: string; expiresIn?: string | number } = {},
): Promise<string> {
  let jwt = new SignJWT({ ...claims })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '8h');
  if (options.issuer) jwt = jwt.setIssuer(options.issuer);
  if (options.audience) jwt = jwt.setAudience(options.audience);
  return jwt.sign(new TextEncoder().encode(secret));
}
