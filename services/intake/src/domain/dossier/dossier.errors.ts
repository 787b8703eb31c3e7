import { DomainError } from '@motcua/platform/errors';
import type { DossierStatus } from './dossier.state';

export class DossierNotFoundError extends DomainError {
  constructor() {
    super('DOSSIER.NOT_FOUND', 'NOT_FOUND', 'No dossier has this id');
  }
}

export class DossierAlreadyExistsError extends DomainError {
  constructor() {
    super('DOSSIER.ALREADY_EXISTS', 'CONFLICT', 'A dossier with this id already exists');
  }
}

export class DossierAlreadyReceivedError extends DomainError {
  constructor() {
    super('DOSSIER.ALREADY_RECEIVED', 'CONFLICT', 'The dossier has already been received');
  }
}

export class DossierClosedError extends DomainError {
  constructor(status: DossierStatus) {
    super('DOSSIER.CLOSED', 'CONFLICT', `The dossier is ${status.toLowerCase()} and takes no more changes`);
  }
}

/** A transition the dossier's life does not allow from where it stands. */
export class IllegalTransitionError extends DomainError {
  constructor(command: string, status: DossierStatus) {
    super('DOSSIER.ILLEGAL_TRANSITION', 'CONFLICT', `${command} is not possible while the dossier is ${status.toLowerCase()}`);
  }
}

/** After reception the desk takes documents only when a department has asked for them. */
export class NoSupplementAwaitedError extends DomainError {
  constructor() {
    super('DOSSIER.NO_SUPPLEMENT_AWAITED', 'CONFLICT', 'No supplement has been requested for this dossier');
  }
}
