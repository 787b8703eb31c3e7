import { DomainError } from '@motcua/platform/errors';

export class DossierNotKnownError extends DomainError {
  constructor() {
    super('DIGITISATION.DOSSIER_NOT_FOUND', 'NOT_FOUND', 'No received dossier has this id');
  }
}

export class ComponentNotFoundError extends DomainError {
  constructor() {
    super('DIGITISATION.COMPONENT_NOT_FOUND', 'NOT_FOUND', 'The dossier has no component with this id');
  }
}

export class NotPaperError extends DomainError {
  constructor(status: string) {
    super('DIGITISATION.NOT_PAPER', 'CONFLICT', `Only a paper component awaiting its scan can be scanned; this one is ${status.toLowerCase().replace(/_/g, ' ')}`);
  }
}

export class AlreadyScannedError extends DomainError {
  constructor(what: 'component' | 'result') {
    super(
      what === 'component' ? 'DIGITISATION.ALREADY_SCANNED' : 'DIGITISATION.RESULT_ALREADY_SCANNED',
      'CONFLICT',
      `The ${what} was already scanned with other content`,
    );
  }
}

export class DossierClosedError extends DomainError {
  constructor() {
    super('DIGITISATION.DOSSIER_CLOSED', 'CONFLICT', 'The dossier was withdrawn: its scanning tasks are closed');
  }
}

export class NoPaperResultError extends DomainError {
  constructor() {
    super('DIGITISATION.NO_PAPER_RESULT', 'CONFLICT', 'No paper result has been issued for this dossier');
  }
}
