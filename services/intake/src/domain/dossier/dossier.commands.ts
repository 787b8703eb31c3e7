import type { DossierEventOf } from './dossier.events';

/** Commands carry data already checked at the edge and completed by the application layer (code, due date). */
export type DossierCommand =
  | { type: 'SubmitOnline'; submitted: DossierEventOf<'DossierSubmitted'>['data'] }
  | ({ type: 'RegisterAtDesk'; submitted: DossierEventOf<'DossierSubmitted'>['data'] } & Reception)
  | ({ type: 'Receive' } & Reception)
  | { type: 'ReturnForSupplement'; returned: DossierEventOf<'DossierReturnedForSupplement'>['data'] }
  | { type: 'Reject'; rejected: DossierEventOf<'DossierRejected'>['data'] }
  | { type: 'ProvideSupplement'; provided: DossierEventOf<'SupplementProvided'>['data'] }
  | { type: 'Withdraw'; withdrawn: DossierEventOf<'DossierWithdrawn'>['data'] }
  /** From processing's topic: a department asked for documents; the desk will take them. */
  | { type: 'AwaitSupplement'; awaited: DossierEventOf<'SupplementAwaited'>['data'] }
  /** From processing's topic: resolved or stopped, so withdrawal and supplements are closed. */
  | { type: 'NoteConclusion'; concluded: DossierEventOf<'ProcessingConcluded'>['data'] };

/** The reception facts an officer's act adds to what was submitted. */
export interface Reception {
  receivedAt: string;
  /** From the legal clock, for the procedure version in force at reception. */
  dueAt: string;
  procedure: DossierEventOf<'DossierReceived'>['data']['procedure'];
  officerId: string;
}

export type DossierCommandType = DossierCommand['type'];
