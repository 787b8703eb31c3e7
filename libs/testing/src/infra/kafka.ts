import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { freePort } from './free-port';
import { dataDir, workspaceRoot } from './workspace';

export interface RunningKafka {
  brokers: string[];
  origin: 'external' | 'local' | 'container';
  stop(): Promise<void>;
}

export interface KafkaOptions {
  persistent: boolean;
  heap?: string;
  log?: (line: string) => void;
}

/**
 * Kafka from KAFKA_BROKERS when set, otherwise a single-node Apache Kafka in KRaft mode run with
 * the machine's JDK, its jars resolved by Maven at the version pinned in deploy/kafka/pom.xml.
 */
export async function startKafka(options: KafkaOptions): Promise<RunningKafka> {
  const external = process.env['KAFKA_BROKERS'];
  if (external) return { brokers: external.split(','), origin: 'external', stop: async () => undefined };

  requireTool('java', ['-version'], 'a JDK 17 or newer (Debian: apt-get install openjdk-17-jdk-headless)');
  const classpath = resolveKafkaJars(options.log);
  const brokerPort = await freePort();
  const controllerPort = await freePort();
  const home = options.persistent ? dataDir('kafka', 'node') : dataDir(`kafka-test-${process.pid}`);
  const logDir = join(home, 'logs');
  if (!options.persistent) rmSync(home, { recursive: true, force: true });
  mkdirSync(logDir, { recursive: true });

  const configFile = join(home, 'server.properties');
  writeFileSync(configFile, renderConfig({ brokerPort, controllerPort, logDir, offsetsPartitions: options.persistent ? 10 : 3 }));
  const java = (args: string[]) => ['-cp', classpath, `-Dlog4j2.configurationFile=${kafkaDeployFile('log4j2.yaml')}`, ...args];

  if (!existsSync(join(logDir, 'meta.properties'))) {
    const clusterId = run('java', java(['kafka.tools.StorageTool', 'random-uuid'])).trim().split('\n').pop() ?? '';
    run('java', java(['kafka.tools.StorageTool', 'format', '-t', clusterId, '-c', configFile, '--ignore-formatted']));
  }

  const heap = options.heap ?? '512m';
  const broker = spawn('java', [`-Xmx${heap}`, '-Xms128m', '-XX:+UseSerialGC', '-Djava.awt.headless=true', ...java(['kafka.Kafka', configFile])], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) {
      output.push(line);
      if (output.length > 200) output.shift();
      options.log?.(line);
    }
  };
  broker.stdout?.on('data', collect);
  broker.stderr?.on('data', collect);

  // If this process ends without stopping the broker (a crashed test run), the broker goes too.
  const killOnExit = () => broker.kill('SIGKILL');
  process.once('exit', killOnExit);
  const brokers = [`127.0.0.1:${brokerPort}`];
  try {
    await waitForKafka(brokers, () => (broker.exitCode !== null ? `Kafka exited with code ${broker.exitCode}:\n${output.join('\n')}` : undefined));
  } catch (error) {
    broker.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n${output.join('\n')}`);
  }
  return {
    brokers,
    origin: 'local',
    stop: async () => {
      process.removeListener('exit', killOnExit);
      await stopProcess(broker);
      if (!options.persistent) rmSync(home, { recursive: true, force: true });
    },
  };
}

export function pinnedKafkaVersion(): string {
  const pom = readFileSync(kafkaDeployFile('pom.xml'), 'utf8');
  const match = /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(pom);
  if (!match) throw new Error('deploy/kafka/pom.xml does not pin <kafka.version>');
  return match[1];
}

function kafkaDeployFile(name: string): string {
  return join(workspaceRoot(), 'deploy', 'kafka', name);
}

/** Maven copies the broker's runtime classpath once per pinned version into .data/kafka/<version>/. */
function resolveKafkaJars(log?: (line: string) => void): string {
  const libs = dataDir('kafka', pinnedKafkaVersion(), 'libs');
  const done = join(libs, '.resolved');
  if (!existsSync(done)) {
    requireTool('mvn', ['-v'], 'Apache Maven 3.8 or newer (Debian: apt-get install maven)');
    log?.(`resolving Apache Kafka ${pinnedKafkaVersion()} with Maven into ${libs}`);
    rmSync(libs, { recursive: true, force: true });
    run('mvn', ['-q', '-B', '-f', kafkaDeployFile('pom.xml'), 'dependency:copy-dependencies', `-DoutputDirectory=${libs}`]);
    writeFileSync(done, new Date().toISOString());
  }
  return join(libs, '*');
}

function renderConfig(values: { brokerPort: number; controllerPort: number; logDir: string; offsetsPartitions: number }): string {
  return readFileSync(kafkaDeployFile('server.properties'), 'utf8')
    .replaceAll('{{BROKER_PORT}}', String(values.brokerPort))
    .replaceAll('{{CONTROLLER_PORT}}', String(values.controllerPort))
    .replaceAll('{{LOG_DIR}}', values.logDir)
    .replaceAll('{{OFFSETS_PARTITIONS}}', String(values.offsetsPartitions));
}

function requireTool(command: string, args: string[], what: string): void {
  const result = spawnSync(command, args, { stdio: 'ignore' });
  if (result.error) {
    throw new Error(
      `Kafka cannot start locally: '${command}' was not found. Install ${what}, ` +
        'or set KAFKA_BROKERS to the address of a running broker.',
    );
  }
}

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.slice(-4).join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
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
