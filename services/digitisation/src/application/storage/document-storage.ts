import type { Readable } from 'node:stream';

/** Content set aside while it was hashed and measured, not yet part of the store. */
export interface StagedContent {
  sha256: string;
  bytes: number;
  /** The first bytes, so the type is told from the content. */
  head: Buffer;
  /** Makes the content durable under its hash; the same bytes twice are one copy. */
  keep(): Promise<void>;
  /** Forgets content that was not kept, leaving nothing behind; does nothing after keep(). */
  discard(): Promise<void>;
}

/**
 * Where documents' bytes live, addressed by their SHA-256. Storing is two steps so that a request
 * refused after its file arrived (wrong type, illegal transition, lost race) leaves nothing: the
 * content is staged, and kept only inside the transaction that records the document. A local
 * directory implements it here; an S3-compatible store would stage to a temporary key and copy.
 */
export interface DocumentStorage {
  /** Streams the content aside while hashing it; more than `maxBytes` is refused (DocumentTooLargeError) and nothing stays. */
  stage(content: Readable, maxBytes: number): Promise<StagedContent>;
  exists(sha256: string): Promise<boolean>;
  /** The content, or undefined when the store does not hold it. */
  open(sha256: string): Promise<Readable | undefined>;
}

export const DOCUMENT_STORAGE = Symbol('DOCUMENT_STORAGE');

/** A file received with a request: staged content and the type its content was recognised as. */
export interface UploadedFile {
  content: StagedContent;
  mediaType: string;
}
