import { getJestProjectsAsync } from '@nx/jest';
import type { Config } from 'jest';

// Every project in one run; the shared preset provisions one PostgreSQL and one Kafka for all of
// them (global setup), and each test takes its own schema, topics and consumer groups.
export default async (): Promise<Config> => ({
  // The deployment's checks (deploy/jest.config.ts) live outside the Nx projects.
  projects: [...(await getJestProjectsAsync()), '<rootDir>/deploy/jest.config.ts'],
  maxWorkers: 2,
  // Integration tests wait for real brokers and databases, whose group joins and rebalances take
  // seconds to tens of seconds on a busy machine; probes end them early when they succeed.
  testTimeout: 180_000,
});
