import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PgDatabase } from '@motcua/event-store';
import { CLOCK, Clock, DATABASE } from '@motcua/platform';
import type { DocumentOrigin } from '../domain/document/document';
import type { DossierDigitisationCommand, Scan } from '../domain/dossier/dossier-digitisation.commands';
import type { DossierDigitisationState } from '../domain/dossier/dossier-digitisation.state';
import { DocumentFactsReader } from './document-facts';
import { Documents } from './documents';
import { DossierDigitisations } from './dossier-digitisations';
import { assertOfficerOfDossier, storedBy } from './officers';
import type { ScanCommand, ScanRecorded } from './scan';

/** What a scan is for: a component or the paper result. */
export interface ScanTarget {
  /** Throws when the dossier does not take this scan; returns the scan recorded so far, if any. */
  check(state: DossierDigitisationState): { documentId?: string; pages?: number; officerId?: string; digitisedAt?: string };
  command(scan: Scan): DossierDigitisationCommand;
  origin: DocumentOrigin;
}

/**
 * A scan at the desk. The dossier is checked before the file is read (an unknown dossier, another
 * unit's, a component that is not paper: refused without taking the upload), then decided again
 * with the file's hash in one transaction with the document's record; the file is kept only if
 * both are, and discarded otherwise.
 */
@Injectable()
export class ScanRecorder {
  constructor(
    @Inject(DATABASE) private readonly db: PgDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly dossiers: DossierDigitisations,
    private readonly documents: Documents,
    private readonly facts: DocumentFactsReader,
  ) {}

  async record({ dossierId, officer, receive }: ScanCommand, target: ScanTarget): Promise<{ recorded: ScanRecorded; state: DossierDigitisationState }> {
    const before = await this.dossiers.load(dossierId);
    assertOfficerOfDossier(officer, before, this.clock.now());
    target.check(before);
    const { file, pages } = await receive();
    const { sha256, bytes } = file.content;
    try {
      return await this.db.transaction(async () => {
        const documentId = randomUUID();
        const at = this.clock.now();
        const { events, state } = await this.dossiers.decide(dossierId, target.command({ documentId, sha256, pages, officerId: officer.id, at }), (s) => assertOfficerOfDossier(officer, s, at));
        if (events.length === 0) {
          // The same scan again: answered as the first time, nothing stored.
          const earlier = target.check(state);
          const held = await this.facts.document(String(earlier.documentId));
          const recorded = { dossierId, documentId: String(earlier.documentId), sha256, pages: earlier.pages ?? pages, officerId: earlier.officerId ?? officer.id };
          return { state, recorded: { ...recorded, bytes: held?.bytes ?? bytes, mediaType: held?.mediaType ?? file.mediaType, digitisedAt: String(earlier.digitisedAt), replayed: true } };
        }
        const document = { documentId, storedAt: at.toISOString(), sha256, bytes, mediaType: file.mediaType, origin: target.origin, applicantRef: state.dossier?.applicantRef };
        await this.documents.record(document, storedBy(officer), file.content);
        return { state, recorded: { dossierId, documentId, sha256, bytes, mediaType: file.mediaType, pages, officerId: officer.id, digitisedAt: document.storedAt, replayed: false } };
      });
    } finally {
      await file.content.discard();
    }
  }
}
