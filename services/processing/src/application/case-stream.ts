import { randomUUID } from 'node:crypto';
import type { EventCodec, RecordedEvent } from '@motcua/event-store';
import { toOutgoingMessage } from '@motcua/messaging';
import type { OutgoingMessage } from '@motcua/messaging';
import type { Clock } from '@motcua/platform';
import type { CaseEvent } from '../domain/case/case.events';
import { INTERNAL_CASE_EVENTS } from '../domain/case/case.events';

/** A case's events are stored in the case's stream (the dossier id), with domain time. */
export function caseCodec(clock: Clock): EventCodec<CaseEvent> {
  return {
    encode: (event) => ({ id: randomUUID(), type: event.type, data: event.data, metadata: { subject: event.data.dossierId, time: clock.now().toISOString() } }),
    decode: (recorded: RecordedEvent) => ({ type: recorded.type, data: recorded.data }) as CaseEvent,
  };
}

/** The relay publishes processing's integration events and keeps the internal ones home. */
export function publishedCaseEvent(event: RecordedEvent, source: string): OutgoingMessage | undefined {
  return INTERNAL_CASE_EVENTS.has(event.type as CaseEvent['type']) ? undefined : toOutgoingMessage(event, source);
}
