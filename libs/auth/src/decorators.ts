import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { AuthenticatedUser, Role } from './authenticated-user.js';

export const IS_PUBLIC = 'ikm:isPublic';
export const REQUIRED_ROLES = 'ikm:requiredRoles';

/** Marks a route that needs no token (health probes, API docs). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** The caller needs at least one of these roles; ownership of the object is checked by the use case. */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

export type RequestWithUser = FastifyRequest & { user?: AuthenticatedUser };

/** The verified caller of this request. */
export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): AuthenticatedUser => {
  const user = context.switchToHttp().getRequest<RequestWithUser>().user;
  if (!user) throw new Error('CurrentUser used on a public route');
  return user;
});
