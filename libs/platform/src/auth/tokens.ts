import { JwtService } from '@nestjs/jwt';
import { isRole, Principal, Role } from './principal';

export interface OfficerClaims {
  sub: string;
  role: Exclude<Role, 'PORTAL'>;
  unit: string;
}

const ALGORITHM = 'HS256';

/** Signs a development token for an officer (`npm run token`); production tokens come from the identity provider. */
export function mintDevToken(claims: OfficerClaims, secret: string, expiresInSeconds = 8 * 3600): string {
  return new JwtService({ secret }).sign({ role: claims.role, unit: claims.unit }, { subject: claims.sub, algorithm: ALGORITHM, expiresIn: expiresInSeconds });
}

/** Verifies signature, algorithm and expiry, then the claims this system relies on. */
export function verifyOfficerToken(token: string, jwt: JwtService): Principal | undefined {
  try {
    const payload = jwt.verify<Record<string, unknown>>(token, { algorithms: [ALGORITHM] });
    const { sub, role, unit } = payload;
    if (typeof sub !== 'string' || typeof unit !== 'string' || !isRole(role) || role === 'PORTAL') return undefined;
    return { kind: 'officer', id: sub, role, unit };
  } catch {
    return undefined;
  }
}
