import { Inject, Injectable } from '@nestjs/common';
import { asIntegrationEvent, Envelope } from '@motcua/contracts';
import { EventStore, handleCommand } from '@motcua/event-store';
import { EVENT_STORE, IntegrationEventHandler } from '@motcua/messaging';
import { CLOCK, Clock } from '@motcua/platform';
import { dossierCodec } from '../../application/dossier-stream';
import { dossierDecider } from '../../domain/dossier/dossier.decider';

/**
 * The end of a dossier's flight: once its result is delivered a reorganisation no longer moves
 * it (the unit that finished it keeps it). Runs inside the inbox transaction.
 */
@Injectable()
export class IssuanceEventsHandler implements IntegrationEventHandler {
  readonly handles = ['DossierCompleted'] as const;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async handle(envelope: Envelope): Promise<void> {
    const event = asIntegrationEvent(envelope);
    if (event.type !== 'DossierCompleted') return;
    const completed = { dossierId: event.data.dossierId, completedAt: event.data.completedAt };
    await handleCommand(this.store, envelope.subject, dossierDecider, dossierCodec(this.clock), { type: 'NoteCompletion', completed });
  }
}
