import type { DossierReceived, EventData } from '@motcua/contracts';
import type { ReceivedComponent } from './dossier-digitisation.events';

/**
 * What the service's tables said about the documents a command names, read before deciding so
 * the decision stays pure: documents held here (id → SHA-256) and the owner of each repository
 * document named for reuse (id → applicant reference).
 */
export interface DocumentFacts {
  held: ReadonlyMap<string, string>;
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
  | { type: 'AwaitPaperResult'; at: Date; documentNumber: string }
  | { type: 'FileElectronicResult'; at: Date; documentId: string; held: boolean }
  | ({ type: 'ScanResult' } & Scan);
