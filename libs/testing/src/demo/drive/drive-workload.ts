import type { DemoCatalogue } from '../plan/demo-catalogue';
import type { PlannedDossier } from '../plan/dossier-plan';
import type { ActContext } from './act-context';
import type { DemoClient } from './demo-client';
import { DrivenDossier, drivenFrom } from './driven-dossier';
import { describeFailure, perform } from './dossier-driver';
import { Slots, untilSimulated } from './pacing';
import { showProgress } from './progress';

export interface DriveOptions {
  speed: number;
  /** Acts in flight at once. */
  concurrency: number;
  log: (line: string) => void;
}

/**
 * Every planned dossier's life, each act performed when the stack's simulated clock reaches its
 * instant, at most `concurrency` at once (the most overdue first). A dossier whose act meets an
 * unexpected answer stops there; the others go on.
 */
export async function driveWorkload(client: DemoClient, catalogue: DemoCatalogue, plan: readonly PlannedDossier[], options: DriveOptions): Promise<DrivenDossier[]> {
  const clock = client.stack.clock;
  const dossiers = plan.map(drivenFrom);
  const slots = new Slots(options.concurrency);
  const stopProgress = showProgress(clock, client, dossiers, slots, options.log);
  try {
    await Promise.all(dossiers.map((d) => live(d, { client, catalogue, d }, slots, options.speed)));
  } finally {
    stopProgress();
  }
  return dossiers;
}

async function live(d: DrivenDossier, context: ActContext, slots: Slots, speed: number): Promise<void> {
  const clock = context.client.stack.clock;
  for (const step of d.plan.steps) {
    await untilSimulated(clock, speed, step.at);
    try {
      await slots.run(step.at, () => perform(context, step.act));
      d.performed++;
    } catch (error) {
      d.failure = describeFailure(step.act, error);
      break;
    }
  }
  d.finished = true;
}
