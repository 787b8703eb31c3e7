import { randomUUID } from 'node:crypto';
import { FixedClock, Role } from '@motcua/platform';
import { dossierTransferred, eventually, InProcessService } from '@motcua/testing';
import type { ResultView } from '../../application/get-result/get-result.query';
import type { ResultList } from '../../application/list-results/list-results.query';
import { dossierResolved, peersOf, startIssuance } from '../../testing/issuance.harness';

/** A new member may wait for a stale one of another spec to leave the shared topics' groups. */
const KAFKA_WAIT = { timeoutMs: 60_000 };
const FORMER = 'H56.22';
const SUCCESSOR = 'H56.40';

/**
 * A reorganisation merges the unit that received and decided dossiers into another after their
 * decisions: intake's DossierTransferred on Kafka moves each result to the successor, whose
 * officers record the paper result and hand it over; the former unit's do until the transition
 * window ends. Real PostgreSQL and Kafka throughout.
 */
describe('issuance: a result follows its dossier to the successor unit (real PostgreSQL and Kafka)', () => {
  const clock = new FixedClock(new Date('2025-07-02T02:00:00.000Z'));
  const until = '2025-07-02T03:00:00.000Z';
  let h: InProcessService;
  let peers: ReturnType<typeof peersOf>;

  beforeAll(async () => {
    h = await startIssuance('issuance_transfer_int', clock);
    peers = peersOf(h);
  });
  afterAll(() => h?.close());

  const officer = (role: Exclude<Role, 'PORTAL'>, unit: string) => h.officer(role, unit);
  const json = async <T>(response: Response) => (await response.json()) as T;
  const post = (path: string, who: Record<string, string>, body: unknown) =>
    fetch(`${h.base}${path}`, { method: 'POST', headers: { ...who, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const view = (dossierId: string, unit = SUCCESSOR) => fetch(`${h.base}/results/${dossierId}`, { headers: officer('LEADER', unit) });
  const listed = async (unit: string) => (await json<ResultList>(await fetch(`${h.base}/results?limit=200`, { headers: officer('LEADER', unit) }))).items;
  const paper = (dossierId: string, unit: string) => post(`/results/${dossierId}/paper`, officer('PROCESSING_OFFICER', unit), { documentNumber: `GCN-${dossierId.slice(0, 8)}` });
  const deliver = (dossierId: string, unit: string) => post(`/results/${dossierId}/deliveries`, officer('RECEPTION_OFFICER', unit), { method: 'COUNTER' });
  const streamTypes = async (dossierId: string) => (await h.store.readStream(dossierId)).map((e) => e.type);
  const applied = (messageId: string) =>
    eventually(() => h.count(`select count(*) as n from issuance.inbox where message_id = $1 and outcome = 'APPLIED'`, [messageId]), (n) => n === 1, { ...KAFKA_WAIT, what: `message ${messageId} applied` });
  const transfer = async (dossierId: string) => applied((await peers.transfer(dossierTransferred({ dossierId, fromUnit: FORMER, toUnit: SUCCESSOR, transitionEndsAt: until }))).id);

  /** Received and decided at the merged unit, on paper, handed over at its counter. */
  async function resolvedAtFormer(): Promise<string> {
    const resolved = dossierResolved({ unit: FORMER, channel: 'COUNTER', delivery: 'COUNTER', eResultAllowed: false, resolvedAt: '2025-06-27T03:00:00.000Z', decidedBy: `leader@${FORMER}` });
    await peers.resolve(resolved);
    await eventually(() => view(resolved.dossierId, FORMER), (r) => r.status === 200, { ...KAFKA_WAIT, what: 'the resolution noted' });
    return resolved.dossierId;
  }

  it('moves the result and its listing once; the former unit acts inside the window, only the successor after it', async () => {
    const printedByFormer = await resolvedAtFormer();
    const printedBySuccessor = await resolvedAtFormer();
    await transfer(printedByFormer);
    await transfer(printedBySuccessor);
    // The same transfer delivered again (a new message, the same reorganisation) changes nothing.
    await transfer(printedByFormer);
    expect(await streamTypes(printedByFormer)).toEqual(['ResolutionNoted', 'ResultTransferred']);
    expect(await json<ResultView>(await view(printedBySuccessor))).toMatchObject({ unit: SUCCESSOR, issuer: SUCCESSOR, status: 'RESOLVED', awaiting: 'PAPER_RESULT' });
    const ours = (items: ResultList['items']) => items.map((i) => i.dossierId).filter((id) => [printedByFormer, printedBySuccessor].includes(id)).sort();
    await eventually(() => listed(SUCCESSOR), (items) => ours(items).length === 2, { ...KAFKA_WAIT, what: 'the results listed under the successor' });
    expect(ours(await listed(FORMER))).toEqual([]);

    // Inside the window the former unit still prints the result it decided.
    expect((await paper(printedByFormer, FORMER)).status).toBe(201);

    clock.advance(3_600_000);
    expect(await json(await paper(printedBySuccessor, FORMER))).toMatchObject({ status: 403, code: 'AUTH.OTHER_UNIT' });
    expect(await json(await deliver(printedByFormer, FORMER))).toMatchObject({ status: 403, code: 'AUTH.OTHER_UNIT' });
    expect((await view(printedByFormer, FORMER)).status).toBe(403);
    expect((await paper(printedBySuccessor, SUCCESSOR)).status).toBe(201);
    expect((await deliver(printedByFormer, SUCCESSOR)).status).toBe(201);
    expect(await json<ResultView>(await view(printedByFormer))).toMatchObject({ status: 'COMPLETED', unit: SUCCESSOR });
    // The move is issuance's own business: its topic carries the result, not the transfer.
    await eventually(async () => (await h.published(printedByFormer)).map((e) => e.type), (types) => types.length >= 3, { ...KAFKA_WAIT, what: 'the result published' });
    expect((await h.published(printedByFormer)).map((e) => e.type)).toEqual(['ResultIssued', 'ResultDelivered', 'DossierCompleted']);
  });

  it('ignores a transfer for a dossier not resolved yet', async () => {
    const dossierId = randomUUID();
    await transfer(dossierId);
    expect(await streamTypes(dossierId)).toEqual([]);
    expect((await view(dossierId)).status).toBe(404);
  });
});
