import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { workspaceRoot } from '../infra/workspace';
import type { ServiceEntry } from './services';

export interface RunningService {
  name: string;
  port: number;
  url: string;
  child: ChildProcess;
  /** Resolves when /health/ready answers 200; rejects if the process exits first. */
  ready(timeoutMs?: number): Promise<void>;
  /** SIGTERM, then SIGKILL if it has not exited after `graceMs` (10 s by default). */
  stop(graceMs?: number): Promise<void>;
}

/** One service as its own process (TypeScript run directly), its output passed line by line. */
export function startServiceProcess(service: ServiceEntry, port: number, env: NodeJS.ProcessEnv, onLine: (line: string) => void): RunningService {
  const root = workspaceRoot();
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', service.main], {
    cwd: root,
    env: { ...env, TS_NODE_PROJECT: join(root, 'tsconfig.base.json'), SERVICE_NAME: service.name, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) if (stream) createInterface({ input: stream }).on('line', onLine);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;

  return {
    name: service.name,
    port,
    url,
    child,
    ready: async (timeoutMs = 120_000) => {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${service.name} exited before it was ready`);
        try {
          if ((await fetch(`${url}/health/ready`)).ok) return;
        } catch {
          // not listening yet
        }
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      throw new Error(`${service.name} was not ready on port ${port} after ${timeoutMs} ms`);
    },
    stop: async (graceMs = 10_000) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      child.kill('SIGTERM');
      await exited;
      clearTimeout(timer);
    },
  };
}
