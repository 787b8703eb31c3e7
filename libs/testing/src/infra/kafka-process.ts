import { ChildProcess, spawn } from 'node:child_process';
import { Kafka, logLevel } from 'kafkajs';

export interface BrokerProcess {
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Runs `java <args>` as a broker and waits until it answers on `brokers`; its last lines of output
 * go into the error when it dies first. If this process ends without stopping it (a crashed test
 * run), the broker goes too.
 */
export async function launchBroker(javaArgs: string[], brokers: string[], log?: (line: string) => void): Promise<BrokerProcess> {
  const child = spawn('java', javaArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) {
      output.push(line);
      if (output.length > 200) output.shift();
      log?.(line);
    }
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  try {
    await waitForKafka(brokers, () => (child.exitCode !== null ? `Kafka exited with code ${child.exitCode}:\n${output.join('\n')}` : undefined));
  } catch (error) {
    child.kill('SIGKILL');
    process.removeListener('exit', killOnExit);
    throw new Error(`${(error as Error).message}\n${output.join('\n')}`);
  }
  return {
    child,
    stop: async () => {
      process.removeListener('exit', killOnExit);
      await stopProcess(child);
    },
  };
}

/** Waits until the broker answers an admin request; `failed` reports a broker that died meanwhile. */
export async function waitForKafka(brokers: string[], failed: () => string | undefined = () => undefined): Promise<void> {
  const kafka = new Kafka({ clientId: 'motcua-provision', brokers, logLevel: logLevel.NOTHING, retry: { retries: 0 } });
  const deadline = Date.now() + 120_000;
  let lastError: unknown;
  while (Date.now() < deadline) {
    const failure = failed();
    if (failure) throw new Error(failure);
    const admin = kafka.admin();
    try {
      await admin.connect();
      await admin.describeCluster();
      return;
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 300));
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }
  throw new Error(`Kafka did not become ready in 120 s (${String(lastError)})`);
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}
