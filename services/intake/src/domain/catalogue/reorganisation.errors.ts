import { DomainError, FieldError } from '@motcua/platform/errors';

export class ReorganisationRefusedError extends DomainError {
  constructor(problems: FieldError[]) {
    super('REORGANISATION.REFUSED', 'RULE', 'The reorganisation cannot be recorded as given', problems);
  }
}

export class ReorganisationAlreadyRecordedError extends DomainError {
  constructor(id: string) {
    super('REORGANISATION.ALREADY_RECORDED', 'CONFLICT', `Reorganisation ${id} is already recorded`);
  }
}

export class ReorganisationNotFoundError extends DomainError {
  constructor(id: string) {
    super('REORGANISATION.NOT_FOUND', 'NOT_FOUND', `No reorganisation ${id} is recorded`);
  }
}

/** A submission names a unit that a reorganisation merged into another: the applicant is told where to go. */
export class UnitSucceededError extends DomainError {
  constructor(unit: string, successor: string, since: string) {
    super('UNIT.SUCCEEDED', 'RULE', `Unit ${unit} was merged into ${successor} on ${since}: submit to ${successor}`, [
      { field: 'unit', message: `unit ${unit} was merged into ${successor}` },
    ]);
  }
}
