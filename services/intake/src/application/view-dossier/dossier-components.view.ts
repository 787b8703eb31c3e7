import type { DossierState, Supplement } from '../../domain/dossier/dossier.state';

type Component = DossierState['components'][number];

/** Where a component came from: the submission, or the supplement that brought it. */
export type BroughtBy = { kind: 'SUBMISSION' } | ({ kind: 'SUPPLEMENT' } & Omit<Supplement, 'components'>);

/** `current: false` when a later supplement replaced it (same component id): the desk still shows what it took. */
export type ComponentView = Component & { broughtBy: BroughtBy; current: boolean };

export type SupplementView = Omit<Supplement, 'components'> & { componentIds: string[] };

/** Every component the desk took, in the order it took them, with its provenance and who brought it. */
export function componentsView(state: DossierState): ComponentView[] {
  const submitted = (state.submitted?.components ?? []).map((component) => ({ component, broughtBy: { kind: 'SUBMISSION' } as BroughtBy }));
  const supplemented = state.supplements.flatMap(({ components, ...supplement }) =>
    components.map((component) => ({ component, broughtBy: { kind: 'SUPPLEMENT', ...supplement } as BroughtBy })),
  );
  const all = [...submitted, ...supplemented];
  return all.map(({ component, broughtBy }, i) => ({
    ...component,
    broughtBy,
    current: !all.slice(i + 1).some((later) => later.component.componentId === component.componentId),
  }));
}

export function supplementsView(state: DossierState): SupplementView[] {
  return state.supplements.map(({ components, ...supplement }) => ({ ...supplement, componentIds: components.map((c) => c.componentId) }));
}
