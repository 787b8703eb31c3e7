import { newApplicant } from './applicants';
import { DemoCatalogue, ProcedureTerms, termsAt } from './demo-catalogue';
import type { PlannedApplicant, PlannedComponent, PlannedDossier } from './dossier-plan';
import { planLife } from './plan-life';
import { Random } from './random';
import { SimulatedTime, SIMULATION } from './simulated-time';
import { SEED_SHAPE, WORKLOAD_MIX } from './workload-mix';

export interface PlanOptions {
  /** 1 plans the seeds' 44,740 dossiers; 0.01 plans 447. */
  scale: number;
  seed: number;
}

interface Submission {
  at: number;
  unit: string;
  terms: ProcedureTerms;
  channel: PlannedDossier['channel'];
}

/** A repository document an earlier dossier filed for its applicant, usable from `filedBy` on. */
interface Returning {
  applicant: PlannedApplicant;
  filedBy: number;
}

const DAY = 86_400_000;

/**
 * Every dossier's life, planned before the run from the seed alone: the same catalogue, scale
 * and seed give the same plan. Dossiers come in submission order.
 */
export function planWorkload(catalogue: DemoCatalogue, options: PlanOptions, time = new SimulatedTime()): PlannedDossier[] {
  const random = new Random(options.seed);
  const count = Math.round(SEED_SHAPE.dossiers * options.scale);
  const days = time.workingDays(SIMULATION.firstDay, SIMULATION.lastDay);
  const submissions: Submission[] = [];
  for (let i = 0; i < count; i++) submissions.push(submission(catalogue, days, random, time));
  submissions.sort((a, b) => a.at - b.at);

  const returning: Returning[] = [];
  let applicants = 0;
  return submissions.map((s, index) => {
    const life = random.fork(index);
    const known = returning.length > 0 && life.chance(SEED_SHAPE.returningApplicant) ? life.pick(returning) : undefined;
    const earlier = known && known.filedBy < s.at ? known : undefined;
    const applicant = earlier?.applicant ?? newApplicant(life, ++applicants);
    const components = componentsOf(s, life, earlier !== undefined && life.chance(SEED_SHAPE.reuseWhenPossible));
    const steps = planLife({ submittedAt: s.at, channel: s.channel, terms: s.terms, components }, life, time);
    const received = steps.find((step) => step.act.kind === 'RECEIVE' || step.act.kind === 'REGISTER_AT_DESK');
    // Digitisation files the documents when it learns of the reception; a day later they are there.
    if (received && components.some((c) => c.form === 'UPLOAD' || c.form === 'PAPER_SCANNED')) returning.push({ applicant, filedBy: received.at + DAY });
    return { index, applicant, unit: s.unit, procedureCode: s.terms.code, channel: s.channel, components, steps };
  });
}

function submission(catalogue: DemoCatalogue, days: string[], random: Random, time: SimulatedTime): Submission {
  for (let attempt = 0; attempt < 100; attempt++) {
    const [unit, code] = random.weighted(WORKLOAD_MIX.map(([u, c, w]) => [[u, c] as const, w] as const));
    const at = time.inOfficeHours(random.pick(days), random.int(1, time.calendar.workingDayMinutes - 1));
    const terms = termsAt(catalogue, code, at);
    if (!terms || !terms.units.includes(unit)) continue;
    const online = terms.serviceLevel !== 'NONE' && random.chance(SEED_SHAPE.online / 0.995);
    // A desk registration is a reception: the desk is not planned inside a month's quiet zone.
    if (!online && time.inQuietZone(at)) continue;
    const channel = online ? 'ONLINE' : random.chance(SEED_SHAPE.postalOfCounter) ? 'POSTAL' : 'COUNTER';
    return { at, unit, terms, channel };
  }
  throw new Error('the catalogue read has none of the procedures the workload mix names in force');
}

function componentsOf(s: Submission, random: Random, reuse: boolean): PlannedComponent[] {
  const documents = s.terms.requiredDocuments.filter((d) => d.required || random.chance(0.5));
  const paper = s.channel !== 'ONLINE';
  const unscanned = paper && random.chance(SEED_SHAPE.unscannedOfCounter) ? random.int(0, documents.length - 1) : -1;
  return documents.map((d, i) => ({
    componentId: d.id,
    name: d.name,
    form: reuse && i === 0 ? 'REUSE' : !paper ? 'UPLOAD' : i === unscanned ? 'PAPER' : 'PAPER_SCANNED',
  }));
}
