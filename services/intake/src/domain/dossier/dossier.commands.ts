import type { DossierEventOf } from './dossier.events';


/** Commands carry data already checked at the edge and completed by the application layer (code, due date). */
export type DossierCommand =
  | { type: 'SubmitOnline'; submitted: DossierEventOf<'DossierSubmitted'>['data'] }
  | { type: 'RegisterAtDesk'; submitted: DossierEventOf<'DossierSubmitted'>['data']; received: DossierEventOf<'DossierReceived'>['data'] }
  | {
      type: 'Receive';
      receivedAt: string;
      /** From the legal clock, for the procedure version in force at reception. */
      dueAt: string;
      procedure: DossierEventOf<'DossierReceived'>['data']['procedure'];
      officerId: string;
    }
  | { type: 'ReturnForSupplement'; returned: DossierEventOf<'DossierReturnedForSupplement'>['data'] }
  | { type: 'Reject'; rejected: DossierEventOf<'DossierRejected'>['data'] }
  | { type: 'ProvideSupplement'; provided: DossierEventOf<'SupplementProvided'>['data'] }
  | { type: 'Withdraw'; withdrawn: DossierEventOf<'DossierWithdrawn'>['data'] };

export type DossierCommandType = DossierCommand['type'];
