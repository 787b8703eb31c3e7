import { getJestProjectsAsync } from '@nx/jest';
import type { Config } from 'jest';

// One PostgreSQL and one Kafka for the whole run, shared by every project (global setup);
// each test takes its own schema, topics and consumer groups.
export default async (): Promise<Config> => ({
  projects: await getJestProjectsAsync(),
  globalSetup: '<rootDir>/libs/testing/src/jest/global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/jest/global-teardown.ts',
  maxWorkers: 2,
  // Integration tests wait for real brokers and databases; probes end them early when they succeed.
  testTimeout: 90_000,
});
