import { WorkingCalendar } from '@motcua/calendar';
import type { Component } from '@motcua/contracts';
import type { Static } from '@sinclair/typebox';
import { ClockPause, ComponentFact, DueChange } from './dossier-facts';
import { dueSoonFrom } from '../indicators';
import { instant, withEntry } from './merge';

/** The due date set or moved at `changedAt`; the reminder instant is derived here, once. */
export function withDueChange(history: DueChange[], changedAt: string, dueAt: string, calendar: WorkingCalendar): DueChange[] {
  const key = (e: Pick<DueChange, 'changedAt' | 'dueAt'>) => `${e.changedAt}|${e.dueAt}`;
  const change = { changedAt: instant(changedAt), dueAt: instant(dueAt) };
  // The reminder instant costs a search over the calendar: only a change not yet known pays it.
  if (history.some((e) => key(e) === key(change))) return history;
  return withEntry(history, { ...change, dueSoonFrom: dueSoonFrom(new Date(dueAt), calendar).toISOString() }, key);
}

/** The reminder instants again by the dossier's own calendar, once its terms are known (a due change may be folded before its reception). */
export function retimedDueChanges(history: DueChange[], calendar: WorkingCalendar): DueChange[] {
  return history.map((e) => ({ ...e, dueSoonFrom: dueSoonFrom(new Date(e.dueAt), calendar).toISOString() }));
}

/** Intake's components; `overwrite` when intake's later word on them (reception, a supplement) replaces the submission's. */
export function recordComponents(components: ComponentFact[], incoming: Static<typeof Component>[], overwrite: boolean): ComponentFact[] {
  const byId = new Map(components.map((c) => [c.componentId, c]));
  for (const component of incoming) {
    const existing = byId.get(component.componentId) ?? { componentId: component.componentId, provenance: null, digitisedAt: null, reusedAt: null, reuseRefusedAt: null };
    byId.set(component.componentId, overwrite || existing.provenance === null ? { ...existing, provenance: component.provenance } : existing);
  }
  return [...byId.values()].sort((a, b) => (a.componentId < b.componentId ? -1 : 1));
}

export function recordPause(pauses: ClockPause[], reason: ClockPause['reason'], pausedAt: string): ClockPause[] {
  return withEntry(pauses, { reason, pausedAt: instant(pausedAt), resumedAt: null, workingMinutes: null }, (p) => `${p.pausedAt}|${p.reason}`);
}

/** Closes the latest open pause of that reason begun before the resumption; the same resumption again finds it closed. */
export function recordResume(pauses: ClockPause[], reason: ClockPause['reason'], resumedAt: string, workingMinutes: number): ClockPause[] {
  const at = instant(resumedAt);
  if (pauses.some((p) => p.reason === reason && p.resumedAt === at)) return pauses;
  const open = pauses.filter((p) => p.reason === reason && p.resumedAt === null && p.pausedAt <= at).pop();
  if (!open) return pauses;
  return pauses.map((p) => (p === open ? { ...p, resumedAt: at, workingMinutes } : p));
}
