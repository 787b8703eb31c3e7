import { StreamOrderConflictError } from '@motcua/event-store';
import { DomainError } from './domain-error';
import { toProblem } from './problem-details';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('toProblem', () => {
  it.each([
    ['PostgreSQL out of connections (53300)', withCode('sorry, too many clients already', '53300')],
    ['PostgreSQL refused the connection', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['PostgreSQL shutting down (57P01)', withCode('terminating connection due to administrator command', '57P01')],
    ['a pooled connection that went away', new Error('Connection terminated unexpectedly')],
  ])('answers an outage with 503 SERVICE.UNAVAILABLE, never 500: %s', (_name, error) => {
    expect(toProblem(error)).toMatchObject({ status: 503, code: 'SERVICE.UNAVAILABLE', title: 'Service Unavailable' });
  });

  it('keeps a lost race on a stream a 409, although it may be retried', () => {
    expect(toProblem(new StreamOrderConflictError('dossier-1'))).toMatchObject({ status: 409 });
  });

  it('leaves a real fault unexpected (500 after logging), and a domain refusal its own status', () => {
    expect(toProblem(new Error('undefined is not a function'))).toBeUndefined();
    expect(toProblem(withCode('duplicate key value violates unique constraint', '23505'))).toBeUndefined();
    expect(toProblem(new DomainError('DOSSIER.NOT_FOUND', 'NOT_FOUND', 'No such dossier'))).toMatchObject({ status: 404, code: 'DOSSIER.NOT_FOUND' });
  });
});
