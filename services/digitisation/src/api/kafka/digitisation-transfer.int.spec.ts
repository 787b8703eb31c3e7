import { randomUUID } from 'node:crypto';
import { DossierReceived, DossierTransferred, EventData, EventDefinition, integrationEvents, Topics } from '@motcua/contracts';
import { FixedClock } from '@motcua/platform';
import { dossierReceived, dossierTransferred, eventually } from '@motcua/testing';
import { DigitisationHarness, form, KAFKA_WAIT, pdf } from '../../testing/digitisation.e2e.harness';

const FORMER = 'H56.22';
const SUCCESSOR = 'H56.40';

/**
 * A reorganisation merges the receiving unit into another while paper awaits its scan: intake's
 * DossierTransferred on Kafka moves each dossier and its scanning tasks to the successor's desk;
 * the former desk scans until the transition window ends. Real PostgreSQL and Kafka.
 */
describe('digitisation: scanning tasks follow their dossier to the successor unit (real PostgreSQL and Kafka)', () => {
  const clock = new FixedClock(new Date('2025-07-02T02:00:00.000Z'));
  const service = new DigitisationHarness();
  beforeAll(() => service.start('digitisation_transfer_int', clock));
  afterAll(() => service.stop());

  const desk = (unit: string) => service.officer('RECEPTION_OFFICER', unit);
  const until = '2025-07-02T03:00:00.000Z';
  const applied = (messageId: string) =>
    eventually(
      async () => (await service.db.query<{ n: number }>(`select count(*)::int as n from digitisation.inbox where message_id = $1 and outcome = 'APPLIED'`, [messageId])).rows[0].n,
      (n) => n === 1,
      { ...KAFKA_WAIT, what: `message ${messageId} applied` },
    );
  const publish = async <D extends EventDefinition>(definition: D, dossierId: string, time: string, data: EventData<D>) => {
    const envelope = integrationEvents.createEnvelope(definition, { source: 'motcua/intake', subject: dossierId, time, data });
    await service.publish(Topics.intake, envelope);
    await applied(envelope.id);
  };
  const receive = async () => {
    const dossierId = randomUUID();
    const data = dossierReceived({ dossierId, channel: 'COUNTER', unit: FORMER, components: [{ componentId: 'form', name: 'Tờ khai', provenance: 'PAPER' }], receivedAt: '2025-06-20T02:00:00.000Z' });
    await publish(DossierReceived, dossierId, data.receivedAt, data);
    return dossierId;
  };
  const transfer = (dossierId: string) => {
    const data = dossierTransferred({ dossierId, fromUnit: FORMER, toUnit: SUCCESSOR, transferredAt: '2025-07-01T01:00:00.000Z', transitionEndsAt: until });
    return publish(DossierTransferred, dossierId, data.transferredAt, data);
  };
  const scan = (dossierId: string, unit: string) => fetch(`${service.base}/dossiers/${dossierId}/components/form/scan`, { method: 'POST', headers: desk(unit), body: form(pdf(`tờ khai ${dossierId}`), 'application/pdf', { pages: '1' }) });
  const tasks = async (unit: string) =>
    ((await (await fetch(`${service.base}/digitisation-tasks?limit=200`, { headers: desk(unit) })).json()) as { items: { dossierId: string }[] }).items.map((t) => t.dossierId);
  const view = (dossierId: string, unit: string) => fetch(`${service.base}/dossiers/${dossierId}/digitisation`, { headers: desk(unit) });
  const types = async (dossierId: string) => (await service.store.readStream(dossierId)).map((e) => e.type);

  it('moves the dossier and its tasks once; the former desk scans inside the window, only the successor’s after it', async () => {
    const scannedByFormer = await receive();
    const scannedBySuccessor = await receive();
    expect(await tasks(FORMER)).toEqual(expect.arrayContaining([scannedByFormer, scannedBySuccessor]));
    await transfer(scannedByFormer);
    await transfer(scannedBySuccessor);
    // The same transfer delivered again (a new message, the same reorganisation) changes nothing.
    await transfer(scannedByFormer);
    expect(await types(scannedByFormer)).toEqual(['DigitisationOpened', 'DigitisationTransferred']);

    expect((await tasks(SUCCESSOR)).sort()).toEqual([scannedByFormer, scannedBySuccessor].sort());
    expect(await tasks(FORMER)).not.toEqual(expect.arrayContaining([scannedByFormer]));
    expect(await (await view(scannedBySuccessor, SUCCESSOR)).json()).toMatchObject({ unit: SUCCESSOR, components: [{ componentId: 'form', status: 'AWAITING_SCAN' }] });

    // Inside the window the former desk still scans the paper the applicant left there.
    expect((await scan(scannedByFormer, FORMER)).status).toBe(201);

    clock.advance(3_600_000);
    expect(await (await scan(scannedBySuccessor, FORMER)).json()).toMatchObject({ status: 403, code: 'AUTH.OTHER_UNIT' });
    expect((await view(scannedBySuccessor, FORMER)).status).toBe(403);
    expect(await (await scan(scannedBySuccessor, SUCCESSOR)).json()).toMatchObject({ dossierDigitised: true });
    expect(await tasks(SUCCESSOR)).not.toEqual(expect.arrayContaining([scannedBySuccessor]));
  });

  it('ignores a transfer for a dossier it never received', async () => {
    const dossierId = randomUUID();
    await transfer(dossierId);
    expect(await types(dossierId)).toEqual([]);
    expect((await view(dossierId, SUCCESSOR)).status).toBe(404);
  });
});
