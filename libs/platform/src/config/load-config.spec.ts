import { ConfigurationError, loadConfig } from './load-config';
import { ServiceConfig } from './service-config';

const valid = {
  DATABASE_URL: 'postgres://motcua:secret@127.0.0.1:5432/motcua',
  JWT_SECRET: 'x'.repeat(32),
  PORT: '3001',
  API_KEYS: 'portal:0123456789abcdef0123',
};

const problemsOf = (env: NodeJS.ProcessEnv): string[] => {
  try {
    loadConfig(ServiceConfig, env);
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
  return [];
};

describe('loadConfig', () => {
  it('reads a valid environment, converting numbers', () => {
    const config = loadConfig(ServiceConfig, valid);
    expect(config.PORT).toBe(3001);
    expect(config.DATABASE_URL).toBe(valid.DATABASE_URL);
  });

  it('names the variable that is missing or malformed', () => {
    expect(problemsOf({ ...valid, DATABASE_URL: undefined })).toEqual(['DATABASE_URL must be a postgres:// URL']);
    expect(problemsOf({ ...valid, DATABASE_URL: 'not a url' })).toEqual(['DATABASE_URL must be a postgres:// URL']);
    expect(problemsOf({ ...valid, PORT: 'abc' })).toEqual(['PORT must be an integer between 0 and 65535 (0: any free port)']);
    expect(problemsOf({ ...valid, JWT_SECRET: 'short' })).toEqual(['JWT_SECRET must be at least 32 characters']);
    expect(problemsOf({ ...valid, KAFKA_BROKERS: 'localhost' })).toEqual(['KAFKA_BROKERS must be a comma-separated list of host:port']);
  });

  it('requires the shared real start once simulated time is configured', () => {
    expect(problemsOf({ ...valid, CLOCK_EPOCH: '2025-01-01T00:00:00Z', CLOCK_SPEED: '1440' })).toEqual([
      'CLOCK_REAL_START must be an ISO-8601 instant (set once by whoever starts the services)',
    ]);
    expect(problemsOf({ ...valid, CLOCK_SPEED: '-2' })).toEqual(['CLOCK_SPEED must be a positive number']);
  });

  it('never echoes a secret in its message', () => {
    const problems = problemsOf({ ...valid, DATABASE_URL: 'mysql://user:hunter2@db/x' });
    expect(problems.join(' ')).not.toContain('hunter2');
  });
});
