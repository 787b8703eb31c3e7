import type { DeliveryMethod as DeliveryMethodSchema, DossierTransferred, EventData } from '@motcua/contracts';
import type { Static } from '@sinclair/typebox';
import type { ManifestSigner } from '../signature/ed25519';
import type { Resolution } from './result.events';

export type DeliveryMethod = Static<typeof DeliveryMethodSchema>;

/** The stored document as digitisation reported it (DocumentStored): its real hash. */
export interface StoredDocument {
  documentId: string;
  sha256: string;
  mediaType: string;
  storedAt: string;
}

export type ResultCommand =
  | { type: 'NoteResolution'; resolution: Resolution }
  /** Sent when both the resolution and its document are known, whichever came second. */
  | { type: 'IssueElectronicResult'; document: StoredDocument; signer: ManifestSigner }
  | { type: 'IssuePaperResult'; documentNumber: string; at: Date }
  /** A blocked issuance tried again: an officer of the issuing unit names the corrected document and its hash. */
  | { type: 'NameCorrectedDocument'; documentId: string; sha256: string; by: string; at: Date }
  /** A blocked or waiting e-result given up for a printed one; the paper path applies from then on. */
  | { type: 'SwitchToPaper'; reason: string; by: string; at: Date }
  | { type: 'DeliverResult'; method: DeliveryMethod; at: Date }
  /** A reorganisation merged the dossier's unit into another; the instants are the transfer's. */
  | { type: 'TransferResult'; transfer: EventData<typeof DossierTransferred> };
