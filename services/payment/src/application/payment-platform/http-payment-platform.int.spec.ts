import { AddressInfo } from 'node:net';
import { createServer, Server } from 'node:http';
import { toProblem } from '@motcua/platform';
import { HttpPaymentPlatform } from './http-payment-platform';
import { PlatformUnavailableError } from './platform-unavailable.error';

/** The merchant API client against a real HTTP server that answers as a broken platform or proxy might. */
describe('HTTP payment platform: answers it cannot use', () => {
  let server: Server;
  let answer: { status: number; type: string; body: string };
  let platform: HttpPaymentPlatform;

  beforeAll(async () => {
    server = createServer((_request, response) => response.writeHead(answer.status, { 'content-type': answer.type }).end(answer.body));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    platform = new HttpPaymentPlatform({ platformUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, platformApiKey: 'key' });
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const checkout = () =>
    platform.createCheckout({ paymentId: 'pay-1', amount: 200_000, expiresAt: '2025-03-04T02:00:00.000Z', callbackUrl: 'http://127.0.0.1/cb', description: 'Phí' });

  it.each([
    ['a 200 whose body is not JSON (a proxy page)', { status: 200, type: 'text/html', body: '<html>Bad gateway</html>' }],
    ['a 200 cut off mid-body', { status: 200, type: 'application/json', body: '{"checkoutId": "co-' }],
    ['a 502', { status: 502, type: 'text/html', body: 'Bad gateway' }],
  ])('reports %s as the platform unavailable, which a portal reads as 503 (retry later)', async (_case, given) => {
    answer = given;
    const error = await checkout().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlatformUnavailableError);
    expect(toProblem(error)).toMatchObject({ status: 503, code: 'PAYMENT.PLATFORM_UNAVAILABLE' });
  });

  it('reads a well-formed checkout', async () => {
    answer = { status: 201, type: 'application/json', body: JSON.stringify({ checkoutId: 'co-1', payerUrl: 'https://pay.example/co-1' }) };
    await expect(checkout()).resolves.toEqual({ checkoutId: 'co-1', payerUrl: 'https://pay.example/co-1' });
  });
});
