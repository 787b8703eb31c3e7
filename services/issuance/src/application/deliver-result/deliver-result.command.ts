import type { Principal } from '@motcua/platform';
import type { DeliveryMethod } from '../../domain/result/result.commands';

/** The result reached the applicant: downloaded from a portal, handed over, or posted. */
export class DeliverResult {
  constructor(
    readonly dossierId: string,
    readonly caller: Principal,
    readonly method: DeliveryMethod,
    /** A retry with the same key gets the first answer instead of 409 RESULT.ALREADY_DELIVERED. */
    readonly idempotencyKey?: string,
  ) {}
}

export interface Delivery {
  dossierId: string;
  method: DeliveryMethod;
  deliveredAt: string;
  completed: true;
}
