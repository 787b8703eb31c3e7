import { RunningService, startServiceProcess } from './service-process';
import type { ServiceEntry } from './services';

export interface SupervisedService {
  name: string;
  url: string;
  /** Times the process was started again after it died. */
  readonly restarts: number;
  /** The running process's id, if one runs now. */
  pid(): number | undefined;
  /** Resolves once the current process (or a restarted one) answers /health/ready. */
  ready(timeoutMs?: number): Promise<void>;
  /** Stops the process for good: no restart after this. */
  stop(): Promise<void>;
}

export interface SupervisionOptions {
  /** The first restart's delay, doubled after each crash that follows quickly (default 1 s). */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** A process that ran this long before dying restarts after the initial delay again. */
  stableAfterMs?: number;
}

/**
 * One service as its own process, restarted with exponential backoff whenever it dies, as a
 * process supervisor would, until stop(). Every line it writes is prefixed with its name, and
 * after a restart with the restart's number (`[intake restart 2]`), so the log says which run spoke.
 */
export function superviseService(service: ServiceEntry, port: number, env: NodeJS.ProcessEnv, write: (line: string) => void, options: SupervisionOptions = {}): SupervisedService {
  const { initialDelayMs = 1_000, maxDelayMs = 30_000, stableAfterMs = 60_000 } = options;
  let current: RunningService;
  let restarts = 0;
  let quickCrashes = 0;
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  const label = () => (restarts === 0 ? service.name : `${service.name} restart ${restarts}`);

  const launch = () => {
    const prefix = `[${label()}]`;
    const startedAt = Date.now();
    current = startServiceProcess(service, port, env, (line) => write(`${prefix} ${line}`));
    current.child.once('exit', (code, signal) => {
      if (stopping) return;
      quickCrashes = Date.now() - startedAt >= stableAfterMs ? 0 : quickCrashes + 1;
      const delay = Math.min(maxDelayMs, initialDelayMs * 2 ** Math.max(0, quickCrashes - 1));
      restarts += 1;
      write(`${prefix} exited (${signal ?? `code ${code}`}); restarting in ${Math.round(delay / 100) / 10} s as [${label()}]`);
      timer = setTimeout(launch, delay);
    });
  };
  launch();

  return {
    name: service.name,
    url: `http://127.0.0.1:${port}`,
    get restarts() {
      return restarts;
    },
    pid: () => (current.child.exitCode === null && current.child.signalCode === null ? current.child.pid : undefined),
    ready: async (timeoutMs = 120_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        try {
          return await current.ready(Math.max(1, deadline - Date.now()));
        } catch (error) {
          // The process died while starting: the next run may still make it in time.
          if (stopping || Date.now() >= deadline) throw error;
          await new Promise((resolve) => setTimeout(resolve, 500));
        }
      }
    },
    stop: async () => {
      stopping = true;
      clearTimeout(timer);
      await current.stop();
    },
  };
}
