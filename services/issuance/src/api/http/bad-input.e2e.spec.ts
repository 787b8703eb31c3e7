import { InProcessService, startInProcessService, sweepService } from '@motcua/testing';
import { IssuanceConfig } from '../../issuance.config';
import { IssuanceModule } from '../../issuance.module';

describe('issuance: hostile input on every documented route is refused with a 4xx naming the field, never a 5xx', () => {
  let h: InProcessService;

  beforeAll(async () => {
    h = await startInProcessService(IssuanceModule, {
      service: 'issuance',
      config: IssuanceConfig,
      bootstrap: { multipart: true },
      isolate: { prefix: 'issuance_bad_input' },
      env: { LOG_LEVEL: 'fatal', SIGNING_KEY_SECRET: 'issuance-bad-input-signing-key-secret-0123456789' },
    });
  });
  afterAll(() => h?.close());

  it('answers deep nesting, control characters, nulls and wrong types on every route from /docs/json without a 5xx', async () => {
    const { routes, findings } = await sweepService(h);
    expect(routes.length).toBeGreaterThan(0);
    expect(findings).toEqual([]);
  });
});
