import { signDevelopmentToken, type Role } from '#ikm/auth';
import { TEST_JWT_SECRET } from './test-environment.js';

export function tokenFor(sub: string, roles: Role[] = ['staff']): Promise<string> {
  return signDevelopmentToken(TEST_JWT_SECRET, { sub, roles }, { expiresIn: '1h' });
}
