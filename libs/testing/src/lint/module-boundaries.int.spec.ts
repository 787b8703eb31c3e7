import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { workspaceRoot } from '../infra/workspace';

/**
 * The Nx module-boundary rule is what keeps services apart (STYLE.md). This proves that the lint
 * configuration really refuses a forbidden import, so a green lint means something.
 */
describe('module boundaries', () => {
  const root = workspaceRoot();
  const probe = join(root, 'libs', 'contracts', 'src', `boundary-probe-${process.pid}.ts`);

  beforeAll(() => {
    // The rule reads Nx's cached project graph and silently skips without one: make sure it exists.
    spawnSync(join(root, 'node_modules', '.bin', 'nx'), ['show', 'projects'], {
      cwd: root,
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
    });
    // contracts (type:contracts) may depend on contracts only, never on infrastructure such as platform.
    writeFileSync(probe, "import { SystemClock } from '@motcua/platform';\n\nexport const leak = SystemClock;\n");
  });
  afterAll(() => rmSync(probe, { force: true }));

  it('fails the lint when the contracts lib imports the platform lib', () => {
    // The real command line, as `npm test` runs it (ESLint loads its config with import(), which Jest's sandbox lacks).
    const run = spawnSync(process.execPath, [join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--format', 'json', probe], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NX_DAEMON: 'false' },
    });
    expect(run.status).toBe(1);
    const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string; severity: number; message: string }[] }[];
    const boundaryErrors = result.messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries' && m.severity === 2);
    // The platform serves the AsyncAPI document built from the contracts, so the lint may name the
    // refusal as the cycle that import would close; either way the lint fails on it.
    expect(boundaryErrors.map((m) => m.message)).toEqual([expect.stringMatching(/tagged with "type:contracts" can only depend on libs tagged with "type:contracts"|Circular dependency between "contracts" and "platform"/)]);
  }, 120_000);
});
