import { Inject, Injectable } from '@nestjs/common';
import { asIntegrationEvent, Envelope } from '@motcua/contracts';
import { EventStore, handleCommand } from '@motcua/event-store';
import { EVENT_STORE, IntegrationEventHandler } from '@motcua/messaging';
import { CLOCK, Clock } from '@motcua/platform';
import { dossierCodec } from '../../application/dossier-stream';
import type { DossierCommand } from '../../domain/dossier/dossier.commands';
import { dossierDecider } from '../../domain/dossier/dossier.decider';

/**
 * What the one-stop desk needs from processing: a department's supplement request (the desk will
 * take the documents) and the end of processing (withdrawal closes). Runs inside the inbox
 * transaction, so the dossier's event and the inbox record commit together.
 */
@Injectable()
export class ProcessingEventsHandler implements IntegrationEventHandler {
  readonly handles = ['SupplementRequested', 'DossierResolved', 'ProcessingStopped'] as const;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async handle(envelope: Envelope): Promise<void> {
    const command = toCommand(envelope);
    if (!command) return;
    await handleCommand(this.store, envelope.subject, dossierDecider, dossierCodec(this.clock), command);
  }
}

/** Events carry their domain time; replays never consult the clock. */
function toCommand(envelope: Envelope): DossierCommand | undefined {
  const event = asIntegrationEvent(envelope);
  switch (event.type) {
    case 'SupplementRequested': {
      const { dossierId, requestId, requestedAt, missing } = event.data;
      return { type: 'AwaitSupplement', awaited: { dossierId, requestId, requestedAt, missing } };
    }
    case 'DossierResolved':
      return { type: 'NoteConclusion', concluded: { dossierId: event.data.dossierId, concludedAt: event.data.resolvedAt, how: 'RESOLVED' } };
    case 'ProcessingStopped':
      return { type: 'NoteConclusion', concluded: { dossierId: event.data.dossierId, concludedAt: event.data.stoppedAt, how: 'STOPPED' } };
    default:
      return undefined;
  }
}
