import type { AuthenticatedUser } from '#ikm/auth';
import type { Actor } from './asset.entity.js';

/** The caller as the asset rules see them: subject, roles and unit from the verified token. */
export function actorOf(user: AuthenticatedUser): Actor {
  return { userId: user.sub, roles: user.roles, unit: user.unit };
}
