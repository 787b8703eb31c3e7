import type { Principal } from '@motcua/platform';
import type { UploadedFile } from '../storage/document-storage';

export type UploadPurpose = 'UPLOAD' | 'RESULT';

/** An electronic document for a dossier yet to be submitted (portals), or a result document (officers). */
export class UploadDocument {
  constructor(
    readonly caller: Principal,
    readonly idempotencyKey: string,
    readonly file: UploadedFile,
    readonly purpose: UploadPurpose,
  ) {}
}

export interface StoredDocument {
  documentId: string;
  sha256: string;
  bytes: number;
  mediaType: string;
  origin: UploadPurpose;
  storedAt: string;
}
