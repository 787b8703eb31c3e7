import { ForbiddenError } from '../errors/domain-error';
import { Principal } from './principal';

/**
 * An officer acts only on dossiers of their own unit (for inter-agency work: the agency of the
 * current step). ADMIN acts everywhere; portals act for applicants at any unit.
 */
export function assertUnit(principal: Principal, unit: string): void {
  if (principal.kind === 'portal' || principal.role === 'ADMIN') return;
  if (principal.unit !== unit) throw new ForbiddenError('AUTH.OTHER_UNIT', 'This resource belongs to another administrative unit');
}
