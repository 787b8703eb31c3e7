import { Body, Controller, Get, Inject, Module, Param, Post } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { Topics } from '@motcua/contracts';
import { assertUnit, CLOCK, Clock, createServiceApp, CurrentPrincipal, mintDevToken, PlatformModule, Principal, Roles } from '@motcua/platform';
import { freePort } from '../infra/free-port';
import { sweepBadInput } from './bad-input-sweep';

class NoteRequest {
  @ApiProperty({ maxLength: 500 })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  text!: string;

  @ApiProperty({ enum: ['INFO', 'WARNING'] })
  @IsIn(['INFO', 'WARNING'])
  severity!: 'INFO' | 'WARNING';
}

/** A probe of the platform's edge: one unit-scoped read and one validated write, nothing stored. */
@ApiTags('units')
@Controller('units/:unit')
class ProbeController {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  @Get('status')
  @Roles('OPERATOR', 'ADMIN')
  @ApiOperation({ summary: "A unit's status (scoped to the caller's own unit)" })
  status(@Param('unit') unit: string, @CurrentPrincipal() principal: Principal) {
    assertUnit(principal, unit);
    return { unit, at: this.clock.now().toISOString() };
  }

  @Post('notes')
  @Roles('OPERATOR', 'ADMIN', 'PORTAL')
  @ApiOperation({ summary: 'Validates a note' })
  note(@Param('unit') unit: string, @Body() body: NoteRequest, @CurrentPrincipal() principal: Principal) {
    assertUnit(principal, unit);
    return { unit, text: body.text, severity: body.severity };
  }
}

@Module({ imports: [PlatformModule.forRoot({ service: 'probe' })], controllers: [ProbeController] })
class ProbeModule {}

const SECRET = 'platform-e2e-secret-platform-e2e-0123456789';
const PORTAL_KEY = 'portal-e2e-key-0123456789';

