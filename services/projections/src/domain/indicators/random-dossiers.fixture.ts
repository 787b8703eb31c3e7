import { WorkingCalendar, type Pause, type ProcessingTime } from '@motcua/calendar';
import { dueSoonFrom, finishedOnTime, resolutionWorkingMinutes } from './derived-facts';
import type { DueChange, IndicatorInput, SupplementRequest } from './indicator-input';
import { at, facts } from './indicator-input.fixture';

/** A small seeded generator (mulberry32): the same seed gives the same dossiers on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOUR = 3600_000;
const PROCEDURES = [
  { procedureCode: '1.001612', field: 'Hộ tịch', days: 3, unit: 'WORKING_DAYS' as const },
  { procedureCode: '2.000889', field: 'Đất đai', days: 10, unit: 'WORKING_DAYS' as const },
  { procedureCode: '1.000105', field: 'Tư pháp', days: 8, unit: 'WORKING_HOURS' as const },
];
/** Instants the boundary cases need: month ends at the last local millisecond, local midnights. */
const BOUNDARY_RECEPTIONS = ['2025-01-31T23:59:59.999', '2025-02-01T00:00', '2025-03-31T16:00', '2025-03-31T23:59', '2025-04-30T17:00', '2025-06-30T23:59:59.999'];

/**
 * Dossiers of January–June 2025 in every shape the rules distinguish: finished in each way or not,
 * on time, late, exactly at the due instant, with supplements answered, pending or doubled, a
 * pay-first wait, extensions, fee exemptions, digitised or not. Derived facts come from the
 * calendar as the projection would compute them.
 */
export function randomDossiers(count: number, seed: number, calendar = new WorkingCalendar()): IndicatorInput[] {
  const rnd = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)];
  const chance = (p: number) => rnd() < p;
  return Array.from({ length: count }, (_, i) => {
    const procedure = pick(PROCEDURES);
    const receivedAt = i < BOUNDARY_RECEPTIONS.length * 2 ? at(BOUNDARY_RECEPTIONS[i % BOUNDARY_RECEPTIONS.length]) : new Date(at('2025-01-01T00:00').getTime() + rnd() * 181 * 24 * HOUR);
    const time = { value: procedure.days, unit: procedure.unit };
    const dueHistory: DueChange[] = [];
    const pauses: Pause[] = [];
    const extensions: ProcessingTime[] = [];
    const setDue = (changedAt: Date) => {
      const dueAt = calendar.dueAt(receivedAt, time, { pauses, extensions }) as Date;
      dueHistory.push({ changedAt, dueAt, dueSoonFrom: dueSoonFrom(dueAt, calendar) });
      return dueAt;
    };
    let dueAt = setDue(receivedAt);
    const payFirst = chance(0.15);
    const paymentWaitUntil = payFirst && chance(0.8) ? new Date(receivedAt.getTime() + rnd() * 72 * HOUR) : null;
    if (paymentWaitUntil) pauses.push({ from: receivedAt, to: paymentWaitUntil });
    if (paymentWaitUntil) dueAt = setDue(paymentWaitUntil);
    const supplementRequests: SupplementRequest[] = [];
    for (let n = payFirst && !paymentWaitUntil ? 0 : chance(0.3) ? (chance(0.2) ? 2 : 1) : 0, t = paymentWaitUntil ?? receivedAt; n > 0; n--) {
      const requestedAt = new Date(t.getTime() + rnd() * 5 * 24 * HOUR);
      const answeredAt = chance(0.75) ? new Date(requestedAt.getTime() + rnd() * (chance(0.5) ? 20 : 200) * HOUR) : null;
      supplementRequests.push({ requestedAt, answeredAt });
      if (!answeredAt) break;
      pauses.push({ from: requestedAt, to: answeredAt });
      dueAt = setDue(answeredAt);
      t = answeredAt;
    }
    if (chance(0.1)) {
      extensions.push({ value: 2, unit: 'WORKING_DAYS' });
      dueAt = setDue(new Date(Math.max(dueHistory[dueHistory.length - 1].changedAt.getTime() + 60_000, dueAt.getTime() - 2 * HOUR)));
    }
    const ending = pick(['resolvedEarly', 'resolvedAtDue', 'resolvedLate', 'stopped', 'withdrawn', 'open', 'rejected'] as const);
    const last = Math.max(dueHistory[dueHistory.length - 1].changedAt.getTime(), ...supplementRequests.map((s) => (s.answeredAt ?? s.requestedAt).getTime()));
    const finish = ending === 'resolvedAtDue' && dueAt.getTime() > last ? dueAt : new Date(ending === 'resolvedLate' ? dueAt.getTime() + rnd() * 200 * HOUR : last + rnd() * Math.max(HOUR, dueAt.getTime() - last));
    const resolvedAt = ending.startsWith('resolved') ? finish : null;
    const received = ending !== 'rejected';
    const base = facts({
      ...procedure,
      processingTimeUnit: procedure.unit,
      unit: pick(['H56.22', 'H56.01', 'H56.30']),
      channel: pick(['ONLINE', 'ONLINE', 'COUNTER', 'POSTAL'] as const),
      department: pick(['SO_TU_PHAP', 'SO_TNMT', null]),
      returnsDocument: chance(0.8),
      eResultAllowed: chance(0.85),
      feeBearing: chance(0.6),
      feeAssessed: pick([0, 50_000, 200_000, null]),
      paidOnline: chance(0.4),
      receivedAt: received ? receivedAt : null,
      rejectedAt: received ? null : receivedAt,
      resolvedAt,
      resultIssuedAt: resolvedAt && chance(0.8) ? new Date(resolvedAt.getTime() + rnd() * 48 * HOUR) : null,
      stoppedAt: ending === 'stopped' ? finish : null,
      withdrawnAt: ending === 'withdrawn' ? finish : null,
      dueHistory: received ? dueHistory : [],
      supplementRequests: received ? supplementRequests : [],
      paymentWaitFrom: received && payFirst ? receivedAt : null,
      paymentWaitUntil: received ? paymentWaitUntil : null,
      allElectronic: chance(0.85),
      eResult: chance(0.8),
      reused: chance(0.5),
    });
    base.successorUnit = base.unit === 'H56.30' ? 'H56.22' : base.unit;
    base.resolutionWorkingMinutes = resolutionWorkingMinutes(base, calendar);
    base.finishedOnTime = finishedOnTime(base);
    return base;
  });
}
