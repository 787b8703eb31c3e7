import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenError, UnauthenticatedError } from '../errors/domain-error';
import { ApiKeys } from './api-keys';
import { AuthenticatedRequest, PUBLIC_KEY, ROLES_KEY } from './auth.decorators';
import { Principal, Role } from './principal';
import { OfficerTokenVerifier } from './tokens';

export const API_KEYS = Symbol('API_KEYS');
/** The OfficerTokenVerifier: the identity provider's keys, or HS256 in development (see officerTokenVerifier). */
export const OFFICER_TOKENS = Symbol('OFFICER_TOKENS');

/**
 * Global guard: every endpoint is authenticated unless marked @Public(), and the caller's role
 * must be among the endpoint's @Roles(). The unit check needs the resource, so handlers call
 * assertUnit() once they know it.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(API_KEYS) private readonly apiKeys: ApiKeys,
    @Inject(OFFICER_TOKENS) private readonly officerTokens: OfficerTokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = await this.authenticate(request);
    if (!principal) throw new UnauthenticatedError('A valid x-api-key or officer bearer token is required');
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!allowed || !allowed.includes(principal.role)) {
      throw new ForbiddenError('AUTH.ROLE_NOT_ALLOWED', `The role ${principal.role} may not call this endpoint`);
    }
    request.principal = principal;
    return true;
  }

  private async authenticate(request: AuthenticatedRequest): Promise<Principal | undefined> {
    const key = request.headers['x-api-key'];
    if (typeof key === 'string' && key.length > 0) {
      const portal = this.apiKeys.identify(key);
      return portal ? { kind: 'portal', id: portal, role: 'PORTAL' } : undefined;
    }
    const header = request.headers.authorization;
    if (typeof header === 'string' && header.startsWith('Bearer ')) return this.officerTokens.verify(header.slice(7));
    return undefined;
  }
}
