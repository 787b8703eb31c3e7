import { randomUUID } from 'node:crypto';
import type { EventCodec, RecordedEvent } from '@motcua/event-store';
import type { Clock } from '@motcua/platform';
import { CatalogueEvent, catalogueSubject } from '../../domain/catalogue/catalogue.events';
import { assertPublishable } from './catalogue.publication';

/** How catalogue events are stored: keyed by the procedure or unit code, with domain time. */
export function catalogueCodec(clock: Clock): EventCodec<CatalogueEvent> {
  return {
    encode: (event) => {
      const time = clock.now();
      assertPublishable(event, time);
      return { id: randomUUID(), type: event.type, data: event.data, metadata: { subject: catalogueSubject(event), time: time.toISOString() } };
    },
    decode: (recorded: RecordedEvent) => ({ type: recorded.type, data: recorded.data }) as CatalogueEvent,
  };
}
