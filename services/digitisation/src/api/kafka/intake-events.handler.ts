import { Injectable } from '@nestjs/common';
import { asIntegrationEvent, Envelope } from '@motcua/contracts';
import { IntegrationEventHandler } from '@motcua/messaging';
import { DocumentFactsReader } from '../../application/document-facts';
import { DossierDigitisations } from '../../application/dossier-digitisations';

/**
 * Reception opens a dossier's digitisation: uploaded documents are checked, paper becomes a
 * scanning task, reuse references are checked against the applicant's repository; a withdrawal
 * after reception closes the scanning tasks; a transfer moves the dossier (and its tasks) to the
 * successor unit. Runs inside
 * the inbox transaction: the dossier's events, the tables and the inbox record commit together.
 */
@Injectable()
export class IntakeEventsHandler implements IntegrationEventHandler {
  readonly handles = ['DossierReceived', 'SupplementProvided', 'DossierWithdrawn', 'DossierTransferred'] as const;

  constructor(
    private readonly dossiers: DossierDigitisations,
    private readonly facts: DocumentFactsReader,
  ) {}

  async handle(envelope: Envelope): Promise<void> {
    const event = asIntegrationEvent(envelope);
    switch (event.type) {
      case 'DossierReceived': {
        const facts = await this.facts.about(event.data.components, event.data.portal);
        await this.dossiers.decide(event.data.dossierId, { type: 'OpenDigitisation', received: event.data, facts });
        return;
      }
      case 'SupplementProvided': {
        // A supplement before reception is already in the components DossierReceived carries.
        if (!(await this.dossiers.exists(event.data.dossierId))) return;
        const facts = await this.facts.about(event.data.components, await this.facts.portalOf(event.data.dossierId));
        await this.dossiers.decide(event.data.dossierId, { type: 'AddComponents', at: new Date(event.data.providedAt), components: event.data.components, facts });
        return;
      }
      case 'DossierWithdrawn':
        // Withdrawn before reception, the dossier never came here: nothing to close.
        if (!(await this.dossiers.exists(event.data.dossierId))) return;
        await this.dossiers.decide(event.data.dossierId, { type: 'CloseDigitisation', at: new Date(event.data.withdrawnAt) });
        return;
      case 'DossierTransferred':
        // Transferred before reception: the reception will name the successor.
        if (!(await this.dossiers.exists(event.data.dossierId))) return;
        await this.dossiers.decide(event.data.dossierId, { type: 'TransferDigitisation', transfer: event.data });
        return;
      default:
        // Submissions, returns and rejections leave nothing to digitise.
        return;
    }
  }
}
