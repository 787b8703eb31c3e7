import { JwtService } from '@nestjs/jwt';
import { isRole, Principal, Role } from './principal';

export interface OfficerClaims {
  sub: string;
  role: Exclude<Role, 'PORTAL'>;
  unit: string;
}

/** Turns a bearer token into the officer it names, or undefined: the guard answers 401 then. */
export interface OfficerTokenVerifier {
  verify(token: string): Promise<Principal | undefined>;
}

const DEVELOPMENT_ALGORITHM = 'HS256';

/** Signs a development token for an officer (`npm run token`); production tokens come from the identity provider. */
export function mintDevToken(claims: OfficerClaims, secret: string, expiresInSeconds = 8 * 3600): string {
  return new JwtService({ secret }).sign({ role: claims.role, unit: claims.unit }, { subject: claims.sub, algorithm: DEVELOPMENT_ALGORITHM, expiresIn: expiresInSeconds });
}

/** The claims this system relies on, whoever signed the token. */
export function officerOf(payload: Record<string, unknown>): Principal | undefined {
  const { sub, role, unit } = payload;
  if (typeof sub !== 'string' || sub === '' || typeof unit !== 'string' || unit === '' || !isRole(role) || role === 'PORTAL') return undefined;
  return { kind: 'officer', id: sub, role, unit };
}

/**
 * Development only (no identity provider configured): HS256 over JWT_SECRET. A token must still
 * expire; configuration refuses this mode under NODE_ENV=production.
 */
export class DevelopmentOfficerTokens implements OfficerTokenVerifier {
  private readonly jwt: JwtService;

  constructor(secret: string) {
    this.jwt = new JwtService({ secret });
  }

  async verify(token: string): Promise<Principal | undefined> {
    try {
      const payload = this.jwt.verify<Record<string, unknown>>(token, { algorithms: [DEVELOPMENT_ALGORITHM] });
      return typeof payload['exp'] === 'number' ? officerOf(payload) : undefined;
    } catch {
      return undefined;
    }
  }
}
