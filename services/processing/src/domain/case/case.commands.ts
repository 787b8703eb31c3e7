import type { ProcessingTime } from '@motcua/calendar';
import type { CaseEvent } from './case.events';

type Opened = Extract<CaseEvent, { type: 'CaseOpened' }>['data'];
type Resolved = Extract<CaseEvent, { type: 'DossierResolved' }>['data'];

/** The contract's grounds for stopping (ProcessingStopped), so the command and the event cannot drift apart. */
export type StopGround = NonNullable<Extract<CaseEvent, { type: 'ProcessingStopped' }>['data']['ground']>;

/** Every command carries its instant from the service's clock; the decider never reads one. */
export type CaseCommand =
  | { type: 'OpenCase'; received: Opened }
  /** A leader gives the current step to a department and an officer of its agency. */
  | { type: 'Assign'; at: Date; department: string; officerId: string }
  | { type: 'HandOff'; at: Date }
  | { type: 'RequestSupplement'; at: Date; requestId: string; missing: string[]; officerId: string }
  /** From intake's SupplementProvided; `requestId` names the request it answers, when known. */
  | { type: 'ResumeAfterSupplement'; at: Date; requestId?: string }
  | { type: 'RecordPayment'; at: Date }
  /** From payment's PaymentExpired: the request `paymentId` ran out unpaid `at`. */
  | { type: 'RecordPaymentExpiry'; at: Date; paymentId: string }
  | { type: 'ExtendDeadline'; at: Date; by: ProcessingTime; reason: string; approvedBy: string }
  | { type: 'Resolve'; at: Date; outcome: Resolved['outcome']; resultDocuments: Resolved['resultDocuments']; decidedBy: string }
  /** NON_PAYMENT: only while the case waits for a payment recorded overdue. */
  | { type: 'StopProcessing'; at: Date; reason: string; decidedBy: string; ground?: StopGround }
  | { type: 'Withdraw'; at: Date }
  | { type: 'Transfer'; transfer: Extract<CaseEvent, { type: 'CaseTransferred' }>['data'] }
  /** From the deadline scheduler: reminders and overdue detection, each at most once. */
  | { type: 'CheckDeadline'; at: Date; dueSoonWithinMinutes: number }
  /** An officer who sees the risk in time apologises before the due date (Mẫu 04). */
  | { type: 'IssueApology'; at: Date; reason: string; issuedBy: string };
