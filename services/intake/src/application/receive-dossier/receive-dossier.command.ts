import type { OneStopForm } from '@motcua/forms';
import type { Principal } from '@motcua/platform';

/** A reception officer accepts a submitted dossier into processing (Mẫu 01 receipt). */
export class ReceiveDossier {
  constructor(
    readonly dossierId: string,
    readonly officer: Principal,
    /** A retry with the same key gets the first answer instead of 409. */
    readonly idempotencyKey?: string,
  ) {}
}

export interface ReceiptSlip {
  dossierId: string;
  code: string;
  channel: 'ONLINE' | 'COUNTER' | 'POSTAL';
  procedure: { code: string; version: number; name: string };
  receivedAt: string;
  /** The appointment date for the result. */
  dueAt: string;
  components: { componentId: string; name: string; provenance: string }[];
  /** Mẫu 01 as data; the same form prints at GET /v1/dossiers/{dossierId}/forms/receipt.pdf. */
  form: OneStopForm;
}
