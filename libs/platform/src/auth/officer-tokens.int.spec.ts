import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { exportJWK, generateKeyPair, JWK, KeyLike, SignJWT } from 'jose';
import { createServiceApp } from '../bootstrap/bootstrap-service';
import { PlatformModule } from '../bootstrap/platform.module';
import { CurrentPrincipal, Roles } from './auth.decorators';
import type { Principal } from './principal';
import { mintDevToken } from './tokens';

@Controller('whoami')
class WhoAmIController {
  @Get()
  @Roles('RECEPTION_OFFICER')
  whoami(@CurrentPrincipal() principal: Principal): Principal {
    return principal;
  }
}

@Module({ imports: [PlatformModule.forRoot({ service: 'officer-tokens-spec' })], controllers: [WhoAmIController] })
class OfficerTokensSpecModule {}

const ISSUER = 'https://id.example.test/realms/motcua';
const AUDIENCE = 'motcua-api';
const SECRET = 'officer-tokens-spec-hs256-secret-0123456789';

/**
 * Officer tokens from an identity provider, checked against its JWKS served by a real local HTTP
 * server with keys made here: a service accepts exactly the well-formed, current tokens of its
 * issuer and audience, signed RS256 or ES256 by a key the provider publishes.
 */
describe('officer tokens verified by the identity provider’s JWKS', () => {
  let jwks: Server;
  let app: NestFastifyApplication;
  let base: string;
  const keys: Record<'rsa' | 'ec' | 'unpublished', { privateKey: KeyLike; jwk: JWK }> = {} as never;
  let jwksRequests = 0;

  beforeAll(async () => {
    for (const [name, alg] of [['rsa', 'RS256'], ['ec', 'ES256'], ['unpublished', 'RS256']] as const) {
      const { privateKey, publicKey } = await generateKeyPair(alg);
      keys[name] = { privateKey, jwk: { ...(await exportJWK(publicKey)), kid: `${name}-1`, alg, use: 'sig' } };
    }
    jwks = createServer((_request, response) => {
      jwksRequests += 1;
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [keys.rsa.jwk, keys.ec.jwk] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    Object.assign(process.env, {
      OIDC_ISSUER: ISSUER,
      OIDC_AUDIENCE: AUDIENCE,
      OIDC_JWKS_URL: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/certs`,
      JWT_SECRET: SECRET,
    });
    app = await createServiceApp(OfficerTokensSpecModule, { service: 'officer-tokens-spec', defaultPort: 0 });
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/v1`;
  });
  afterAll(async () => {
    await app?.close();
    await new Promise((resolve) => jwks?.close(resolve));
    for (const name of ['OIDC_ISSUER', 'OIDC_AUDIENCE', 'OIDC_JWKS_URL']) delete process.env[name];
  });

  const now = () => Math.floor(Date.now() / 1000);
  const claims = { role: 'RECEPTION_OFFICER', unit: 'H56.22' };
  interface Options {
    key?: keyof typeof keys;
    kid?: string;
    iss?: string;
    aud?: string;
    exp?: number | null;
  }
  const token = ({ key = 'rsa', kid, iss = ISSUER, aud = AUDIENCE, exp = now() + 600 }: Options = {}) => {
    const { privateKey, jwk } = keys[key];
    const jwt = new SignJWT(claims).setProtectedHeader({ alg: String(jwk.alg), kid: kid ?? String(jwk.kid) }).setSubject('officer-7').setIssuedAt().setIssuer(iss).setAudience(aud);
    return (exp === null ? jwt : jwt.setExpirationTime(exp)).sign(privateKey);
  };
  const call = async (bearer: string) => (await fetch(`${base}/whoami`, { headers: { authorization: `Bearer ${bearer}` } })).status;

  it('accepts a current token of the issuer for this audience, RS256 or ES256, as the officer it names', async () => {
    const response = await fetch(`${base}/whoami`, { headers: { authorization: `Bearer ${await token()}` } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ kind: 'officer', id: 'officer-7', role: 'RECEPTION_OFFICER', unit: 'H56.22' });
    expect(await call(await token({ key: 'ec' }))).toBe(200);
  });

  it.each<[string, Options]>([
    ['another issuer', { iss: 'https://elsewhere.example.test' }],
    ['another audience', { aud: 'some-other-api' }],
    ['no expiry', { exp: null }],
    ['an expired token', { exp: now() - 120 }],
    ['a key the provider does not publish (unknown kid)', { key: 'unpublished' }],
    ['a published kid over another key', { key: 'unpublished', kid: 'rsa-1' }],
  ])('refuses %s with 401', async (_case, options) => {
    expect(await call(await token(options))).toBe(401);
  });

  it('refuses an HS256 token once an identity provider is configured, even one signed with JWT_SECRET', async () => {
    expect(await call(mintDevToken({ sub: 'officer-7', ...claims, role: 'RECEPTION_OFFICER' }, SECRET))).toBe(401);
    const forged = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', kid: 'rsa-1' }).setSubject('x').setIssuer(ISSUER).setAudience(AUDIENCE).setExpirationTime(now() + 600).sign(new TextEncoder().encode(SECRET));
    expect(await call(forged)).toBe(401);
    expect(await call('not.a.token')).toBe(401);
  });

  it('reads the key set once for many tokens', async () => {
    const before = jwksRequests;
    for (let i = 0; i < 5; i += 1) expect(await call(await token())).toBe(200);
    expect(jwksRequests - before).toBeLessThanOrEqual(1);
  });
});

describe('officer tokens while the identity provider’s keys cannot be read', () => {
  let app: NestFastifyApplication;
  let base: string;

  beforeAll(async () => {
    // A port that was just free and is closed again: nothing answers there.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    Object.assign(process.env, { OIDC_ISSUER: ISSUER, OIDC_AUDIENCE: AUDIENCE, OIDC_JWKS_URL: `http://127.0.0.1:${port}/certs`, JWT_SECRET: SECRET });
    app = await createServiceApp(OfficerTokensSpecModule, { service: 'officer-tokens-spec', defaultPort: 0 });
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/v1`;
  });
  afterAll(async () => {
    await app?.close();
    for (const name of ['OIDC_ISSUER', 'OIDC_AUDIENCE', 'OIDC_JWKS_URL']) delete process.env[name];
  });

  it('answers 503 naming the provider, not 401: the token may well be good', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const jwt = await new SignJWT({ role: 'RECEPTION_OFFICER', unit: 'H56.22' })
      .setProtectedHeader({ alg: 'RS256', kid: 'rsa-1' })
      .setSubject('officer-7')
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime('10m')
      .sign(privateKey);
    const response = await fetch(`${base}/whoami`, { headers: { authorization: `Bearer ${jwt}` } });
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ code: 'AUTH.IDENTITY_PROVIDER_UNAVAILABLE' });
  });
});
