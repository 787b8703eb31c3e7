import type { Principal } from '@motcua/platform';
import type { DossierRequest } from '../submit-dossier/submit-dossier.command';

/**
 * A reception officer registers a dossier brought to the counter or received by post: one act
 * submits and receives it, at the officer's own unit.
 */
export class RegisterAtDesk {
  constructor(
    readonly officer: Principal,
    readonly idempotencyKey: string,
    readonly channel: 'COUNTER' | 'POSTAL',
    readonly request: DossierRequest,
  ) {}
}
