import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CLOCK } from '@motcua/platform';
import type { Clock, Principal } from '@motcua/platform';
import { ComponentState, inElectronicForm, ResultState } from '../../domain/dossier/dossier-digitisation.state';
import { DossierDigitisations } from '../dossier-digitisations';
import { assertOfficerOfDossier } from '../officers';

/** Where a dossier's digitisation stands, component by component, as its events say. */
export class ViewDigitisation {
  constructor(
    readonly dossierId: string,
    readonly caller: Principal,
  ) {}
}

export interface DigitisationView {
  dossierId: string;
  code: string;
  unit: string;
  digitised: boolean;
  digitisedAt?: string;
  closedAt?: string;
  components: (ComponentState & { electronic: boolean })[];
  result?: ResultState;
}

@QueryHandler(ViewDigitisation)
export class ViewDigitisationHandler implements IQueryHandler<ViewDigitisation, DigitisationView> {
  constructor(
    private readonly dossiers: DossierDigitisations,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ dossierId, caller }: ViewDigitisation): Promise<DigitisationView> {
    const state = await this.dossiers.load(dossierId);
    assertOfficerOfDossier(caller, state, this.clock.now());
    const dossier = state.dossier as NonNullable<typeof state.dossier>;
    return {
      dossierId,
      code: dossier.code,
      unit: dossier.unit,
      digitised: state.digitised,
      ...(state.digitisedAt ? { digitisedAt: state.digitisedAt } : {}),
      ...(state.closedAt ? { closedAt: state.closedAt } : {}),
      components: state.components.map((c) => ({ ...c, electronic: inElectronicForm(c) })),
      ...(state.result ? { result: state.result } : {}),
    };
  }
}