/** What every service's edge does, on a probe app of the platform alone (real PostgreSQL). */
describe('the platform over HTTP (real PostgreSQL)', () => {
  let app: NestFastifyApplication;
  let base: string;
  const officer = (role: 'OPERATOR' | 'ANALYST' | 'ADMIN', unit: string) => ({ authorization: `Bearer ${mintDevToken({ sub: 'officer-7', role, unit }, SECRET)}` });

  beforeAll(async () => {
    process.env['JWT_SECRET'] = SECRET;
    process.env['API_KEYS'] = `provincial-portal:${PORTAL_KEY}`;
    app = await createServiceApp(ProbeModule, { service: 'probe', defaultPort: 0 });
    const port = await freePort();
    await app.listen(port, '127.0.0.1');
    base = `http://127.0.0.1:${port}`;
  });
  afterAll(() => app.close());

  const problem = async (response: Response) => {
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    return (await response.json()) as { status: number; code: string; errors?: { field: string; message: string }[] };
  };

  it('serves the AsyncAPI document of every topic, without credentials, as every service does', async () => {
    const response = await fetch(`${base}/asyncapi`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const document = (await response.json()) as { asyncapi: string; channels: Record<string, { address: string }> };
    expect(document.asyncapi).toBe('3.0.0');
    expect(Object.values(document.channels).map((c) => c.address).sort()).toEqual(Object.values(Topics).sort());
  });

  it('refuses a request without credentials with 401 problem+json', async () => {
    const response = await fetch(`${base}/v1/units/H56.22/status`);
    expect(response.status).toBe(401);
    expect(await problem(response)).toMatchObject({ status: 401, code: 'AUTH.UNAUTHENTICATED' });
  });

  it('refuses a forged token and an unknown API key with 401', async () => {
    const forged = mintDevToken({ sub: 'x', role: 'ADMIN', unit: 'H56' }, 'another-secret-another-secret-0123456789');
    expect((await fetch(`${base}/v1/units/H56/status`, { headers: { authorization: `Bearer ${forged}` } })).status).toBe(401);
    expect((await fetch(`${base}/v1/units/H56/status`, { headers: { 'x-api-key': 'not-a-key-0123456789' } })).status).toBe(401);
  });

  it("refuses an officer asking for another unit's resource with 403", async () => {
    const response = await fetch(`${base}/v1/units/H56.23/status`, { headers: officer('OPERATOR', 'H56.22') });
    expect(response.status).toBe(403);
    expect(await problem(response)).toMatchObject({ code: 'AUTH.OTHER_UNIT' });
  });

  it('refuses a role the endpoint does not allow with 403', async () => {
    const response = await fetch(`${base}/v1/units/H56.22/status`, { headers: officer('ANALYST', 'H56.22') });
    expect(response.status).toBe(403);
    expect(await problem(response)).toMatchObject({ code: 'AUTH.ROLE_NOT_ALLOWED' });
    expect((await fetch(`${base}/v1/units/H56.22/status`, { headers: { 'x-api-key': PORTAL_KEY } })).status).toBe(403);
  });

  it('serves the officer of the unit, and an admin anywhere', async () => {
    const own = await fetch(`${base}/v1/units/H56.22/status`, { headers: officer('OPERATOR', 'H56.22') });
    expect(own.status).toBe(200);
    expect(await own.json()).toMatchObject({ unit: 'H56.22' });
    expect((await fetch(`${base}/v1/units/H56.99/status`, { headers: officer('ADMIN', 'H56') })).status).toBe(200);
  });

  it('accepts a portal API key where the role is allowed', async () => {
    const response = await fetch(`${base}/v1/units/H56.22/notes`, {
      method: 'POST',
      headers: { 'x-api-key': PORTAL_KEY, 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'queue long today', severity: 'INFO' }),
    });
    expect(response.status).toBe(201);
  });

  it('answers a malformed JSON body with 400 problem+json', async () => {
    const response = await fetch(`${base}/v1/units/H56.22/notes`, {
      method: 'POST',
      headers: { ...officer('OPERATOR', 'H56.22'), 'content-type': 'application/json' },
      body: '{"text": "unterminated',
    });
    expect(response.status).toBe(400);
    expect(await problem(response)).toMatchObject({ code: 'REQUEST.MALFORMED' });
  });

  it('names an unknown property and a bad field in a 400', async () => {
    const response = await fetch(`${base}/v1/units/H56.22/notes`, {
      method: 'POST',
      headers: { ...officer('OPERATOR', 'H56.22'), 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'x', severity: 'LOUD', citizenId: '038090001234' }),
    });
    expect(response.status).toBe(400);
    const body = await problem(response);
    expect(body.code).toBe('REQUEST.INVALID');
    expect(body.errors?.map((e) => e.field).sort()).toEqual(['citizenId', 'severity']);
    expect(JSON.stringify(body)).not.toContain('038090001234');
  });

  it('answers an oversized body with 413 and a wrong media type with 415', async () => {
    const headers = { ...officer('OPERATOR', 'H56.22'), 'content-type': 'application/json' };
    const big = await fetch(`${base}/v1/units/H56.22/notes`, { method: 'POST', headers, body: JSON.stringify({ text: 'x'.repeat(2 * 1024 * 1024), severity: 'INFO' }) });
    expect(big.status).toBe(413);
    await problem(big);
    const xml = await fetch(`${base}/v1/units/H56.22/notes`, { method: 'POST', headers: { ...headers, 'content-type': 'application/xml' }, body: '<note/>' });
    expect(xml.status).toBe(415);
    await problem(xml);
  });

  it('serves health, metrics and the OpenAPI document without credentials', async () => {
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
    const ready = await fetch(`${base}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ok', details: { database: { status: 'up' } } });
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/http_request_duration_seconds_bucket\{.*route="\/v1\/units\/:unit\/status"/);
    const docs = (await (await fetch(`${base}/docs/json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(docs.paths)).toEqual(expect.arrayContaining(['/v1/units/{unit}/status', '/v1/units/{unit}/notes']));
  });

  it('answers hostile input on every documented route (deep nesting, control characters, nulls) with a 4xx naming the field, never a 5xx', async () => {
    const credentials: Record<string, string>[] = [{}, { 'x-api-key': PORTAL_KEY }, officer('OPERATOR', 'H56.22'), officer('ANALYST', 'H56.22'), officer('ADMIN', 'H56.22')];
    const { routes, findings } = await sweepBadInput({ origin: base, credentials });
    expect(routes.length).toBeGreaterThan(0);
    expect(findings).toEqual([]);
  });
});
