import { exemptOnline, feeBearing, ProcedureTerms } from './demo-catalogue';
import type { PlannedAct, PlannedComponent, PlannedDossier, PlannedStep } from './dossier-plan';
import type { Random } from './random';
import { monthEnd, QUIET_DAYS, SimulatedTime, SIMULATION } from './simulated-time';
import { SEED_SHAPE } from './workload-mix';

const MINUTE = 60_000;
/** Nothing but a submission or a refusal is planned in May's quiet zone: those lives stay open. */
const LAST_ACT = monthEnd(SIMULATION.end - 1) - QUIET_DAYS * 86_400_000;
/** Acts that only the service answering them stamps: they may fall in a quiet zone. */
const STAMPED_BY_THE_ANSWER: ReadonlySet<PlannedAct['kind']> = new Set(['SUBMIT', 'REGISTER_AT_DESK', 'REJECT']);

interface Dossier {
  submittedAt: number;
  channel: PlannedDossier['channel'];
  terms: ProcedureTerms;
  components: PlannedComponent[];
}

/**
 * One dossier's acts from submission to delivery, in working time from reception. A life that
 * would run past the last planned day stops there, and the dossier stays pending.
 */
export function planLife(d: Dossier, random: Random, time: SimulatedTime): PlannedStep[] {
  const steps: PlannedStep[] = [];
  let now = d.submittedAt - MINUTE;
  const at = (instant: number, act: PlannedAct): boolean => {
    let when = Math.max(instant, now + MINUTE);
    if (!STAMPED_BY_THE_ANSWER.has(act.kind)) when = time.awayFromMonthEnd(when, random);
    if (when >= LAST_ACT && act.kind !== 'SUBMIT') return false;
    steps.push({ at: when, act });
    now = when;
    return true;
  };
  const later = (from: number, min: number, max: number) => time.after(from, random.int(min, max));

  if (d.channel === 'ONLINE') {
    at(d.submittedAt, { kind: 'SUBMIT' });
    const fate = random.next();
    if (fate < SEED_SHAPE.rejectedOfOnline) return at(later(now, 10, 240), { kind: 'REJECT' }), steps;
    if (fate < SEED_SHAPE.rejectedOfOnline + SEED_SHAPE.withdrawnBeforeReception) return at(later(now, 30, 600), { kind: 'WITHDRAW' }), steps;
    if (fate < SEED_SHAPE.rejectedOfOnline + SEED_SHAPE.withdrawnBeforeReception + SEED_SHAPE.returnedOfOnline) {
      if (!at(later(now, 10, 240), { kind: 'RETURN_AT_RECEPTION' }) || !at(later(now, 450, 1350), { kind: 'ANSWER_RETURN' })) return steps;
    }
    if (!at(later(now, 10, 300), { kind: 'RECEIVE' })) return steps;
  } else {
    at(d.submittedAt, { kind: 'REGISTER_AT_DESK' });
  }
  const receivedAt = now;
  const legalMinutes = time.calendar.toWorkingMinutes(d.terms.processingTime);

  if (d.components.some((c) => c.form === 'PAPER_SCANNED') && !at(now + random.int(2, 15) * MINUTE, { kind: 'SCAN_COMPONENTS' })) return steps;
  if (feeBearing(d.terms) && !(d.channel === 'ONLINE' && exemptOnline(d.terms))) {
    if (!at(d.channel === 'ONLINE' ? later(now, 10, 120) : now + random.int(1, 10) * MINUTE, { kind: 'PAY' })) return steps;
  }

  let paused = 0;
  if (random.chance(SEED_SHAPE.supplementRequested)) {
    const requests = random.chance(SEED_SHAPE.secondSupplementOfRequested) ? 2 : 1;
    for (let i = 0; i < requests; i++) {
      const wait = random.int(240, 1800);
      if (!at(time.after(Math.max(now, time.after(receivedAt, 0.15 * legalMinutes)), 0.05 * legalMinutes), { kind: 'REQUEST_SUPPLEMENT' })) return steps;
      if (!at(time.after(now, wait), { kind: 'PROVIDE_SUPPLEMENT' })) return steps;
      paused += wait;
    }
  }
  const ending = random.next();
  if (ending < SEED_SHAPE.withdrawnInProcessing) return at(time.after(now, 0.3 * legalMinutes), { kind: 'WITHDRAW' }), steps;
  if (ending < SEED_SHAPE.withdrawnInProcessing + SEED_SHAPE.stopped) return at(time.after(now, 0.4 * legalMinutes), { kind: 'STOP' }), steps;

  const late = random.chance(SEED_SHAPE.late);
  const target = time.after(receivedAt, (late ? 1.3 * legalMinutes + 60 : random.between(0.35, 0.8) * legalMinutes) + paused);
  const agencies = Math.max(1, d.terms.agencies.length);
  const start = now;
  for (let k = 1; k < agencies; k++) if (!at(start + ((Math.max(target, start) - start) * k) / agencies, { kind: 'HAND_OFF' })) return steps;
  const outcome = random.chance(SEED_SHAPE.denied) ? 'DENIED' : 'APPROVED';
  if (!at(target, { kind: 'RESOLVE', outcome })) return steps;
  if (outcome === 'DENIED' || !d.terms.returnsDocument) return steps;

  if (!d.terms.eResultAllowed) {
    if (!at(later(now, 30, 240), { kind: 'ISSUE_PAPER_RESULT' }) || !at(now + random.int(5, 30) * MINUTE, { kind: 'SCAN_RESULT' })) return steps;
  }
  at(later(now, 60, 900), { kind: 'DELIVER' });
  return steps;
}
