import { WorkingCalendar } from '@motcua/calendar';
import { assertNever } from '@motcua/platform/errors';
import { ComponentFact, DossierFacts } from './dossier-facts';
import { DossierEvent } from './dossier-event';
import { earliest, instant, latest, withEntry } from './merge';
import { recordComponents, recordPause, recordResume, withDueChange } from './dossier-facts.lists';

/**
 * One event's contribution to a dossier's facts. Each field has one owning topic (within a topic
 * the order is Kafka's): the code, unit, channel, portal and procedure terms are intake's, its
 * reception snapshot overwriting what the submission filled in. Instants from several events merge as the
 * earliest or latest; lists are sets kept in time order. Applying an event twice changes nothing.
 */
export function evolveFacts(facts: DossierFacts, event: DossierEvent, calendar: WorkingCalendar): DossierFacts {
  const next = { ...facts, lastEventAt: latest(facts.lastEventAt, event.time) };
  const fill = <K extends keyof DossierFacts>(key: K, value: DossierFacts[K]) => (next[key] === null ? value : next[key]);
  // `next` is this call's own copy: the changes go onto it rather than into a second copy of
  // every field (a batch folds tens of thousands of events). Each change is read in full first.
  const changed = (changes: Partial<DossierFacts>): DossierFacts => Object.assign(next, changes);
  switch (event.type) {
    case 'DossierSubmitted':
      return changed({
        ...{ code: event.data.code, unit: fill('unit', event.data.unit), channel: fill('channel', event.data.channel), portal: fill('portal', event.data.portal ?? null) },
        ...{ procedureCode: fill('procedureCode', event.data.procedureCode), procedureVersion: fill('procedureVersion', event.data.procedureVersion) },
        submittedAt: earliest(next.submittedAt, event.data.submittedAt),
        components: recordComponents(next.components, event.data.components, false),
      });
    case 'DossierReturnedForSupplement':
      return changed({ code: event.data.code, returnedAt: latest(next.returnedAt, event.data.returnedAt) });
    case 'DossierReceived': {
      const p = event.data.procedure;
      return changed({
        ...{ code: event.data.code, unit: event.data.unit, channel: event.data.channel, receivedAt: instant(event.data.receivedAt) },
        // Events written before portals were recorded carry none: they must not erase the submission's.
        portal: event.data.portal ?? next.portal,
        ...{ procedureCode: p.code, procedureVersion: p.version, procedureName: p.name, field: p.field, level: p.level, serviceLevel: p.serviceLevel },
        ...{ agencies: [...p.agencies], processingTimeValue: p.processingTime.value, processingTimeUnit: p.processingTime.unit },
        ...{ returnsDocument: p.returnsDocument, eResultAllowed: p.eResultAllowed, payFirst: p.payFirst, feeBearing: p.fees.some((fee) => fee.amount > 0) },
        components: recordComponents(next.components, event.data.components, true),
        dueHistory: withDueChange(next.dueHistory, event.data.receivedAt, event.data.dueAt, calendar),
      });
    }
    case 'DossierRejected':
      return changed({ code: event.data.code, rejectedAt: earliest(next.rejectedAt, event.data.rejectedAt) });
    case 'SupplementProvided':
      return changed({
        code: event.data.code,
        supplementsProvided: withEntry(next.supplementsProvided, { requestId: event.data.requestId ?? null, providedAt: instant(event.data.providedAt) }, (p) => `${p.providedAt}|${p.requestId ?? ''}`),
        components: recordComponents(next.components, event.data.components, true),
      });
    case 'DossierWithdrawn':
      return changed({ code: event.data.code, withdrawnAt: earliest(next.withdrawnAt, event.data.withdrawnAt) });
    case 'CaseAssigned': {
      const current = event.data.step >= next.currentStep ? { currentAgency: event.data.agency, currentStep: event.data.step } : {};
      const first = event.data.step === 1 ? { department: event.data.agency } : {};
      return changed({ ...current, ...first, caseAssignedAt: earliest(next.caseAssignedAt, event.data.assignedAt) });
    }
    case 'SupplementRequested': {
      const request = { requestId: event.data.requestId, sequence: event.data.sequence, requestedAt: instant(event.data.requestedAt), answeredAt: null };
      return changed({ supplementRequests: withEntry(next.supplementRequests, request, (r) => r.requestId, (r) => `${r.requestedAt}|${r.requestId}`) });
    }
    case 'ProcessingPaused':
      return changed({ pauses: recordPause(next.pauses, event.data.reason, event.data.pausedAt) });
    case 'ProcessingResumed':
      return changed({
        pauses: recordResume(next.pauses, event.data.reason, event.data.resumedAt, event.data.pausedWorkingMinutes),
        dueHistory: withDueChange(next.dueHistory, event.data.resumedAt, event.data.dueAt, calendar),
      });
    case 'DeadlineExtended':
      return changed({ dueHistory: withDueChange(next.dueHistory, event.data.extendedAt, event.data.dueAt, calendar) });
    case 'DossierDueSoon':
      return changed({ dueSoonAt: earliest(next.dueSoonAt, event.data.detectedAt) });
    case 'DossierOverdue':
      return changed({ overdueAt: earliest(next.overdueAt, event.data.detectedAt) });
    case 'ApologyIssued':
      return next.apologyIssuedAt !== null && next.apologyIssuedAt >= instant(event.data.issuedAt)
        ? next
        : changed({ apologyIssuedAt: instant(event.data.issuedAt), newAppointmentAt: instant(event.data.newAppointmentAt) });
    case 'DossierResolved':
      // Code, unit, channel, portal and terms are intake's alone: a copy from another topic would make the
      // row depend on which topic arrived first whenever two of them disagree.
      return changed({
        ...{ outcome: event.data.outcome, onTime: event.data.onTime, resolvedAt: instant(event.data.resolvedAt), pausedWorkingMinutesAtResolution: event.data.pausedWorkingMinutes },
      });
    case 'ProcessingStopped':
      return changed({ stoppedAt: earliest(next.stoppedAt, event.data.stoppedAt) });
    case 'FeeAssessed':
      return changed({ feeAssessed: event.data.total, feeExempt: event.data.exempt });
    case 'PaymentSucceeded':
      return changed({
        paidAt: earliest(next.paidAt, event.data.paidAt),
        paidOnline: next.paidOnline || event.data.method === 'ONLINE',
        paidInCash: next.paidInCash || event.data.method === 'CASH',
      });
    case 'PaymentRefunded':
      return changed({ refundedAt: earliest(next.refundedAt, event.data.refundedAt) });
    case 'ComponentDigitised':
      return changed({ components: touchComponent(next.components, event.data.componentId, (c) => ({ ...c, digitisedAt: earliest(c.digitisedAt, event.data.digitisedAt) })) });
    case 'DossierDigitised':
      return changed({ digitisedAt: earliest(next.digitisedAt, event.data.digitisedAt) });
    case 'DocumentReused':
      return changed({ components: touchComponent(next.components, event.data.componentId, (c) => ({ ...c, reusedAt: earliest(c.reusedAt, event.data.reusedAt) })) });
    case 'ReuseRefused':
      return changed({ components: touchComponent(next.components, event.data.componentId, (c) => ({ ...c, reuseRefusedAt: earliest(c.reuseRefusedAt, event.data.refusedAt) })) });
    case 'ResultDigitised':
      return changed({ resultDigitisedAt: earliest(next.resultDigitisedAt, event.data.digitisedAt) });
    case 'ResultIssued':
      return changed({ resultIssuedAt: earliest(next.resultIssuedAt, event.data.issuedAt), resultForm: event.data.result.form });
    case 'ResultDelivered':
      return changed({ deliveredAt: earliest(next.deliveredAt, event.data.deliveredAt) });
    case 'DossierCompleted':
      return changed({ completedAt: earliest(next.completedAt, event.data.completedAt) });
    case 'CaseHandedOff':
    case 'PaymentRequested':
    case 'PaymentFailed':
    case 'PaymentExpired':
    case 'PaymentOverdue':
      return next;
    default:
      return assertNever(event);
  }
}

function touchComponent(components: ComponentFact[], componentId: string, change: (component: ComponentFact) => ComponentFact): ComponentFact[] {
  const existing = components.find((c) => c.componentId === componentId) ?? { componentId, provenance: null, digitisedAt: null, reusedAt: null, reuseRefusedAt: null };
  return [...components.filter((c) => c.componentId !== componentId), change(existing)].sort((a, b) => (a.componentId < b.componentId ? -1 : 1));
}

