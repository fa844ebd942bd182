import { signDevelopmentToken, type DevelopmentTokenClaims, type Role } from '#ikm/auth';
import { TEST_JWT_SECRET } from './test-environment.js';

/** What a token says of its user beyond who they are and their roles: unit, duty station, region, name, email. */
export type PersonaClaims = Omit<DevelopmentTokenClaims, 'sub' | 'roles'>;

export function tokenFor(sub: string, roles: Role[] = ['staff'], claims: PersonaClaims = {}): Promise<string> {
  return signDevelopmentToken(TEST_JWT_SECRET, { ...claims, sub, roles }, { expiresIn: '1h' });
}
