import { DomainError, FieldError } from '@motcua/platform/errors';

export class ProcedureUnknownError extends DomainError {
  constructor(code: string) {
    super('CATALOGUE.PROCEDURE_NOT_FOUND', 'NOT_FOUND', `The catalogue has no procedure ${code}`);
  }
}

/** A retired procedure takes no new versions and cannot be retired twice. */
export class ProcedureRetiredError extends DomainError {
  constructor(code: string, retiredAt: string) {
    super('CATALOGUE.PROCEDURE_RETIRED', 'CONFLICT', `Procedure ${code} was retired at ${retiredAt}`);
  }
}

/** A later version that took effect earlier would never let the one it follows be in force. */
export class EffectiveBeforePreviousError extends DomainError {
  constructor(previous: { version: number; effectiveFrom: string }) {
    super('CATALOGUE.EFFECTIVE_BEFORE_PREVIOUS', 'RULE', `A new version cannot take effect before version ${previous.version} (${previous.effectiveFrom})`, [
      { field: 'effectiveFrom', message: `must not be before ${previous.effectiveFrom}, when version ${previous.version} takes effect` },
    ]);
  }
}

/** Seed data names its versions; one that skips a number is a mistake in the seed. */
export class VersionGapError extends DomainError {
  constructor(code: string, wanted: number, next: number) {
    super('CATALOGUE.VERSION_GAP', 'CONFLICT', `Procedure ${code} is at version ${next - 1}; version ${wanted} cannot come next`);
  }
}

export class UnitAlreadyRegisteredError extends DomainError {
  constructor(code: string) {
    super('CATALOGUE.UNIT_ALREADY_REGISTERED', 'CONFLICT', `Unit ${code} is already registered`);
  }
}

/** Agencies, receiving units and parents must be units the catalogue knows. */
export class UnknownUnitsError extends DomainError {
  constructor(problems: FieldError[]) {
    super('CATALOGUE.UNKNOWN_UNIT', 'RULE', 'The definition names units that are not registered or no longer exist', problems);
  }
}

export class UnitNotFoundError extends DomainError {
  constructor(code: string) {
    super('CATALOGUE.UNIT_NOT_FOUND', 'NOT_FOUND', `No unit ${code} is registered`);
  }
}
