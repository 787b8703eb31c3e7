import { randomUUID } from 'node:crypto';
import { DossierTransferred, Topics } from '@motcua/contracts';
import { dossierTransferred, eventually, procedureSnapshot } from '@motcua/testing';
import { KAFKA_WAIT, PaymentHarness } from '../../testing/payment.harness';

const fee = { code: 'LLTP', name: 'Phí cấp phiếu lý lịch tư pháp', kind: 'FEE' as const, amount: 200_000, online: { rule: 'NONE' as const } };
const FORMER = 'H56.22';
const SUCCESSOR = 'H56.40';

/**
 * A reorganisation merges the receiving unit into another while bills are open: intake's
 * DossierTransferred on Kafka moves each bill to the successor, whose officers take the cash; the
 * former unit's officers do until the transition window ends. Real PostgreSQL and Kafka.
 */
describe('payment: a bill follows its dossier to the successor unit (real PostgreSQL, Kafka, HTTP)', () => {
  const h = new PaymentHarness();
  beforeAll(() => h.start(), 120_000);
  afterAll(() => h.stop(), 30_000);

  const windowEnds = () => new Date(h.clock.now().getTime() + 3_600_000).toISOString();
  const receive = () => h.receive({ channel: 'COUNTER', delivery: 'COUNTER', unit: FORMER, procedure: procedureSnapshot({ fees: [fee] }) });
  const applied = (messageId: string) =>
    eventually(() => h.count(`select count(*) as n from payment.inbox where message_id = $1 and outcome = 'APPLIED'`, [messageId]), (n) => n === 1, { ...KAFKA_WAIT, what: `message ${messageId} applied` });
  const transfer = async (dossierId: string, transitionEndsAt: string) => {
    const at = h.clock.now().toISOString();
    const data = dossierTransferred({ dossierId, fromUnit: FORMER, toUnit: SUCCESSOR, transferredAt: at, effectiveAt: at, transitionEndsAt });
    const envelope = await h.publish(DossierTransferred, Topics.intake, dossierId, at, data);
    await applied(envelope.id);
    return data;
  };
  const cash = (dossierId: string, unit: string) => h.call('POST', `/dossiers/${dossierId}/payment/cash`, h.officer('RECEPTION_OFFICER', unit), { amount: 200_000 });
  const bill = (dossierId: string, unit: string) => h.call('GET', `/dossiers/${dossierId}/payment`, h.officer('PROCESSING_OFFICER', unit));

  it('moves the bill once, lets the former unit take the cash inside the window, and only the successor after it', async () => {
    const takenByFormer = await receive();
    const takenBySuccessor = await receive();
    const until = windowEnds();
    const first = await transfer(takenByFormer, until);
    await transfer(takenBySuccessor, until);
    // The same transfer delivered again (a new message, the same reorganisation) changes nothing.
    await h.publish(DossierTransferred, Topics.intake, takenByFormer, first.transferredAt, first).then((e) => applied(e.id));
    expect(await h.types(takenByFormer)).toEqual(['BillOpened', 'FeeAssessed', 'PaymentRequested', 'BillTransferred']);
    expect((await bill(takenByFormer, SUCCESSOR)).body).toMatchObject({ unit: SUCCESSOR, total: 200_000, status: 'AWAITING_PAYMENT' });

    // Inside the window the former desk still serves the applicant who came back to it.
    expect((await bill(takenByFormer, FORMER)).status).toBe(200);
    expect(await cash(takenByFormer, FORMER)).toMatchObject({ status: 201, body: { method: 'CASH', amount: 200_000 } });

    h.clock.advance(3_600_000);
    expect((await cash(takenBySuccessor, FORMER)).body).toMatchObject({ status: 403, code: 'AUTH.OTHER_UNIT' });
    expect((await bill(takenBySuccessor, FORMER)).status).toBe(403);
    expect(await cash(takenBySuccessor, SUCCESSOR)).toMatchObject({ status: 201, body: { method: 'CASH' } });
    expect((await bill(takenBySuccessor, SUCCESSOR)).body).toMatchObject({ unit: SUCCESSOR, status: 'PAID' });
    // The move is payment's own business: its topic carries the payments, not the transfer.
    const published = await h.publishedTypes(takenBySuccessor, (types) => types.includes('PaymentSucceeded'));
    expect(published).toEqual(['FeeAssessed', 'PaymentRequested', 'PaymentSucceeded']);
  });

  it('ignores a transfer for a dossier it never received', async () => {
    const dossierId = randomUUID();
    await transfer(dossierId, windowEnds());
    expect(await h.types(dossierId)).toEqual([]);
    expect((await bill(dossierId, SUCCESSOR)).body).toMatchObject({ status: 404, code: 'PAYMENT.BILL_NOT_FOUND' });
  });
});
