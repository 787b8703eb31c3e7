import type { PlannedAct } from '../plan/dossier-plan';
import type { ActContext } from './act-context';
import { handOff, requestSupplement, resolve, stop } from './case-acts';
import { UnexpectedAnswer } from './demo-client';
import { answerReturn, provideSupplement, receive, registerAtDesk, reject, returnAtReception, scanComponents, submitOnline, withdraw } from './desk-acts';
import { pay } from './money-acts';
import { deliver, issuePaperResult, scanResult } from './result-acts';

/** One planned act, performed through the REST API of the service that owns it. */
export function perform(c: ActContext, act: PlannedAct): Promise<void> {
  switch (act.kind) {
    case 'SUBMIT':
      return submitOnline(c);
    case 'REGISTER_AT_DESK':
      return registerAtDesk(c);
    case 'RETURN_AT_RECEPTION':
      return returnAtReception(c);
    case 'ANSWER_RETURN':
      return answerReturn(c);
    case 'RECEIVE':
      return receive(c);
    case 'REJECT':
      return reject(c);
    case 'SCAN_COMPONENTS':
      return scanComponents(c);
    case 'PAY':
      return pay(c);
    case 'REQUEST_SUPPLEMENT':
      return requestSupplement(c);
    case 'PROVIDE_SUPPLEMENT':
      return provideSupplement(c);
    case 'HAND_OFF':
      return handOff(c);
    case 'WITHDRAW':
      return withdraw(c);
    case 'STOP':
      return stop(c);
    case 'RESOLVE':
      return resolve(c, act.outcome);
    case 'ISSUE_PAPER_RESULT':
      return issuePaperResult(c);
    case 'SCAN_RESULT':
      return scanResult(c);
    case 'DELIVER':
      return deliver(c);
    default: {
      const never: never = act;
      throw new Error(`unknown act ${JSON.stringify(never)}`);
    }
  }
}

/** Why a dossier's life stopped, without personal data: the route and status, or the error's kind. */
export function describeFailure(act: PlannedAct, error: unknown): string {
  if (error instanceof UnexpectedAnswer) return `${act.kind}: ${error.message}`;
  return `${act.kind}: ${error instanceof Error ? `${error.name} ${error.message.slice(0, 160)}` : 'error'}`;
}
