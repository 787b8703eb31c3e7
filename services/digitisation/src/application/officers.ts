import { assertUnit } from '@motcua/platform';
import type { Principal } from '@motcua/platform';
import { DossierNotKnownError } from '../domain/dossier/dossier-digitisation.errors';
import type { DossierDigitisationState } from '../domain/dossier/dossier-digitisation.state';
import type { StoredBy } from '../projections/digitisation-tables/digitisation-tables.projection';

/**
 * Officers scan and look at the dossiers of their own unit (the desk that received them, or its
 * successor after a reorganisation; the former unit's until the transition window ends); ADMIN anywhere.
 */
export function assertOfficerOfDossier(officer: Principal, state: DossierDigitisationState, now: Date): void {
  if (!state.dossier) throw new DossierNotKnownError();
  assertUnit(officer, state.dossier.unit, state.former, now);
}

export function storedBy(caller: Principal): StoredBy {
  return caller.kind === 'officer' ? { id: caller.id, unit: caller.unit } : { id: caller.id, portal: caller.id };
}

/** Idempotency keys are per caller; a portal and an officer never share a namespace. */
export const idempotencyClient = (caller: Principal) => `${caller.kind}:${caller.id}`;
