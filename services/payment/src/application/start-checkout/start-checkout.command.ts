/** A portal starts (or resumes) the applicant's online payment of a dossier's fees. */
export class StartCheckout {
  constructor(readonly dossierId: string) {}
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
