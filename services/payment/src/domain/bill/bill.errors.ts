import { DomainError } from '@motcua/platform/errors';

export class BillNotFoundError extends DomainError {
  constructor() {
    super('PAYMENT.BILL_NOT_FOUND', 'NOT_FOUND', 'No fees were assessed for this dossier (not received yet, or unknown)');
  }
}

/** A callback about a payment this service never requested. */
export class UnknownPaymentError extends DomainError {
  constructor() {
    super('PAYMENT.UNKNOWN_PAYMENT', 'NOT_FOUND', 'No payment request has this id');
  }
}

/** The money reported is not the money asked for: nothing is recorded. */
export class AmountMismatchError extends DomainError {
  constructor(code: 'PAYMENT.AMOUNT_MISMATCH' | 'PAYMENT.CURRENCY_MISMATCH' | 'PAYMENT.CHECKOUT_MISMATCH', field: string, message: string) {
    super(code, 'RULE', message, [{ field, message }]);
  }
}

export class BillStateError extends DomainError {
  constructor(code: 'PAYMENT.ALREADY_PAID' | 'PAYMENT.NOTHING_DUE' | 'PAYMENT.DOSSIER_CLOSED' | 'PAYMENT.CHECKOUT_RACE', message: string) {
    super(code, 'CONFLICT', message);
  }
}
