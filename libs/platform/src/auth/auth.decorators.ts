import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Principal, Role } from './principal';

export const PUBLIC_KEY = 'motcua:public';
export const ROLES_KEY = 'motcua:roles';

/** Opts an endpoint out of authentication: health, metrics, docs, public verification, signed callbacks. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** The roles allowed to call an endpoint; the guard refuses every other role with 403. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export type AuthenticatedRequest = FastifyRequest & { principal?: Principal };

export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a public endpoint');
  return principal;
});
