import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { workspaceRoot } from './workspace';

/** On a machine without a JDK, the local Kafka refuses with one sentence saying what to do. */
describe('local Kafka without a JDK', () => {
  const bin = mkdtempSync(join(tmpdir(), 'no-java-'));
  afterAll(() => rmSync(bin, { recursive: true, force: true }));

  it('names what to install or set, instead of failing obscurely', () => {
    symlinkSync(process.execPath, join(bin, 'node'));
    const root = workspaceRoot();
    const run = spawnSync(
      join(bin, 'node'),
      ['-r', 'ts-node/register/transpile-only', '-e', "require('./libs/testing/src/infra/kafka').startKafka({ persistent: false }).catch((e) => { console.error(e.message); process.exit(3); })"],
      { cwd: root, encoding: 'utf8', env: { PATH: bin, HOME: process.env['HOME'] ?? '/tmp', TS_NODE_PROJECT: join(root, 'tsconfig.base.json') } },
    );
    expect(run.status).toBe(3);
    expect(run.stderr.trim()).toBe(
      "Kafka cannot start locally: 'java' was not found. Install a JDK 17 or newer (Debian: apt-get install openjdk-17-jdk-headless), or set KAFKA_BROKERS to the address of a running broker.",
    );
  });
});
