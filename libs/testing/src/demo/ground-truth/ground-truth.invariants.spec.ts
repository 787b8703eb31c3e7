import type { DemoDossier } from '../demo-dossier';
import { AFTER_MAY, dossier } from './demo-dossier.fixture';
import { groundTruth } from './ground-truth';

/** A seeded generator (mulberry32): the same dossiers on every run, so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const JANUARY = Date.parse('2025-01-01T00:00:00+07:00');

function randomDossiers(count: number, seed: number): DemoDossier[] {
  const next = random(seed);
  const chance = (p: number) => next() < p;
  const iso = (t: number) => new Date(t).toISOString();
  return Array.from({ length: count }, () => {
    const received = JANUARY + Math.floor(next() * 150 * DAY);
    const later = (days: number) => received + Math.floor(next() * days * DAY);
    const dueAt = later(20);
    const requests = Array.from({ length: chance(0.3) ? Math.floor(next() * 3) + 1 : 0 }, () => {
      const requestedAt = later(15);
      return { requestedAt: iso(requestedAt), answeredAt: chance(0.7) ? iso(requestedAt + Math.floor(next() * 5 * DAY)) : null };
    }).sort((a, b) => a.requestedAt.localeCompare(b.requestedAt));
    const end = chance(0.8) ? later(40) : null;
    const how = next();
    const feeBearing = chance(0.5);
    const returnsDocument = chance(0.6);
    return dossier({
      unit: ['H56.22', 'H56.23', 'H56.24'][Math.floor(next() * 3)],
      channel: chance(0.6) ? 'ONLINE' : 'COUNTER',
      receivedAt: chance(0.95) ? iso(received) : null,
      processingTimeUnit: chance(0.2) ? 'WORKING_HOURS' : 'WORKING_DAYS',
      dueHistory: [{ changedAt: iso(received), dueAt: iso(dueAt) }, ...(chance(0.3) ? [{ changedAt: iso(later(10)), dueAt: iso(dueAt + 3 * DAY) }] : [])],
      supplementRequests: requests,
      paymentWait: chance(0.2) ? { from: iso(received), until: chance(0.8) ? iso(later(4)) : null } : null,
      resolvedAt: end !== null && how < 0.8 ? iso(end) : null,
      stoppedAt: end !== null && how >= 0.8 && how < 0.9 ? iso(end) : null,
      withdrawnAt: end !== null && how >= 0.9 ? iso(end) : null,
      returnsDocument,
      eResultAllowed: returnsDocument && chance(0.8),
      eResult: returnsDocument && chance(0.5),
      feeBearing,
      feeAssessed: feeBearing ? [0, 50_000, null][Math.floor(next() * 3)] : null,
      paidOnline: chance(0.4),
      allElectronic: chance(0.7),
      reused: chance(0.2),
    });
  });
}

describe('the ground truth over random dossiers keeps the relations between its indicators', () => {
  const dossiers = randomDossiers(600, 766);
  const figures = groundTruth(dossiers, { from: '2025-01', to: '2025-05', asOf: AFTER_MAY });
  const groups = [...new Set(figures.map((f) => `${f.period} ${f.unit}`))];
  const of = (group: string, indicator: string) => figures.find((f) => `${f.period} ${f.unit}` === group && f.indicator === indicator) ?? { numerator: 0, denominator: 0 };

  it.each(groups)('%s', (group) => {
    const [onTime, inProgress, plain, late, overdue, soon] = ['on_time', 'in_progress', 'on_time_plain', 'late_resolved', 'overdue_in_progress', 'due_soon'].map((id) => of(group, id));
    const received = ['online_share', 'online_share_plain', 'digitisation', 'data_reuse'].map((id) => of(group, id).denominator);
    expect({ toProcess: onTime.denominator, resolved: plain.numerator + late.numerator, open: [overdue.denominator, soon.denominator], received: new Set(received).size }).toEqual({
      toProcess: inProgress.denominator,
      resolved: late.denominator,
      open: [inProgress.numerator, inProgress.numerator],
      received: 1,
    });
    expect(overdue.numerator + soon.numerator).toBeLessThanOrEqual(overdue.denominator);
    expect(of(group, 'online_share').numerator).toBeLessThanOrEqual(of(group, 'online_share_plain').numerator);
    for (const id of ['e_result', 'online_payment', 'avg_resolution_time']) expect(of(group, id).denominator).toBeLessThanOrEqual(received[0]);
  });

  it('counts every dossier received from January to May once in the intake of its month', () => {
    const intake = figures.filter((f) => f.indicator === 'online_share_plain').reduce((sum, f) => sum + f.denominator, 0);
    expect(intake).toBe(dossiers.filter((d) => d.receivedAt !== null).length);
    expect(figures.filter((f) => f.indicator === 'on_time').length).toBeGreaterThan(10);
  });
});
