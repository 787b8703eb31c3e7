import type { AdministrativeUnit } from './administrative-unit';
import type { CatalogueEvent, CatalogueEventOf } from './catalogue.events';
import { UnitAlreadyRegisteredError, UnitNotFoundError } from './catalogue.errors';

/** `ifAbsent` (seed data): registering a unit that is already there is no change, not a conflict. */
export type UnitCommand = { type: 'Register'; unit: AdministrativeUnit; ifAbsent?: boolean } | { type: 'Change'; unit: AdministrativeUnit };

export interface UnitState {
  registered?: AdministrativeUnit;
}

export const initialUnitState: UnitState = {};

export function evolveUnit(state: UnitState, event: CatalogueEvent): UnitState {
  return event.type === 'AdministrativeUnitRegistered' || event.type === 'AdministrativeUnitChanged' ? { registered: event.data } : state;
}

/** A unit is registered once; a merger registers the new unit naming those it succeeds. */
export function decideUnit(command: UnitCommand, state: UnitState): CatalogueEventOf<'AdministrativeUnitRegistered' | 'AdministrativeUnitChanged'>[] {
  if (command.type === 'Change') {
    if (!state.registered) throw new UnitNotFoundError(command.unit.code);
    return [{ type: 'AdministrativeUnitChanged', data: command.unit }];
  }
  if (state.registered) {
    if (command.ifAbsent) return [];
    throw new UnitAlreadyRegisteredError(command.unit.code);
  }
  return [{ type: 'AdministrativeUnitRegistered', data: command.unit }];
}

export const unitDecider = { initialState: initialUnitState, evolve: evolveUnit, decide: decideUnit };
