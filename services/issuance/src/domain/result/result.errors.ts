import { DomainError } from '@motcua/platform/errors';

export class ResultNotFoundError extends DomainError {
  constructor() {
    super('RESULT.NOT_FOUND', 'NOT_FOUND', 'No resolution is known for this dossier');
  }
}

export class ResultStateError extends DomainError {
  constructor(code: string, message: string) {
    super(code, 'CONFLICT', message);
  }
}

export const notIssued = () => new ResultStateError('RESULT.NOT_ISSUED', 'The result has not been issued yet');
export const alreadyIssued = () => new ResultStateError('RESULT.ALREADY_ISSUED', 'The result was already issued');
export const alreadyDelivered = () => new ResultStateError('RESULT.ALREADY_DELIVERED', 'The result was already delivered and the dossier completed');
