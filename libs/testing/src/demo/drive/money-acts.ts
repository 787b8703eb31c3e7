import { ActContext, idOf, probe } from './act-context';

/**
 * What is due, paid as the applicant came: online through the bank's checkout, in cash at the
 * counter. A bill the online exemption emptied has nothing to pay.
 */
export async function pay(c: ActContext): Promise<void> {
  const bill = await probe(c, 'payment', `/dossiers/${idOf(c.d)}/payment`, (s) => s === 200, 'the bill assessed at reception');
  const total = Number(bill['total']);
  if (total === 0 || bill['status'] === 'PAID') return;
  if (c.d.plan.channel !== 'ONLINE') {
    await c.client.expect([201], 'payment', 'POST', `/dossiers/${idOf(c.d)}/payment/cash`, c.client.officer('RECEPTION_OFFICER', c.d.plan.unit), { amount: total });
    return;
  }
  for (let attempt = 0; ; attempt++) {
    const checkout = await c.client.call('payment', 'POST', `/dossiers/${idOf(c.d)}/payment/checkout`, c.client.portal());
    // A checkout raced by another request is started again, as the API asks.
    if (checkout.status === 409 && checkout.body['code'] === 'PAYMENT.CHECKOUT_RACE' && attempt < 3) continue;
    if (checkout.status !== 200) await c.client.expect([200], 'payment', 'POST', `/dossiers/${idOf(c.d)}/payment/checkout`, c.client.portal());
    await c.client.payAtPlatform(String(checkout.body['checkoutId']));
    return;
  }
}
