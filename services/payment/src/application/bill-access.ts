import { assertDossierAccess } from '@motcua/platform';
import type { Principal } from '@motcua/platform';
import { BillNotFoundError } from '../domain/bill/bill.errors';
import type { BillState } from '../domain/bill/bill.state';

/**
 * The bill of a dossier, for its unit's officers (and a former unit's, inside the transition
 * window of a transfer), ADMIN, and the portal that submitted the dossier: another portal is told
 * there is no bill, exactly as for a dossier that does not exist.
 */
export function openedBillFor(caller: Principal, bill: BillState, now: Date): NonNullable<BillState['opened']> {
  if (!bill.opened) throw new BillNotFoundError();
  assertDossierAccess(caller, bill.opened, () => new BillNotFoundError(), now);
  return bill.opened;
}
