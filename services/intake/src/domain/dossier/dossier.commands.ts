import type { DossierEventOf } from './dossier.events';


/** Commands carry data already checked at the edge and completed by the application layer (code, due date). */
export type DossierCommand =
  | { type: 'SubmitOnline'; submitted: DossierEventOf<'DossierSubmitted'>['data'] }
  | { type: 'RegisterAtDesk'; submitted: DossierEventOf<'DossierSubmitted'>['data']; received: DossierEventOf<'DossierReceived'>['data'] }
  | { type: 'Receive'; received: DossierEventOf<'DossierReceived'>['data'] }
  | { type: 'ReturnForSupplement'; returned: DossierEventOf<'DossierReturnedForSupplement'>['data'] }
  | { type: 'Reject'; rejected: DossierEventOf<'DossierRejected'>['data'] }
  | { type: 'ProvideSupplement'; provided: DossierEventOf<'SupplementProvided'>['data'] }
  | { type: 'Withdraw'; withdrawn: DossierEventOf<'DossierWithdrawn'>['data'] };

export type DossierCommandType = DossierCommand['type'];
