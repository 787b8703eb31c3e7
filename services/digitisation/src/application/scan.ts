import type { Principal } from '@motcua/platform';
import type { UploadedFile } from './storage/document-storage';

/** The scanned file and its page count, read from the request only once the dossier allows the scan. */
export type ReceiveScan = () => Promise<{ file: UploadedFile; pages: number }>;

export interface ScanRecorded {
  dossierId: string;
  documentId: string;
  sha256: string;
  bytes: number;
  mediaType: string;
  pages: number;
  officerId: string;
  digitisedAt: string;
  /** True when this scan repeated one already recorded: nothing new was stored. */
  replayed: boolean;
}

export interface ScanCommand {
  dossierId: string;
  officer: Principal;
  receive: ReceiveScan;
}
