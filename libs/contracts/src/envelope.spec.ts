import { dataSchemaUri, EnvelopeHeaders, headersOf } from './envelope';
import { DossierWithdrawn } from './events/intake.events';
import { integrationEvents } from './integration-events';
import { dossierId, samples } from './integration-events.samples';

describe('envelope', () => {
  const envelope = integrationEvents.createEnvelope(DossierWithdrawn, {
    source: 'motcua/intake',
    subject: dossierId,
    time: '2026-11-22T03:00:00.000Z',
    correlationId: 'req-7',
    data: samples.DossierWithdrawn,
  });

  it('names data schemas by type and version', () => {
    expect(dataSchemaUri('DossierReceived', 1)).toBe('urn:motcua:DossierReceived:1');
  });

  it('uses the CloudEvents Kafka binding prefix for every header', () => {
    for (const name of Object.values(EnvelopeHeaders)) expect(name).toMatch(/^ce_[a-z]+$/);
  });

  it('copies the ids into headers, so a message can be traced without parsing its value', () => {
    expect(headersOf(envelope)).toEqual({
      ce_id: envelope.id,
      ce_type: 'DossierWithdrawn',
      ce_source: 'motcua/intake',
      ce_subject: dossierId,
      ce_time: '2026-11-22T03:00:00.000Z',
      ce_schemaversion: '1',
      ce_correlationid: 'req-7',
      ce_causationid: envelope.id,
    });
  });

  it('puts nothing from data in the headers', () => {
    const values = Object.values(headersOf(envelope));
    expect(values).not.toContain(samples.DossierWithdrawn.code);
  });
});
