import { randomBytes } from 'node:crypto';

// Runs before each test file's modules load (setupFiles), so `Topics` of libs/contracts names
// this file's own topics: stacks of other files on the run's one broker never see its events, nor
// it theirs. Services the file starts in child processes inherit the variable.
process.env['KAFKA_TOPIC_NAMESPACE'] = `t-${randomBytes(4).toString('hex')}`;
