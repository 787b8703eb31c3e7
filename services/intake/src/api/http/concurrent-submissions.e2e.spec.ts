import { randomUUID } from 'node:crypto';
import { InProcessService, startInProcessService } from '@motcua/testing';
import { IntakeConfig } from '../../intake.config';
import { IntakeModule } from '../../intake.module';

/** A portal's peak: many submissions to one unit on one day, all sharing that day's dossier-code sequence. */
describe('intake: concurrent online submissions to one unit (real PostgreSQL)', () => {
  let h: InProcessService;

  beforeAll(async () => {
    h = await startInProcessService(IntakeModule, {
      service: 'intake',
      config: IntakeConfig,
      isolate: { prefix: 'intake_peak' },
      env: { APPLICANT_REF_KEY: 'intake-peak-applicant-ref-key-0123456789', LOG_LEVEL: 'warn' },
    });
  });
  afterAll(() => h?.close());

  const body = (n: number, unit = 'H56.10') => ({
    procedureCode: 'SAMPLE.LLTP.01',
    unit,
    applicant: { kind: 'INDIVIDUAL', identifier: `0380900${String(10000 + n)}`, fullName: 'Nguyễn Văn An' },
    components: [{ componentId: 'form', name: 'Tờ khai', provenance: 'ELECTRONIC', documentId: `doc-${n}` }],
    delivery: 'ONLINE',
  });
  const post = async (payload: unknown, key = randomUUID()) => {
    const response = await fetch(`${h.base}/dossiers`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': key, ...h.portal() }, body: JSON.stringify(payload) });
    return { status: response.status, body: (await response.json()) as { dossierId: string; code: string } };
  };
  const sequence = (code: string) => Number(code.split('-')[2]);
  const transactionsOf = (dossierIds: string[]) =>
    h.count(`select count(distinct transaction_id) as n from intake.events where stream_id = any($1::text[]) and event_type = 'DossierSubmitted'`, [dossierIds]);

  it('commits a peak of submissions to one unit together, not one row lock and one commit after another, and still numbers them 1..n', async () => {
    const answers = await Promise.all(Array.from({ length: 60 }, (_, n) => post(body(n))));
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 201));
    expect(answers.map((a) => sequence(a.body.code)).sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    // Each answer's code is the one its stored event carries.
    const { rows } = await h.db.query<{ stream_id: string; code: string }>(`select stream_id, data->>'code' as code from intake.events where event_type = 'DossierSubmitted'`);
    const stored = new Map(rows.map((r) => [r.stream_id, r.code]));
    expect(answers.every((a) => stored.get(a.body.dossierId) === a.body.code)).toBe(true);
    expect(await transactionsOf(answers.map((a) => a.body.dossierId))).toBeLessThan(30);
  });

  it('answers a key sent twice at once with one dossier, refuses its reuse with another body, takes one applicant twice, and leaves no gap in the numbers', async () => {
    const key = randomUUID();
    const reused = randomUUID();
    const answers = await Promise.all([
      ...Array.from({ length: 20 }, (_, n) => post(body(n, 'H56'))),
      post(body(100, 'H56'), key),
      post(body(100, 'H56'), key),
      post(body(101, 'H56'), reused),
      post(body(102, 'H56'), reused),
      // The same applicant twice in one batch: one row of personal data, the later details.
      post(body(0, 'H56')),
      post(body(0, 'H56')),
    ]);
    const [first, second] = answers.slice(20, 22);
    expect([first.status, second.status].sort()).toEqual([200, 201]);
    expect(second.body).toEqual(first.body);
    expect(answers.slice(22, 24).map((a) => a.status).sort()).toEqual([201, 422]);
    expect(answers.slice(24).map((a) => a.status)).toEqual([201, 201]);
    const codes = new Set(answers.filter((a) => a.status < 300).map((a) => a.body.code));
    expect([...codes].map(sequence).sort((a, b) => a - b)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
  });
});
