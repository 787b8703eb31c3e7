import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { PgDatabase } from '@motcua/event-store';
import { CLOCK, Clock, DATABASE } from '@motcua/platform';
import { scannableResult } from '../../domain/dossier/dossier-digitisation.decider';
import { DocumentFactsReader } from '../document-facts';
import { Documents } from '../documents';
import { DossierDigitisations } from '../dossier-digitisations';
import { assertOfficerOfDossier, storedBy } from '../officers';
import { ResultScanned, ScanResult } from './scan-result.command';

/** As a component's scan: checked before the file is read, decided with its hash, kept only if recorded. */
@CommandHandler(ScanResult)
export class ScanResultHandler implements ICommandHandler<ScanResult, ResultScanned> {
  constructor(
    @Inject(DATABASE) private readonly db: PgDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly dossiers: DossierDigitisations,
    private readonly documents: Documents,
    private readonly facts: DocumentFactsReader,
  ) {}

  async execute({ dossierId, officer, receive }: ScanResult): Promise<ResultScanned> {
    const before = await this.dossiers.load(dossierId);
    assertOfficerOfDossier(officer, before);
    scannableResult(before);
    const { file, pages } = await receive();
    const { sha256, bytes } = file.content;
    try {
      return await this.db.transaction(async () => {
        const documentId = randomUUID();
        const at = this.clock.now();
        const { events, state } = await this.dossiers.decide(dossierId, { type: 'ScanResult', documentId, sha256, pages, officerId: officer.id, at }, (s) => assertOfficerOfDossier(officer, s));
        const result = scannableResult(state);
        const recorded = { dossierId, documentNumber: result.documentNumber, documentId: String(result.documentId), sha256, pages: result.pages ?? pages, officerId: result.officerId ?? officer.id };
        if (events.length === 0) {
          const earlier = await this.facts.document(recorded.documentId);
          return { ...recorded, bytes: earlier?.bytes ?? bytes, mediaType: earlier?.mediaType ?? file.mediaType, digitisedAt: String(result.digitisedAt), replayed: true };
        }
        const applicantRef = state.dossier?.applicantRef;
        await this.documents.record({ documentId, storedAt: at.toISOString(), sha256, bytes, mediaType: file.mediaType, origin: 'RESULT', applicantRef }, storedBy(officer), file.content);
        return { ...recorded, bytes, mediaType: file.mediaType, digitisedAt: at.toISOString(), replayed: false };
      });
    } finally {
      await file.content.discard();
    }
  }
}
