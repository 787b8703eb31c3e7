import { assertNever } from '@motcua/platform/errors';
import type { CatalogueEvent, CatalogueEventOf } from './catalogue.events';
import { EffectiveBeforePreviousError, ProcedureRetiredError, ProcedureUnknownError, VersionGapError } from './catalogue.errors';
import type { ProcedureVersion } from './procedure';

/** What an administrator defines; the catalogue numbers the versions. */
export type ProcedureDefinition = Omit<ProcedureVersion, 'version' | 'retiredAt'>;

export type ProcedureCommand =
  /** `version` (seed data): define exactly that version, or nothing when it is already there. */
  | { type: 'DefineVersion'; definition: ProcedureDefinition; version?: number }
  | { type: 'Retire'; code: string; retiredAt: string };

export interface ProcedureState {
  latest?: ProcedureVersion;
  retiredAt?: string;
}

type ProcedureEvent = CatalogueEventOf<'ProcedureVersionDefined'> | CatalogueEventOf<'ProcedureRetired'>;

export const initialProcedureState: ProcedureState = {};

export function evolveProcedure(state: ProcedureState, event: CatalogueEvent): ProcedureState {
  switch (event.type) {
    case 'ProcedureVersionDefined':
      return { ...state, latest: event.data };
    case 'ProcedureRetired':
      return { ...state, retiredAt: event.data.retiredAt };
    case 'AdministrativeUnitRegistered':
    case 'AdministrativeUnitChanged':
      return state;
    default:
      return assertNever(event);
  }
}

/** One procedure's versions: numbered in order, each taking effect no earlier than the last; retired once. */
export function decideProcedure(command: ProcedureCommand, state: ProcedureState): ProcedureEvent[] {
  switch (command.type) {
    case 'DefineVersion': {
      const { definition } = command;
      const next = (state.latest?.version ?? 0) + 1;
      if (command.version !== undefined && command.version < next) return [];
      if (command.version !== undefined && command.version > next) throw new VersionGapError(definition.code, command.version, next);
      if (state.retiredAt) throw new ProcedureRetiredError(definition.code, state.retiredAt);
      if (state.latest && Date.parse(definition.effectiveFrom) < Date.parse(state.latest.effectiveFrom)) throw new EffectiveBeforePreviousError(state.latest);
      return [{ type: 'ProcedureVersionDefined', data: { ...definition, version: next } }];
    }
    case 'Retire':
      if (!state.latest) throw new ProcedureUnknownError(command.code);
      if (state.retiredAt) throw new ProcedureRetiredError(command.code, state.retiredAt);
      return [{ type: 'ProcedureRetired', data: { code: command.code, version: state.latest.version, retiredAt: command.retiredAt } }];
    default:
      return assertNever(command);
  }
}

export const procedureDecider = { initialState: initialProcedureState, evolve: evolveProcedure, decide: decideProcedure };

