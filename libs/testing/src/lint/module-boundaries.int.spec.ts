import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { workspaceRoot } from '../infra/workspace';

/**
 * The Nx module-boundary rule is what keeps services apart (STYLE.md). This proves that the lint
 * configuration really refuses a forbidden import, so a green lint means something.
 */
describe('module boundaries', () => {
  const root = workspaceRoot();
  const probe = join(root, 'libs', 'contracts', 'src', `boundary-probe-${process.pid}.ts`);

  beforeAll(() => {
    process.env['NX_DAEMON'] = 'false';
    // contracts (type:contracts) may depend on contracts only, never on infrastructure such as messaging.
    writeFileSync(probe, "import { EventRelay } from '@motcua/messaging';\n\nexport const leak = EventRelay;\n");
  });
  afterAll(() => rmSync(probe, { force: true }));

  it('fails the lint when the contracts lib imports the messaging lib', async () => {
    const eslint = new ESLint({ cwd: root });
    const [result] = await eslint.lintFiles([probe]);
    const boundaryErrors = result.messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries' && m.severity === 2);
    expect(boundaryErrors.length).toBeGreaterThan(0);
    expect(boundaryErrors[0].message).toMatch(/type:contracts/);
  }, 120_000);
});
