import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './free-port';
import { BrokerProcess, launchBroker } from './kafka-process';
import { dataDir, workspaceRoot } from './workspace';

export { waitForKafka } from './kafka-process';

export interface RunningKafka {
  brokers: string[];
  origin: 'external' | 'local' | 'container';
  stop(): Promise<void>;
}

/** A broker this process launched itself, which a test may take down and bring back. */
export interface LocalKafka extends RunningKafka {
  origin: 'local';
  /** Stops the broker process and keeps its ports and data: an outage. */
  halt(): Promise<void>;
  /** Starts it again on the same ports and data directory. */
  resume(): Promise<void>;
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
  return startLocalKafka(options);
}

/**
 * A single-node broker of this process's own, whatever KAFKA_BROKERS names: for a test that must
 * stop Kafka without disturbing the broker every other test shares.
 */
export async function startLocalKafka(options: KafkaOptions): Promise<LocalKafka> {
  requireTool('java', ['-version'], 'a JDK 17 or newer (Debian: apt-get install openjdk-17-jdk-headless)');
  const classpath = resolveKafkaJars(options.log);
  const brokerPort = await freePort();
  const controllerPort = await freePort();
  const home = options.persistent ? dataDir('kafka', 'node') : dataDir(`kafka-test-${process.pid}-${randomBytes(3).toString('hex')}`);
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
  const brokers = [`127.0.0.1:${brokerPort}`];
  const launch = () =>
    launchBroker([`-Xmx${heap}`, '-Xms128m', '-XX:+UseSerialGC', '-Djava.awt.headless=true', ...java(['kafka.Kafka', configFile])], brokers, options.log);
  let broker: BrokerProcess | undefined = await launch();
  return {
    brokers,
    origin: 'local',
    halt: async () => {
      await broker?.stop();
      broker = undefined;
    },
    resume: async () => {
      broker ??= await launch();
    },
    stop: async () => {
      await broker?.stop();
      broker = undefined;
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
