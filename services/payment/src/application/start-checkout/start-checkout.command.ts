import type { Principal } from '@motcua/platform';

/** A portal starts (or resumes) the applicant's online payment of a dossier's fees. */
export class StartCheckout {
  constructor(
    readonly dossierId: string,
    /** The portal that submitted the dossier; any other is answered as if there were no bill. */
    readonly portal: Principal,
  ) {}
}

export interface CheckoutView {
  dossierId: string;
  paymentId: string;
  checkoutId: string;
  /** Where the portal sends the payer. */
  payerUrl: string;
  amount: number;
  currency: 'VND';
  expiresAt: string;
}
