import type { AddressInfo } from 'node:net';
import { Controller, Get, Module, Req } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { createServiceApp } from './bootstrap-service';
import { PlatformModule } from './platform.module';

@Controller('address')
class AddressController {
  @Get()
  @Public()
  address(@Req() request: FastifyRequest): { ip: string } {
    return { ip: request.ip };
  }
}

@Module({ imports: [PlatformModule.forRoot({ service: 'trust-proxy-spec' })], controllers: [AddressController] })
class TrustProxySpecModule {}

/** Anyone can send X-Forwarded-For: a service believes it only from the proxies TRUST_PROXY names. */
describe('the client address a service sees', () => {
  const apps: NestFastifyApplication[] = [];
  afterAll(() => Promise.all(apps.map((app) => app.close())));

  const ipSeen = async (trustProxy: string | undefined) => {
    if (trustProxy === undefined) delete process.env['TRUST_PROXY'];
    else process.env['TRUST_PROXY'] = trustProxy;
    process.env['JWT_SECRET'] ??= 'trust-proxy-spec-hs256-secret-0123456789';
    const app = await createServiceApp(TrustProxySpecModule, { service: 'trust-proxy-spec', defaultPort: 0 });
    apps.push(app);
    await app.listen(0, '127.0.0.1');
    const response = await fetch(`http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/v1/address`, { headers: { 'x-forwarded-for': '203.0.113.9' } });
    return ((await response.json()) as { ip: string }).ip;
  };

  it('is the connection’s own address unless TRUST_PROXY is set', async () => {
    expect(await ipSeen(undefined)).toBe('127.0.0.1');
  });

  it('is the forwarded address when the connection comes from a proxy TRUST_PROXY names', async () => {
    expect(await ipSeen('127.0.0.1')).toBe('203.0.113.9');
    delete process.env['TRUST_PROXY'];
  });
});
