import { WorkingCalendar } from '@motcua/calendar';
import { DossierFacts, emptyFacts } from './dossier-facts';
import { DerivedFacts, deriveFacts } from './dossier-facts.derive';
import { DossierEvent } from './dossier-event';
import { evolveFacts } from './dossier-facts.evolve';

export type ProjectedFacts = DossierFacts & DerivedFacts;

/** Folds events into what was known of the dossier (or nothing), then derives the rest. */
export function foldFacts(known: DossierFacts | undefined, dossierId: string, events: DossierEvent[], calendar: WorkingCalendar): ProjectedFacts {
  const facts = events.reduce((state, event) => evolveFacts(state, event, calendar), known ?? emptyFacts(dossierId));
  return { ...facts, ...deriveFacts(facts, calendar) };
}
