import { randomUUID } from 'node:crypto';
import { integrationEvents, Topics } from '@motcua/contracts';
import type { RecordedEvent } from '@motcua/event-store';
import type { CatalogueEvent } from '../../domain/catalogue/catalogue.events';
import { definition, unit } from '../../domain/catalogue/catalogue.fixtures';
import { publishedIntakeEvent } from '../intake-relay';
import { assertPublishable } from './catalogue.publication';

const recorded = (event: CatalogueEvent | { type: string; data: unknown }, subject = 'SAMPLE.0001'): RecordedEvent => ({
  id: randomUUID(),
  streamId: `procedure-${subject}`,
  streamVersion: 1,
  type: event.type,
  schemaVersion: 1,
  data: event.data,
  metadata: { subject, time: '2025-11-22T02:00:00.000Z' },
  log: { transactionId: '1', position: '1' },
  recordedAt: new Date('2025-11-22T02:00:00.000Z'),
});

describe('catalogue events on the catalogue topic', () => {
  it('publishes a defined version as ProcedurePublished, keyed by code, id kept, valid against the contract', () => {
    const stored = recorded({ type: 'ProcedureVersionDefined', data: { ...definition(), version: 2 } });
    const message = publishedIntakeEvent(stored, 'motcua/intake');
    expect(message).toMatchObject({ topic: Topics.catalogue, key: 'SAMPLE.0001' });
    const envelope = integrationEvents.decode(message?.value as string);
    expect(envelope).toMatchObject({ id: stored.id, type: 'ProcedurePublished', subject: 'SAMPLE.0001', time: '2025-11-22T02:00:00.000Z' });
    expect(envelope.data).toMatchObject({ procedure: { code: 'SAMPLE.0001', version: 2, agencies: ['H56.10'] }, units: ['H56', 'H56.10'], sample: true });
    expect(JSON.stringify(envelope.data)).not.toContain('requiredDocuments');
  });

  it("publishes a procedure without agencies as handled by its receiving units (the snapshot needs one)", () => {
    const message = publishedIntakeEvent(recorded({ type: 'ProcedureVersionDefined', data: { ...definition({ agencies: [] }), version: 1 } }), 'motcua/intake');
    expect(integrationEvents.decode(message?.value as string).data).toMatchObject({ procedure: { agencies: ['H56', 'H56.10'] } });
  });

  it('publishes retirements and units; a unit without parent or end omits them', () => {
    const retired = publishedIntakeEvent(recorded({ type: 'ProcedureRetired', data: { code: 'SAMPLE.0001', version: 2, retiredAt: '2026-01-01T00:00:00.000Z' } }), 'motcua/intake');
    expect(integrationEvents.decode(retired?.value as string)).toMatchObject({ type: 'ProcedureRetired', data: { version: 2 } });
    const top = unit({ code: 'H56', level: 'PROVINCE', parent: undefined, successorOf: [] });
    const registered = publishedIntakeEvent(recorded({ type: 'AdministrativeUnitRegistered', data: top }, 'H56'), 'motcua/intake');
    expect(registered).toMatchObject({ topic: Topics.catalogue, key: 'H56' });
    expect(integrationEvents.decode(registered?.value as string).data).toEqual({ code: 'H56', name: top.name, level: 'PROVINCE', successorOf: [], validFrom: top.validFrom });
  });

  it("leaves dossier events on intake's own topic and internal ones at home", () => {
    expect(publishedIntakeEvent(recorded({ type: 'DossierSubmitted', data: {} }, randomUUID()), 'motcua/intake')?.topic).toBeUndefined();
    expect(publishedIntakeEvent(recorded({ type: 'ProcessingConcluded', data: {} }, randomUUID()), 'motcua/intake')).toBeUndefined();
  });

  it('refuses to record what the contract would refuse', () => {
    const nowhere: CatalogueEvent = { type: 'ProcedureVersionDefined', data: { ...definition({ agencies: [], units: [] }), version: 1 } };
    expect(() => assertPublishable(nowhere, new Date())).toThrow(/agencies/);
  });
});
