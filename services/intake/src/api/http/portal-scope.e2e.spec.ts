import { randomUUID } from 'node:crypto';
import { eventually, InProcessService, startInProcessService } from '@motcua/testing';
import { IntakeConfig } from '../../intake.config';
import { IntakeModule } from '../../intake.module';

/**
 * Object-level authorization (OWASP API1): a portal sees and acts on the dossiers it submitted and
 * no others. Another portal's dossier answers exactly as a dossier that does not exist.
 */
describe('intake: a portal reaches only the dossiers it submitted', () => {
  let h: InProcessService;

  beforeAll(async () => {
    h = await startInProcessService(IntakeModule, {
      service: 'intake',
      config: IntakeConfig,
      isolate: { prefix: 'intake_scope_e2e' },
      env: { APPLICANT_REF_KEY: 'scope-e2e-applicant-ref-key-0123456789' },
    });
  });
  afterAll(() => h?.close());

  const officer = () => h.officer('RECEPTION_OFFICER', 'H56.10', 'reception-H56.10');
  const call = (method: string, path: string, headers: Record<string, string>, payload?: unknown) =>
    fetch(`${h.base}${path}`, { method, headers: { ...headers, ...(payload === undefined ? {} : { 'content-type': 'application/json' }) }, body: payload === undefined ? undefined : JSON.stringify(payload) });
  const submit = async (portal: Record<string, string>) => {
    const response = await call('POST', '/dossiers', { ...portal, 'idempotency-key': randomUUID() }, {
      procedureCode: 'SAMPLE.LLTP.01',
      unit: 'H56.10',
      applicant: { kind: 'INDIVIDUAL', identifier: '038090001234', fullName: 'Lê Thị Hoa' },
      components: [{ componentId: 'form', name: 'Tờ khai', provenance: 'ELECTRONIC', documentId: 'doc-1' }],
      delivery: 'ONLINE',
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { dossierId: string }).dossierId;
  };
  const supplement = { components: [{ componentId: 'form', name: 'Tờ khai (bổ sung)', provenance: 'ELECTRONIC', documentId: 'doc-2' }] };
  /** The answer a dossier that does not exist gets: another portal's must be indistinguishable from it. */
  const absent = async (method: string, suffix: string, payload?: unknown) => {
    const response = await call(method, `/dossiers/${randomUUID()}${suffix}`, h.portal(), payload);
    return { status: response.status, code: ((await response.json()) as { code: string }).code };
  };
  const answer = async (response: Response) => ({ status: response.status, code: ((await response.json()) as { code?: string }).code });

  it('answers another portal 404, as for no dossier, on view, supplement and withdrawal; the owner gets 200', async () => {
    const dossierId = await submit(h.portal());
    expect((await call('POST', `/dossiers/${dossierId}/return-for-supplement`, officer(), { missing: ['Tờ khai có chữ ký'] })).status).toBe(200);
    const other = h.portal('other');

    expect(await answer(await call('GET', `/dossiers/${dossierId}`, other))).toEqual(await absent('GET', ''));
    expect(await answer(await call('POST', `/dossiers/${dossierId}/supplements`, other, supplement))).toEqual(await absent('POST', '/supplements', supplement));
    expect(await answer(await call('POST', `/dossiers/${dossierId}/withdraw`, other, {}))).toEqual(await absent('POST', '/withdraw', {}));
    expect((await absent('GET', '')).status).toBe(404);

    expect((await call('GET', `/dossiers/${dossierId}`, h.portal())).status).toBe(200);
    expect((await call('POST', `/dossiers/${dossierId}/supplements`, h.portal(), supplement)).status).toBe(200);
    expect((await call('POST', `/dossiers/${dossierId}/withdraw`, h.portal(), {})).status).toBe(200);
  });

  it('records the submitting portal and carries it to reception, for the services downstream', async () => {
    const dossierId = await submit(h.portal('other'));
    expect((await call('POST', `/dossiers/${dossierId}/receive`, officer())).status).toBe(200);
    const published = await eventually(() => h.published(dossierId), (events) => events.length === 2, { what: 'both events on the topic', timeoutMs: 60_000 });
    expect(published.map((e) => [e.type, (e.data as { portal?: string }).portal])).toEqual([
      ['DossierSubmitted', 'other-portal'],
      ['DossierReceived', 'other-portal'],
    ]);
    expect(published.every((e) => e.subject === dossierId)).toBe(true);
  });

  it('lets no portal reach a dossier registered at the counter', async () => {
    const response = await call('POST', '/dossiers/at-desk', { ...officer(), 'idempotency-key': randomUUID() }, {
      channel: 'COUNTER',
      procedureCode: 'SAMPLE.LLTP.01',
      unit: 'H56.10',
      applicant: { kind: 'INDIVIDUAL', identifier: '038090001234', fullName: 'Lê Thị Hoa' },
      components: [{ componentId: 'form', name: 'Tờ khai', provenance: 'PAPER' }],
      delivery: 'COUNTER',
    });
    expect(response.status).toBe(201);
    const { dossierId } = (await response.json()) as { dossierId: string };
    expect((await call('GET', `/dossiers/${dossierId}`, h.portal())).status).toBe(404);
    expect((await call('GET', `/dossiers/${dossierId}`, officer())).status).toBe(200);
  });
});
