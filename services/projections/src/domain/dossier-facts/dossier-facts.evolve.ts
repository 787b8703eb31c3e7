import { calendarFor, termsKey } from '@motcua/calendar';
import { assertNever } from '@motcua/platform/errors';
import { ComponentFact, DossierFacts } from './dossier-facts';
import { DossierEvent } from './dossier-event';
import { earliest, instant, latest, withEntry } from './merge';
import { recordComponents, recordPause, recordResume, retimedDueChanges, withDueChange } from './dossier-facts.lists';

/**
 * One event's contribution to a dossier's facts: the fields it sets, read from the facts before
 * it. Each field has one owning topic (within a topic the order is Kafka's): the code, unit,
 * channel, portal, procedure and calendar terms are intake's, its reception snapshot overwriting
 * what the submission filled in. Working time is counted by the dossier's own calendar terms.
 * Instants from several events merge as the earliest or latest; lists are sets kept in time
 * order. Applying an event twice changes nothing.
 */
export function changesOf(facts: DossierFacts, event: DossierEvent): Partial<DossierFacts> {
  const lastEventAt = latest(facts.lastEventAt, event.time);
  const fill = <K extends keyof DossierFacts>(key: K, value: DossierFacts[K]) => (facts[key] === null ? value : facts[key]);
  // The fold applies the changes onto a copy of its own (a batch folds tens of thousands of
  // events): only the fields an event sets are built per event, never the whole row.
  const changed = (changes: Partial<DossierFacts>): Partial<DossierFacts> => {
    changes.lastEventAt = lastEventAt;
    return changes;
  };
  switch (event.type) {
    case 'DossierSubmitted':
      return changed({
        code: event.data.code, unit: fill('unit', event.data.unit), channel: fill('channel', event.data.channel), portal: fill('portal', event.data.portal ?? null),
        procedureCode: fill('procedureCode', event.data.procedureCode), procedureVersion: fill('procedureVersion', event.data.procedureVersion),
        submittedAt: earliest(facts.submittedAt, event.data.submittedAt),
        components: recordComponents(facts.components, event.data.components, false),
      });
    case 'DossierReturnedForSupplement':
      return changed({ code: event.data.code, returnedAt: latest(facts.returnedAt, event.data.returnedAt) });
    case 'DossierReceived': {
      const p = event.data.procedure;
      const calendarTerms = event.data.calendar ?? null;
      const calendar = calendarFor(calendarTerms);
      // Processing's topic may bring due changes before intake's reception: they were timed by the
      // calendar then known (the defaults), and are timed again by the dossier's own.
      const dueHistory = termsKey(calendarTerms) === termsKey(facts.calendarTerms) ? facts.dueHistory : retimedDueChanges(facts.dueHistory, calendar);
      return changed({
        calendarTerms,
        code: event.data.code, unit: event.data.unit, channel: event.data.channel, receivedAt: instant(event.data.receivedAt),
        // Events written before portals were recorded carry none: they must not erase the submission's.
        portal: event.data.portal ?? facts.portal,
        procedureCode: p.code, procedureVersion: p.version, procedureName: p.name, field: p.field, level: p.level, serviceLevel: p.serviceLevel,
        agencies: [...p.agencies], processingTimeValue: p.processingTime.value, processingTimeUnit: p.processingTime.unit,
        returnsDocument: p.returnsDocument, eResultAllowed: p.eResultAllowed, payFirst: p.payFirst, feeBearing: p.fees.some((fee) => fee.amount > 0),
        components: recordComponents(facts.components, event.data.components, true),
        dueHistory: withDueChange(dueHistory, event.data.receivedAt, event.data.dueAt, calendar),
      });
    }
    case 'DossierRejected':
      return changed({ code: event.data.code, rejectedAt: earliest(facts.rejectedAt, event.data.rejectedAt) });
    case 'SupplementProvided':
      return changed({
        code: event.data.code,
        supplementsProvided: withEntry(facts.supplementsProvided, { requestId: event.data.requestId ?? null, providedAt: instant(event.data.providedAt) }, (p) => `${p.providedAt}|${p.requestId ?? ''}`),
        components: recordComponents(facts.components, event.data.components, true),
      });
    case 'DossierWithdrawn':
      return changed({ code: event.data.code, withdrawnAt: earliest(facts.withdrawnAt, event.data.withdrawnAt) });
    case 'CaseAssigned': {
      const current = event.data.step >= facts.currentStep ? { currentAgency: event.data.agency, currentStep: event.data.step } : {};
      const first = event.data.step === 1 ? { department: event.data.agency } : {};
      return changed({ ...current, ...first, caseAssignedAt: earliest(facts.caseAssignedAt, event.data.assignedAt) });
    }
    case 'SupplementRequested': {
      const request = { requestId: event.data.requestId, sequence: event.data.sequence, requestedAt: instant(event.data.requestedAt), answeredAt: null };
      return changed({ supplementRequests: withEntry(facts.supplementRequests, request, (r) => r.requestId, (r) => `${r.requestedAt}|${r.requestId}`) });
    }
    case 'ProcessingPaused':
      return changed({ pauses: recordPause(facts.pauses, event.data.reason, event.data.pausedAt) });
    case 'ProcessingResumed':
      return changed({
        pauses: recordResume(facts.pauses, event.data.reason, event.data.resumedAt, event.data.pausedWorkingMinutes),
        dueHistory: withDueChange(facts.dueHistory, event.data.resumedAt, event.data.dueAt, calendarFor(facts.calendarTerms)),
      });
    case 'DeadlineExtended':
      return changed({ dueHistory: withDueChange(facts.dueHistory, event.data.extendedAt, event.data.dueAt, calendarFor(facts.calendarTerms)) });
    case 'DossierDueSoon':
      return changed({ dueSoonAt: earliest(facts.dueSoonAt, event.data.detectedAt) });
    case 'DossierOverdue':
      return changed({ overdueAt: earliest(facts.overdueAt, event.data.detectedAt) });
    case 'ApologyIssued':
      return facts.apologyIssuedAt !== null && facts.apologyIssuedAt >= instant(event.data.issuedAt)
        ? { lastEventAt }
        : changed({ apologyIssuedAt: instant(event.data.issuedAt), newAppointmentAt: instant(event.data.newAppointmentAt) });
    case 'DossierResolved':
      // Code, unit, channel, portal and terms are intake's alone: a copy from another topic would make the
      // row depend on which topic arrived first whenever two of them disagree.
      return changed({
        outcome: event.data.outcome, onTime: event.data.onTime, resolvedAt: instant(event.data.resolvedAt), pausedWorkingMinutesAtResolution: event.data.pausedWorkingMinutes,
      });
    case 'ProcessingStopped':
      return changed({ stoppedAt: earliest(facts.stoppedAt, event.data.stoppedAt) });
    case 'FeeAssessed':
      return changed({ feeAssessed: event.data.total, feeExempt: event.data.exempt });
    case 'PaymentSucceeded':
      return changed({
        paidAt: earliest(facts.paidAt, event.data.paidAt),
        paidOnline: facts.paidOnline || event.data.method === 'ONLINE',
        paidInCash: facts.paidInCash || event.data.method === 'CASH',
      });
    case 'PaymentRefunded':
      return changed({ refundedAt: earliest(facts.refundedAt, event.data.refundedAt) });
    case 'ComponentDigitised':
      return changed({ components: touchComponent(facts.components, event.data.componentId, (c) => ({ ...c, digitisedAt: earliest(c.digitisedAt, event.data.digitisedAt) })) });
    case 'DossierDigitised':
      return changed({ digitisedAt: earliest(facts.digitisedAt, event.data.digitisedAt) });
    case 'DocumentReused':
      return changed({ components: touchComponent(facts.components, event.data.componentId, (c) => ({ ...c, reusedAt: earliest(c.reusedAt, event.data.reusedAt) })) });
    case 'ReuseRefused':
      return changed({ components: touchComponent(facts.components, event.data.componentId, (c) => ({ ...c, reuseRefusedAt: earliest(c.reuseRefusedAt, event.data.refusedAt) })) });
    case 'ResultDigitised':
      return changed({ resultDigitisedAt: earliest(facts.resultDigitisedAt, event.data.digitisedAt) });
    case 'ResultIssued':
      return changed({ resultIssuedAt: earliest(facts.resultIssuedAt, event.data.issuedAt), resultForm: event.data.result.form });
    case 'ResultDelivered':
      return changed({ deliveredAt: earliest(facts.deliveredAt, event.data.deliveredAt) });
    case 'DossierCompleted':
      return changed({ completedAt: earliest(facts.completedAt, event.data.completedAt) });
    // The unit at reception stays the dossier's; its successor today comes from the catalogue.
    case 'DossierTransferred':
    case 'CaseHandedOff':
    case 'PaymentRequested':
    case 'PaymentFailed':
    case 'PaymentExpired':
    case 'PaymentOverdue':
      return { lastEventAt };
    default:
      return assertNever(event);
  }
}

function touchComponent(components: ComponentFact[], componentId: string, change: (component: ComponentFact) => ComponentFact): ComponentFact[] {
  const existing = components.find((c) => c.componentId === componentId) ?? { componentId, provenance: null, digitisedAt: null, reusedAt: null, reuseRefusedAt: null };
  return [...components.filter((c) => c.componentId !== componentId), change(existing)].sort((a, b) => (a.componentId < b.componentId ? -1 : 1));
}

