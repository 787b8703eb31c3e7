import { Injectable } from '@nestjs/common';
import { asIntegrationEvent, Envelope } from '@motcua/contracts';
import { IntegrationEventHandler, NotYetKnownError } from '@motcua/messaging';
import { DocumentFactsReader } from '../../application/document-facts';
import { DossierDigitisations } from '../../application/dossier-digitisations';

/**
 * A paper result becomes a scanning task; an e-result held here goes to the applicant's
 * repository. A result for a dossier whose reception has not arrived yet (topics are not ordered
 * against each other) is parked until it does.
 */
@Injectable()
export class IssuanceEventsHandler implements IntegrationEventHandler {
  readonly handles = ['ResultIssued'] as const;

  constructor(
    private readonly dossiers: DossierDigitisations,
    private readonly facts: DocumentFactsReader,
  ) {}

  async handle(envelope: Envelope): Promise<void> {
    const event = asIntegrationEvent(envelope);
    if (event.type !== 'ResultIssued') return;
    const { dossierId, issuedAt, result } = event.data;
    if (!(await this.dossiers.exists(dossierId))) throw new NotYetKnownError(dossierId);
    const at = new Date(issuedAt);
    if (result.form === 'PAPER') {
      await this.dossiers.decide(dossierId, { type: 'AwaitPaperResult', at, documentNumber: result.documentNumber });
    } else {
      const held = (await this.facts.document(result.documentId)) !== undefined;
      await this.dossiers.decide(dossierId, { type: 'FileElectronicResult', at, documentId: result.documentId, held });
    }
  }
}
