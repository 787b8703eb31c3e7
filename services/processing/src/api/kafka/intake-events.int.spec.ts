import { randomUUID } from 'node:crypto';
import { DossierReceived, DossierSubmitted, EventData, integrationEvents, Topics } from '@motcua/contracts';
import { dossierReceived, eventually, InProcessService, startInProcessService } from '@motcua/testing';
import { ProcessingModule } from '../../processing.module';

/**
 * Intake's DossierReceived arrives on Kafka as intake publishes it (built from libs/contracts,
 * never from intake's code); processing opens the case and publishes only its integration events.
 */
describe('processing consumes intake events (real PostgreSQL and Kafka)', () => {
  let h: InProcessService;

  beforeAll(async () => {
    h = await startInProcessService(ProcessingModule, {
      service: 'processing',
      isolate: { prefix: 'processing_intake_int' },
      topics: [Topics.intake],
      // The fixtures' due dates are past: no overdue sweep may add its events to the streams asserted here.
      env: { DEADLINE_CHECK_INTERVAL_MS: '3600000' },
    });
  });
  afterAll(() => h?.close());

  const dossierId = randomUUID();
  const at = '2025-03-03T02:00:00.000Z';
  const submitted: EventData<typeof DossierSubmitted> = {
    dossierId,
    code: 'H56.22-250303-0001',
    submittedAt: at,
    channel: 'ONLINE',
    unit: 'H56.22',
    procedureCode: 'SAMPLE.DD.01',
    procedureVersion: 1,
    applicantRef: 'c'.repeat(64),
    applicantKind: 'INDIVIDUAL',
    components: [{ componentId: 'form', name: 'Đơn', provenance: 'PAPER' }],
    delivery: 'COUNTER',
  };
  // Far ahead, so that no deadline pass of another test touches this case.
  const received = dossierReceived({ dossierId, code: submitted.code, receivedAt: at, dueAt: '2099-03-17T02:00:00.000Z', applicantRef: submitted.applicantRef, components: submitted.components, delivery: 'COUNTER' });

  it('opens a case at the first agency from DossierReceived, once, and keeps internal events home', async () => {
    const envelopes = [
      integrationEvents.createEnvelope(DossierSubmitted, { source: 'motcua/intake', subject: dossierId, time: at, data: submitted }),
      integrationEvents.createEnvelope(DossierReceived, { source: 'motcua/intake', subject: dossierId, time: at, data: received }),
    ];
    // The received event delivered twice: the inbox applies it once.
    await h.send(Topics.intake, ...envelopes, envelopes[1]);

    const stream = await eventually(() => h.store.readStream(dossierId), (events) => events.length >= 2, { what: 'the case stream' });
    expect(stream.map((e) => e.type)).toEqual(['CaseOpened', 'CaseAssigned']);
    expect(stream[1].data).toMatchObject({ agency: 'H56.22', step: 1 });

    // Other tests' processing apps also read the shared intake topic: ours are the events this app stored.
    const ours = await eventually(() => h.published(dossierId), (events) => events.length >= 1, { what: 'CaseAssigned on the processing topic' });
    expect(ours.map((e) => e.type)).toEqual(['CaseAssigned']);
    expect(ours.map((e) => e.type)).not.toContain('CaseOpened');
  });
});
