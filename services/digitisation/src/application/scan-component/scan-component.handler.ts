import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { PgDatabase } from '@motcua/event-store';
import { CLOCK, Clock, DATABASE } from '@motcua/platform';
import { scannableComponent } from '../../domain/dossier/dossier-digitisation.decider';
import { DocumentFactsReader } from '../document-facts';
import { Documents } from '../documents';
import { DossierDigitisations } from '../dossier-digitisations';
import { assertOfficerOfDossier, storedBy } from '../officers';
import { ComponentScanned, ScanComponent } from './scan-component.command';

/**
 * The dossier is checked before the file is read (an unknown dossier or a component that is not
 * paper is refused without taking the upload), and decided again with the file's hash in one
 * transaction with the document's record; the file is kept only if both are.
 */
@CommandHandler(ScanComponent)
export class ScanComponentHandler implements ICommandHandler<ScanComponent, ComponentScanned> {
  constructor(
    @Inject(DATABASE) private readonly db: PgDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly dossiers: DossierDigitisations,
    private readonly documents: Documents,
    private readonly facts: DocumentFactsReader,
  ) {}

  async execute({ dossierId, componentId, officer, receive }: ScanComponent): Promise<ComponentScanned> {
    const before = await this.dossiers.load(dossierId);
    assertOfficerOfDossier(officer, before);
    scannableComponent(before, componentId);
    const { file, pages } = await receive();
    const { sha256, bytes } = file.content;
    try {
      return await this.db.transaction(async () => {
        const documentId = randomUUID();
        const at = this.clock.now();
        const { events, state } = await this.dossiers.decide(dossierId, { type: 'ScanComponent', componentId, documentId, sha256, pages, officerId: officer.id, at }, (s) =>
          assertOfficerOfDossier(officer, s),
        );
        const component = scannableComponent(state, componentId);
        const recorded = { dossierId, componentId, documentId: String(component.documentId), sha256, pages: component.pages ?? pages, officerId: component.officerId ?? officer.id };
        if (events.length === 0) {
          const earlier = await this.facts.document(recorded.documentId);
          return { ...recorded, bytes: earlier?.bytes ?? bytes, mediaType: earlier?.mediaType ?? file.mediaType, digitisedAt: String(component.digitisedAt), dossierDigitised: state.digitised, replayed: true };
        }
        const applicantRef = state.dossier?.applicantRef;
        await this.documents.record({ documentId, storedAt: at.toISOString(), sha256, bytes, mediaType: file.mediaType, origin: 'SCAN', applicantRef }, storedBy(officer), file.content);
        return { ...recorded, bytes, mediaType: file.mediaType, digitisedAt: at.toISOString(), dossierDigitised: state.digitised, replayed: false };
      });
    } finally {
      await file.content.discard();
    }
  }
}
