import type { DossierReceived, DossierTransferred, EventData } from '@motcua/contracts';
import type { DocumentOrigin } from '../document/document';
import type { ReceivedComponent } from './dossier-digitisation.events';

/** A document held here, as an electronic component's reference needs it checked. */
export interface HeldDocumentFacts {
  sha256: string;
  origin: DocumentOrigin;
  /** The applicant whose repository holds it, once a dossier has filed it. */
  filedUnder?: string;
}

/**
 * What the service's tables said about the documents a command names, read before deciding so
 * the decision stays pure: documents held here (by id) and the owner of each repository document
 * named for reuse (id → applicant reference).
 */
export interface DocumentFacts {
  held: ReadonlyMap<string, HeldDocumentFacts>;
  owners: ReadonlyMap<string, string>;
}

/** A scan as stored: the new document, its hash, its pages and the officer who scanned it. */
export interface Scan {
  documentId: string;
  sha256: string;
  pages: number;
  officerId: string;
  at: Date;
}

export type DossierDigitisationCommand =
  | { type: 'OpenDigitisation'; received: EventData<typeof DossierReceived>; facts: DocumentFacts }
  | { type: 'AddComponents'; at: Date; components: ReceivedComponent[]; facts: DocumentFacts }
  | ({ type: 'ScanComponent'; componentId: string } & Scan)
  | { type: 'CloseDigitisation'; at: Date }
  /** A reorganisation merged the dossier's unit into another; the instants are the transfer's. */
  | { type: 'TransferDigitisation'; transfer: EventData<typeof DossierTransferred> }
  | { type: 'AwaitPaperResult'; at: Date; documentNumber: string }
  | { type: 'FileElectronicResult'; at: Date; documentId: string; held: boolean }
  | ({ type: 'ScanResult' } & Scan);
