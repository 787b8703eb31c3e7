import { GenericContainer, getContainerRuntimeClient, StartedTestContainer, Wait } from 'testcontainers';
import { freePort } from './free-port';
import { waitForKafka } from './kafka';
import type { RunningKafka } from './kafka';
import type { RunningPostgres } from './postgres';

/** True when a Docker (or compatible) engine answers; testcontainers is then preferred for tests. */
export async function containerRuntimeAvailable(): Promise<boolean> {
  if (process.env['MOTCUA_TESTCONTAINERS'] === 'off') return false;
  try {
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}

export async function startPostgresContainer(): Promise<RunningPostgres> {
  const container = await new GenericContainer('postgres:17-alpine')
    .withEnvironment({ POSTGRES_USER: 'postgres', POSTGRES_PASSWORD: 'postgres', POSTGRES_DB: 'motcua' })
    .withCommand(['postgres', '-c', 'fsync=off', '-c', 'max_connections=300'])
    .withExposedPorts(5432)
    .withWaitStrategy(Wait.forLogMessage(/database system is ready to accept connections/, 2))
    .start();
  return {
    url: `postgres://postgres:postgres@${container.getHost()}:${container.getMappedPort(5432)}/motcua`,
    origin: 'container',
    stop: () => stopContainer(container),
  };
}

/** The advertised listener must name the port clients use, so the host port is chosen first. */
export async function startKafkaContainer(version: string): Promise<RunningKafka> {
  const port = await freePort();
  const container = await new GenericContainer(`apache/kafka:${version}`)
    .withEnvironment({
      KAFKA_NODE_ID: '1',
      KAFKA_PROCESS_ROLES: 'broker,controller',
      KAFKA_LISTENERS: 'PLAINTEXT://:9092,CONTROLLER://:9093',
      KAFKA_ADVERTISED_LISTENERS: `PLAINTEXT://127.0.0.1:${port}`,
      KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
      KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9093',
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
      KAFKA_OFFSETS_TOPIC_NUM_PARTITIONS: '3',
      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
      KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR: '1',
      KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR: '1',
      KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
      KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false',
      KAFKA_HEAP_OPTS: '-Xmx512m -Xms128m',
    })
    .withExposedPorts({ container: 9092, host: port })
    .start();
  const brokers = [`127.0.0.1:${port}`];
  await waitForKafka(brokers);
  return { brokers, origin: 'container', stop: () => stopContainer(container) };
}

async function stopContainer(container: StartedTestContainer): Promise<void> {
  await container.stop({ remove: true });
}
