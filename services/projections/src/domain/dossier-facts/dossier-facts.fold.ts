import { DossierFacts, emptyFacts } from './dossier-facts';
import { DerivedFacts, deriveFacts } from './dossier-facts.derive';
import { DossierEvent } from './dossier-event';
import { changesOf } from './dossier-facts.evolve';

export type ProjectedFacts = DossierFacts & DerivedFacts;

/**
 * Folds events into what was known of the dossier (or nothing), then derives the rest. The known
 * facts are copied once and every event's changes go onto that copy, so neither the caller's
 * facts nor any earlier state is changed: a fold stays a function of its arguments.
 */
export function foldFacts(known: DossierFacts | undefined, dossierId: string, events: DossierEvent[]): ProjectedFacts {
  const facts: DossierFacts = { ...(known ?? emptyFacts(dossierId)) };
  for (const event of events) Object.assign(facts, changesOf(facts, event));
  return Object.assign(facts, deriveFacts(facts));
}
