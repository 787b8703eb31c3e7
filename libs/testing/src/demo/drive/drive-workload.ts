import type { DemoCatalogue } from '../plan/demo-catalogue';
import type { PlannedDossier } from '../plan/dossier-plan';
import type { ActContext } from './act-context';
import type { DemoClient } from './demo-client';
import { DrivenDossier, drivenFrom } from './driven-dossier';
import { describeFailure, perform } from './dossier-driver';
import { untilSimulated } from './pacing';
import { showProgress } from './progress';

export interface DriveOptions {
  speed: number;
  log: (line: string) => void;
}

/**
 * Every planned dossier's life, each act performed when the stack's simulated clock reaches its
 * instant (the client bounds the requests in flight). A dossier whose act meets an unexpected
 * answer stops there; the others go on.
 */
export async function driveWorkload(client: DemoClient, catalogue: DemoCatalogue, plan: readonly PlannedDossier[], options: DriveOptions): Promise<DrivenDossier[]> {
  const clock = client.stack.clock;
  const dossiers = plan.map(drivenFrom);
  const stopProgress = showProgress(clock, client, dossiers, options.log);
  try {
    await Promise.all(dossiers.map((d) => live(d, { client, catalogue, d }, options.speed)));
  } finally {
    stopProgress();
  }
  return dossiers;
}

async function live(d: DrivenDossier, context: ActContext, speed: number): Promise<void> {
  const clock = context.client.stack.clock;
  for (const step of d.plan.steps) {
    await untilSimulated(clock, speed, step.at);
    d.actDue = step.at;
    try {
      await perform(context, step.act);
      d.performed++;
      d.behindMs = Math.max(d.behindMs, clock.now().getTime() - step.at);
    } catch (error) {
      d.failure = describeFailure(step.act, error);
      break;
    } finally {
      d.actDue = undefined;
    }
  }
  d.finished = true;
}
