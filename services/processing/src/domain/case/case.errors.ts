import { DomainError } from '@motcua/platform/errors';

export class CaseNotFoundError extends DomainError {
  constructor() {
    super('CASE.NOT_FOUND', 'NOT_FOUND', 'No handling case exists for this dossier');
  }
}

export class CaseFinishedError extends DomainError {
  constructor(status: string) {
    super('CASE.FINISHED', 'CONFLICT', `The case is ${status.toLowerCase()} and takes no more changes`);
  }
}

export class CaseStateError extends DomainError {
  constructor(code: string, message: string) {
    super(code, 'CONFLICT', message);
  }
}

export class ExtensionTooLateError extends DomainError {
  constructor() {
    super('CASE.EXTENSION_AFTER_DUE_DATE', 'RULE', 'Only an extension approved before the due date moves it');
  }
}

/** A 422 that names the request field, since the officer fixes it by attaching the document. */
export class ResultDocumentRequiredError extends DomainError {
  constructor(outcome: 'APPROVED' | 'DENIED') {
    const message =
      outcome === 'DENIED' ? 'A denial needs the written notice stating its reasons among the result documents' : 'This procedure returns a document: an approval needs at least one result document';
    super('CASE.RESULT_DOCUMENT_REQUIRED', 'RULE', message, [{ field: 'resultDocuments', message }]);
  }
}

/** Stopping for non-payment needs the applicant to have been told first: a request expired unpaid. */
export class PaymentNotOverdueError extends DomainError {
  constructor() {
    super('CASE.PAYMENT_NOT_OVERDUE', 'RULE', 'Processing can be stopped for non-payment only while the case waits for a payment whose request expired unpaid');
  }
}
