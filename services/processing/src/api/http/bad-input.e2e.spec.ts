import { InProcessService, startInProcessService, sweepService } from '@motcua/testing';
import { ProcessingModule } from '../../processing.module';

describe('processing: hostile input on every documented route is refused with a 4xx naming the field, never a 5xx', () => {
  let h: InProcessService;

  beforeAll(async () => {
    h = await startInProcessService(ProcessingModule, {
      service: 'processing',

      isolate: { prefix: 'processing_bad_input' },
      env: { LOG_LEVEL: 'fatal', DEADLINE_CHECK_INTERVAL_MS: '3600000' },
    });
  });
  afterAll(() => h?.close());

  it('answers deep nesting, control characters, nulls and wrong types on every route from /docs/json without a 5xx', async () => {
    const { routes, findings } = await sweepService(h);
    expect(routes).toEqual(expect.arrayContaining(['GET /v1/cases/{dossierId}/forms/apology.pdf', 'GET /v1/cases/{dossierId}/forms/supplement-requests/{requestId}.pdf']));
    expect(findings).toEqual([]);
  });
});
