import type { AddressInfo } from 'node:net';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SignJWT } from 'jose';
import { createServiceApp } from '../bootstrap/bootstrap-service';
import { PlatformModule } from '../bootstrap/platform.module';
import { Roles } from './auth.decorators';
import { mintDevToken } from './tokens';

@Controller('whoami')
class WhoAmIController {
  @Get()
  @Roles('RECEPTION_OFFICER')
  whoami(): { ok: true } {
    return { ok: true };
  }
}

@Module({ imports: [PlatformModule.forRoot({ service: 'development-tokens-spec' })], controllers: [WhoAmIController] })
class DevelopmentTokensSpecModule {}

const SECRET = 'development-tokens-spec-hs256-secret-0123456789';

/** Without an identity provider (development), officer tokens are HS256 over JWT_SECRET, and still must expire. */
describe('development officer tokens (HS256, no identity provider configured)', () => {
  let app: NestFastifyApplication;
  let base: string;

  beforeAll(async () => {
    for (const name of ['OIDC_ISSUER', 'OIDC_AUDIENCE', 'OIDC_JWKS_URL']) delete process.env[name];
    process.env['JWT_SECRET'] = SECRET;
    app = await createServiceApp(DevelopmentTokensSpecModule, { service: 'development-tokens-spec', defaultPort: 0 });
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/v1`;
  });
  afterAll(() => app?.close());

  const call = async (bearer: string) => (await fetch(`${base}/whoami`, { headers: { authorization: `Bearer ${bearer}` } })).status;
  const hs256 = (expires: boolean) => {
    const jwt = new SignJWT({ role: 'RECEPTION_OFFICER', unit: 'H56.22' }).setProtectedHeader({ alg: 'HS256' }).setSubject('dev-officer');
    return (expires ? jwt.setExpirationTime('1h') : jwt).sign(new TextEncoder().encode(SECRET));
  };

  it('accepts a minted development token, and refuses one without expiry or with another secret', async () => {
    expect(await call(mintDevToken({ sub: 'dev-officer', role: 'RECEPTION_OFFICER', unit: 'H56.22' }, SECRET))).toBe(200);
    expect(await call(await hs256(true))).toBe(200);
    expect(await call(await hs256(false))).toBe(401);
    expect(await call(mintDevToken({ sub: 'dev-officer', role: 'RECEPTION_OFFICER', unit: 'H56.22' }, `${SECRET}-other`))).toBe(401);
  });
});
