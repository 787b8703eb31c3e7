import { randomUUID } from 'node:crypto';
import { InProcessService, startInProcessService, sweepService } from '@motcua/testing';
import { IntakeConfig } from '../../intake.config';
import { IntakeModule } from '../../intake.module';

describe('intake: hostile input on every documented route is refused with a 4xx naming the field, never a 5xx', () => {
  let h: InProcessService;

  beforeAll(async () => {
    h = await startInProcessService(IntakeModule, {
      service: 'intake',
      config: IntakeConfig,
      isolate: { prefix: 'intake_bad_input' },
      env: { APPLICANT_REF_KEY: 'intake-bad-input-applicant-ref-key-0123456789', LOG_LEVEL: 'fatal' },
    });
  });
  afterAll(() => h?.close());

  it('answers deep nesting, control characters, nulls and wrong types on every route from /docs/json without a 5xx', async () => {
    const { routes, findings } = await sweepService(h);
    expect(routes).toContain('POST /v1/dossiers');
    expect(routes).toEqual(expect.arrayContaining(['GET /v1/dossiers/{dossierId}/forms/receipt.pdf', 'GET /v1/dossiers/{dossierId}/forms/supplement-requests/{sequence}.pdf']));
    expect(findings).toEqual([]);
  });

  // Valid bodies: arguments are validated concurrently, so an invalid body could be named first.
  const bodies: Record<string, unknown> = {
    supplements: { components: [{ componentId: 'form', name: 'Tờ khai', provenance: 'PAPER' }] },
    withdraw: { reason: 'Không có nhu cầu' },
    reject: { reason: 'Không thuộc thẩm quyền' },
    'return-for-supplement': { missing: ['Tờ khai'] },
  };
  const desk = ['receive', 'reject', 'return-for-supplement'];

  it('names the path parameter of every dossier route given something that is not a UUID', async () => {
    const document = (await (await fetch(`${h.base.replace(/\/v1$/, '')}/docs/json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(document.paths)
      .filter(([path]) => path.includes('{dossierId}'))
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => ({ method: method.toUpperCase(), path, action: path.split('}/')[1] ?? '' })));
    expect(routes.length).toBeGreaterThanOrEqual(6);
    const answers = await Promise.all(
      routes.map(async ({ method, path, action }) => {
        // Any other parameter (a form's number) is given a valid value, so only the dossier id is at fault.
        const url = h.base.replace(/\/v1$/, '') + path.replace('{dossierId}', 'not-a-uuid').replace(/\{(?!dossierId\})\w+\}/g, '1');
        const headers = { ...(desk.includes(action) ? h.officer('RECEPTION_OFFICER', 'H56.10') : h.portal()), 'content-type': 'application/json', 'idempotency-key': randomUUID() };
        const response = await fetch(url, { method, headers, body: method === 'GET' ? undefined : JSON.stringify(bodies[action] ?? {}) });
        const problem = (await response.json()) as { errors?: { field: string }[] };
        return { route: `${method} ${path}`, status: response.status, fields: problem.errors?.map((e) => e.field) };
      }),
    );
    expect(answers).toEqual(routes.map(({ method, path }) => ({ route: `${method} ${path}`, status: 400, fields: ['dossierId'] })));
  });
});
