// Shared by every project's jest.config.ts. ts-jest transpiles file by file (isolatedModules in
// tsconfig.spec.json): the type check is `tsc` in npm test's first step, not a per-file cost.
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.base.json');

module.exports = {
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/../../' }),
  testMatch: ['**/?(*.)+(spec).ts'],
  // One PostgreSQL and one Kafka per Jest run (DATABASE_URL / KAFKA_BROKERS when set): Jest runs
  // the same setup file once even when several projects name it.
  globalSetup: require.resolve('./libs/testing/src/jest/global-setup.ts'),
  globalTeardown: require.resolve('./libs/testing/src/jest/global-teardown.ts'),
  // Each test file its own topics (KAFKA_TOPIC_NAMESPACE), as each has its own schemas and groups.
  setupFiles: [require.resolve('./libs/testing/src/jest/topic-namespace.ts')],
  // Read when a project runs alone (nx test <project>); the root jest.config.ts sets it for the whole run.
  testTimeout: 180_000,
};
