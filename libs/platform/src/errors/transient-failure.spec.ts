import { isTransient } from './transient-failure';

const withCode = (code: string) => Object.assign(new Error('failed'), { code });

describe('isTransient', () => {
  it.each([
    ['connection refused', withCode('ECONNREFUSED')],
    ['connection reset', withCode('ECONNRESET')],
    ['admin shutdown (57P01)', withCode('57P01')],
    ['crash shutdown (57P02)', withCode('57P02')],
    ['cannot connect now (57P03)', withCode('57P03')],
    ['connection failure (08006)', withCode('08006')],
    ['too many connections (53300)', withCode('53300')],
    ['serialization failure (40001)', withCode('40001')],
    ['deadlock (40P01)', withCode('40P01')],
    ['a retryable error', Object.assign(new Error('stream order conflict'), { code: 'EVENT_STORE.STREAM_ORDER_CONFLICT', retryable: true })],
    ['a retriable kafkajs error', Object.assign(new Error('not leader'), { name: 'KafkaJSProtocolError', retriable: true })],
    ['a kafkajs connection error', Object.assign(new Error('closed'), { name: 'KafkaJSConnectionError' })],
    ['a connection lost mid-transaction', new Error('Connection terminated unexpectedly')],
    ['a pool that could not connect in time', new Error('timeout exceeded when trying to connect')],
    ['every address refused', new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')])],
    ['a wrapped cause', new Error('handler failed', { cause: withCode('57P01') })],
  ])('treats %s as transient', (_name, error) => {
    expect(isTransient(error)).toBe(true);
  });

  it.each([
    ['a unique violation (23505)', withCode('23505')],
    ['bad input syntax (22P02)', withCode('22P02')],
    ['a domain error', withCode('CASE.NOT_FOUND')],
    ['a malformed message', Object.assign(new Error('invalid message: value is not JSON'), { code: 'CONTRACTS.INVALID_MESSAGE' })],
    ['a plain error', new Error('cannot apply this one')],
    ['a non-retriable kafkajs error', Object.assign(new Error('too large'), { name: 'KafkaJSNonRetriableError', retriable: false })],
    ['nothing', undefined],
  ])('treats %s as deterministic', (_name, error) => {
    expect(isTransient(error)).toBe(false);
  });
});
