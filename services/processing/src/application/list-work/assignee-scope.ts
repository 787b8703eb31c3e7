import { ForbiddenError } from '@motcua/platform';
import type { Principal } from '@motcua/platform';

/** Whose cases a listing covers: anyone's, no one's, one officer's, or one officer's and no one's. */
export type AssigneeScope = { mode: 'ANY' | 'NONE' } | { mode: 'OFFICER' | 'OFFICER_OR_NONE'; officerId: string };

/** A processing officer lists what they may act on (theirs and the unassigned); leaders any officer's. */
export function assigneeScope(officer: Extract<Principal, { kind: 'officer' }>, assignee: string | undefined): AssigneeScope {
  if (assignee === 'none') return { mode: 'NONE' };
  if (assignee === 'me') return { mode: 'OFFICER', officerId: officer.id };
  if (officer.role !== 'PROCESSING_OFFICER') return assignee === undefined ? { mode: 'ANY' } : { mode: 'OFFICER', officerId: assignee };
  if (assignee === undefined) return { mode: 'OFFICER_OR_NONE', officerId: officer.id };
  if (assignee !== officer.id) throw new ForbiddenError('AUTH.OTHER_OFFICER', "A processing officer lists their own cases and the unassigned ones, not another officer's");
  return { mode: 'OFFICER', officerId: officer.id };
}
