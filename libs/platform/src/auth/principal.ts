export const ROLES = ['PORTAL', 'RECEPTION_OFFICER', 'PROCESSING_OFFICER', 'LEADER', 'ADMIN', 'ANALYST', 'OPERATOR'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling: a portal (API key) or an officer of a unit (signed JWT). */
export type Principal =
  | { kind: 'portal'; id: string; role: 'PORTAL' }
  | { kind: 'officer'; id: string; role: Exclude<Role, 'PORTAL'>; unit: string };

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
