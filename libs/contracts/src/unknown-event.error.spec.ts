import { dataSchemaUri } from './envelope';
import { DossierReceived } from './events/intake.events';
import { integrationEvents } from './integration-events';
import { dossierId, samples } from './integration-events.samples';
import { InvalidMessageError } from './invalid-message.error';
import { UnknownEventError } from './unknown-event.error';

const time = '2026-11-22T03:00:00.000Z';
const message = (change: (m: Record<string, unknown>) => void = () => undefined) => {
  const m = JSON.parse(JSON.stringify(integrationEvents.createEnvelope(DossierReceived, { source: 'motcua/intake', subject: dossierId, time, data: samples.DossierReceived })));
  change(m);
  return JSON.stringify(m);
};
const thrown = (value: string): unknown => {
  try {
    integrationEvents.decode(value);
  } catch (error) {
    return error;
  }
  throw new Error('expected decode to throw');
};

describe('decode tells a type or version it does not know from a malformed message', () => {
  it('names an unknown type, with the envelope a consumer needs to ignore it', () => {
    const error = thrown(message((m) => Object.assign(m, { type: 'DossierTeleported', dataschema: dataSchemaUri('DossierTeleported', 1) })));
    expect(error).toBeInstanceOf(UnknownEventError);
    expect(error).toMatchObject({ unknown: 'TYPE', envelope: { type: 'DossierTeleported', subject: dossierId } });
  });

  it('names an unknown version of a known type, with the envelope a consumer needs to park it', () => {
    const error = thrown(message((m) => Object.assign(m, { schemaversion: 9, dataschema: dataSchemaUri('DossierReceived', 9) })));
    expect(error).toMatchObject({ unknown: 'VERSION', envelope: { type: 'DossierReceived', schemaversion: 9, subject: dossierId } });
  });

  it('keeps a malformed message, or a known version breaking its schema, a plain InvalidMessageError', () => {
    for (const value of ['{"id":', message((m) => delete m['subject']), message((m) => ((m['data'] as Record<string, unknown>)['code'] = 42))]) {
      const error = thrown(value);
      expect(error).toBeInstanceOf(InvalidMessageError);
      expect(error).not.toBeInstanceOf(UnknownEventError);
    }
  });
});
