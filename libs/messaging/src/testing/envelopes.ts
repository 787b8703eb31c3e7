import { DossierRejected, DossierWithdrawn, Envelope, integrationEvents } from '@motcua/contracts';
import { EventPublisher } from '../kafka/publisher';

const time = '2026-11-22T03:00:00.000Z';

/** A DossierWithdrawn; `reason` lets a spec's handler tell its messages apart. */
export function withdrawn(dossierId: string, reason?: string): Envelope {
  return integrationEvents.createEnvelope(DossierWithdrawn, {
    source: 'motcua/intake',
    subject: dossierId,
    time,
    data: { dossierId, code: 'H56.22-261122-0001', withdrawnAt: time, ...(reason ? { reason } : {}) },
  });
}

export function rejected(dossierId: string): Envelope {
  return integrationEvents.createEnvelope(DossierRejected, {
    source: 'motcua/intake',
    subject: dossierId,
    time,
    data: { dossierId, code: 'H56.22-261122-0001', rejectedAt: time, reason: 'incomplete', officerId: 'officer-1' },
  });
}

/** Publishes envelopes as a relay would (key = subject); plain objects go as JSON unchecked (messages from a newer producer). */
export function sendEnvelopes(publisher: EventPublisher, topic: string, ...envelopes: object[]): Promise<void> {
  return publisher.publish(
    topic,
    envelopes.map((envelope) => {
      const { subject, id } = envelope as { subject: string; id: string };
      return { key: subject, value: JSON.stringify(envelope), headers: { ce_id: id } };
    }),
  );
}
