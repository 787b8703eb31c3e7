import { ForbiddenError } from '../errors/domain-error';
import { Principal } from './principal';

/**
 * An officer acts only on resources of their own unit (for inter-agency work: the agency of the
 * current step). ADMIN acts everywhere. Portals are not scoped by unit: what a portal may touch is
 * decided per dossier, by assertDossierAccess.
 */
export function assertUnit(principal: Principal, unit: string, former?: FormerUnit, now?: Date): void {
  if (principal.kind === 'portal' || principal.role === 'ADMIN') return;
  if (principal.unit === unit) return;
  if (former && now && principal.unit === former.unit && now.getTime() < Date.parse(former.until)) return;
  throw new ForbiddenError('AUTH.OTHER_UNIT', 'This resource belongs to another administrative unit');
}

/**
 * The unit a dossier was transferred from when a reorganisation merged it into another: its
 * officers may still act on the dossier until the transition window the administrator set ends.
 */
export interface FormerUnit {
  unit: string;
  /** ISO instant: the end of the transition window. */
  until: string;
}

/** Who a dossier belongs to, as the service serving it learnt: its unit, and the portal that submitted it (none for counter or postal dossiers). */
export interface DossierOwner {
  unit: string;
  portal?: string;
  former?: FormerUnit;
}

/**
 * Object-level authorization (OWASP API1): a portal acts only on the dossiers it submitted. On
 * any other it gets exactly the answer a dossier that does not exist gets, so a portal cannot
 * learn which ids exist. Officers are scoped by unit.
 */
export function assertDossierAccess(principal: Principal, owner: DossierOwner, notFound: () => Error, now?: Date): void {
  if (principal.kind === 'portal') {
    if (owner.portal !== principal.id) throw notFound();
    return;
  }
  assertUnit(principal, owner.unit, owner.former, now);
}
