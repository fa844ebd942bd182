import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { AuthenticatedUser } from './authenticated-user.js';

export const IS_PUBLIC = 'ikm:isPublic';

/** Marks a route that needs no token (health probes, API docs). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export type RequestWithUser = FastifyRequest & { user?: AuthenticatedUser };

/** The verified caller of this request. */
export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): AuthenticatedUser => {
  const user = context.switchToHttp().getRequest<RequestWithUser>().user;
  if (!user) throw new Error('CurrentUser used on a public route');
  return user;
});
