import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InProcessService, startInProcessService, sweepService } from '@motcua/testing';
import { DigitisationConfig } from '../../digitisation.config';
import { DigitisationModule } from '../../digitisation.module';

describe('digitisation: hostile input on every documented route is refused with a 4xx naming the field, never a 5xx', () => {
  let h: InProcessService;
  let documentsDir: string;

  beforeAll(async () => {
    documentsDir = await mkdtemp(join(tmpdir(), 'digitisation-bad-input-'));
    h = await startInProcessService(DigitisationModule, {
      service: 'digitisation',
      config: DigitisationConfig,
      bootstrap: { multipart: true },
      isolate: { prefix: 'digitisation_bad_input' },
      env: { LOG_LEVEL: 'fatal', APPLICANT_REF_KEY: 'digitisation-bad-input-applicant-ref-key-0123456789', DOCUMENTS_DIR: documentsDir },
    });
  });
  afterAll(async () => {
    await h?.close();
    await rm(documentsDir, { recursive: true, force: true });
  });

  it('answers deep nesting, control characters, nulls and wrong types on every route from /docs/json without a 5xx', async () => {
    const { routes, findings } = await sweepService(h);
    expect(routes.length).toBeGreaterThan(0);
    expect(findings).toEqual([]);
  });
});
