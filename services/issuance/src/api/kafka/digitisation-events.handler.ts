import { Injectable } from '@nestjs/common';
import { asIntegrationEvent, Envelope } from '@motcua/contracts';
import { IntegrationEventHandler } from '@motcua/messaging';
import { ElectronicIssuance } from '../../application/issue-electronic-result/electronic-issuance';

/**
 * Digitisation's DocumentStored tells the real hash of a file (bytes stay there). A decision
 * waiting for that file is signed in the same inbox transaction.
 */
@Injectable()
export class DigitisationEventsHandler implements IntegrationEventHandler {
  readonly handles = ['DocumentStored'] as const;

  constructor(private readonly electronic: ElectronicIssuance) {}

  async handle(envelope: Envelope): Promise<void> {
    const event = asIntegrationEvent(envelope);
    if (event.type !== 'DocumentStored') return;
    const { documentId, sha256, mediaType, bytes, origin, storedAt } = event.data;
    await this.electronic.documentStored({ documentId, sha256, mediaType, bytes, origin, storedAt });
  }
}
