import { ForbiddenError } from '../errors/domain-error';
import { Principal } from './principal';

/**
 * An officer acts only on resources of their own unit (for inter-agency work: the agency of the
 * current step). ADMIN acts everywhere. Portals are not scoped by unit: what a portal may touch is
 * decided per dossier, by assertDossierAccess.
 */
export function assertUnit(principal: Principal, unit: string): void {
  if (principal.kind === 'portal' || principal.role === 'ADMIN') return;
  if (principal.unit !== unit) throw new ForbiddenError('AUTH.OTHER_UNIT', 'This resource belongs to another administrative unit');
}

/** Who a dossier belongs to, as the service serving it learnt: its unit, and the portal that submitted it (none for counter or postal dossiers). */
export interface DossierOwner {
  unit: string;
  portal?: string;
}

/**
 * Object-level authorization (OWASP API1): a portal acts only on the dossiers it submitted. On
 * any other it gets exactly the answer a dossier that does not exist gets, so a portal cannot
 * learn which ids exist. Officers are scoped by unit.
 */
export function assertDossierAccess(principal: Principal, owner: DossierOwner, notFound: () => Error): void {
  if (principal.kind === 'portal') {
    if (owner.portal !== principal.id) throw notFound();
    return;
  }
  assertUnit(principal, owner.unit);
}
