import type { Principal } from '@motcua/platform';
import type { DeliveryMethod } from '../../domain/result/result.commands';

/** The result reached the applicant: downloaded from a portal, handed over, or posted. */
export class DeliverResult {
  constructor(
    readonly dossierId: string,
    readonly caller: Principal,
    readonly method: DeliveryMethod,
  ) {}
}

export interface Delivery {
  dossierId: string;
  method: DeliveryMethod;
  deliveredAt: string;
  completed: true;
}
