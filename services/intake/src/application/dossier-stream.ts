import { randomUUID } from 'node:crypto';
import type { EventCodec, RecordedEvent } from '@motcua/event-store';
import type { Clock } from '@motcua/platform';
import type { DossierEvent } from '../domain/dossier/dossier.events';

/** How dossier events are stored: the integration shape, keyed by the dossier, with domain time. */
export function dossierCodec(clock: Clock): EventCodec<DossierEvent> {
  return {
    encode: (event) => ({ id: randomUUID(), type: event.type, data: event.data, metadata: { subject: event.data.dossierId, time: clock.now().toISOString() } }),
    decode: (recorded: RecordedEvent) => ({ type: recorded.type, data: recorded.data }) as DossierEvent,
  };
}
