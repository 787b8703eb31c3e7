import { randomUUID } from 'node:crypto';
import type { EventCodec, RecordedEvent } from '@motcua/event-store';
import { toOutgoingMessage } from '@motcua/messaging';
import type { OutgoingMessage } from '@motcua/messaging';
import { assertNever } from '@motcua/platform/errors';
import type { ResultEvent } from '../domain/result/result.events';
import { INTERNAL_RESULT_EVENTS } from '../domain/result/result.events';

/** A dossier's result events live in the dossier's stream; each carries its own domain instant. */
export const resultCodec: EventCodec<ResultEvent> = {
  encode: (event) => ({ id: randomUUID(), type: event.type, data: event.data, metadata: { subject: event.data.dossierId, time: timeOf(event) } }),
  decode: (recorded: RecordedEvent) => ({ type: recorded.type, data: recorded.data }) as ResultEvent,
};

function timeOf(event: ResultEvent): string {
  switch (event.type) {
    case 'ResolutionNoted':
      return event.data.resolvedAt;
    case 'IssuanceBlocked':
      return event.data.blockedAt;
    case 'CorrectedDocumentNamed':
      return event.data.namedAt;
    case 'SwitchedToPaper':
      return event.data.switchedAt;
    case 'ResultIssued':
      return event.data.issuedAt;
    case 'ResultDelivered':
      return event.data.deliveredAt;
    case 'DossierCompleted':
      return event.data.completedAt;
    case 'ResultTransferred':
      return event.data.transferredAt;
    default:
      return assertNever(event);
  }
}

/** Internal events stay home; ResultIssued leaves without its manifest, in the contract's shape. */
export function publishedResultEvent(event: RecordedEvent, source: string): OutgoingMessage | undefined {
  if (INTERNAL_RESULT_EVENTS.has(event.type as ResultEvent['type'])) return undefined;
  if (event.type !== 'ResultIssued') return toOutgoingMessage(event, source);
  const { manifest: _manifest, ...data } = event.data as Extract<ResultEvent, { type: 'ResultIssued' }>['data'];
  return toOutgoingMessage({ ...event, data }, source);
}
