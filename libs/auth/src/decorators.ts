import { applyDecorators, createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { AuthenticatedUser, Role } from './authenticated-user.js';

export const IS_PUBLIC = 'ikm:isPublic';
export const REQUIRED_ROLES = 'ikm:requiredRoles';
/** The OpenAPI extension listing an operation's required roles, for clients and the documented 403. */
export const REQUIRED_ROLES_EXTENSION = 'x-required-roles';

/** The OpenAPI extension marking an operation that needs no token; the document then lists no security for it. */
export const PUBLIC_EXTENSION = 'x-public';

/** Marks a route that needs no token (health probes, API docs), in its OpenAPI description too. */
export const Public = () => applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension(PUBLIC_EXTENSION, true));

/**
 * The caller needs at least one of these roles; ownership of the object is checked by the use case.
 * The roles are also written into the operation's OpenAPI description (on a controller, into each of its
 * operations that does not name its own, as the guard reads them).
 */
export const Roles = (...roles: Role[]) => applyDecorators(SetMetadata(REQUIRED_ROLES, roles), ApiExtension(REQUIRED_ROLES_EXTENSION, roles));

export type RequestWithUser = FastifyRequest & { user?: AuthenticatedUser };

/** The verified caller of this request. */
export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): AuthenticatedUser => {
  const user = context.switchToHttp().getRequest<RequestWithUser>().user;
  if (!user) throw new Error('CurrentUser used on a public route');
  return user;
});
