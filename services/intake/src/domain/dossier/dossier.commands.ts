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
  | { type: 'NoteConclusion'; concluded: DossierEventOf<'ProcessingConcluded'>['data'] }
  /** From issuance's topic: the result was delivered, so the dossier is no longer in flight. */
  | { type: 'NoteCompletion'; completed: DossierEventOf<'CompletionNoted'>['data'] }
  /** A reorganisation merged the dossier's unit into `toUnit` (see transferable). */
  | { type: 'Transfer'; transfer: Omit<DossierEventOf<'DossierTransferred'>['data'], 'dossierId' | 'code'> };

/** The reception facts an officer's act adds to what was submitted. */
export interface Reception {
  receivedAt: string;
  /** From the legal clock, for the procedure version in force at reception. */
  dueAt: string;
  procedure: DossierEventOf<'DossierReceived'>['data']['procedure'];
  officerId: string;
  /** The holiday table and the unit's office hours the due date was computed with. */
  calendar: NonNullable<DossierEventOf<'DossierReceived'>['data']['calendar']>;
}

export type DossierCommandType = DossierCommand['type'];
