import { dossierTransferred } from '@motcua/testing';
import type { ResultCommand } from './result.commands';
import { resultDecider } from './result.decider';
import { INTERNAL_RESULT_EVENTS } from './result.events';
import type { Resolution, ResultEvent } from './result.events';
import type { ResultState } from './result.state';

const dossierId = '7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6';
const resolution = (overrides: Partial<Resolution> = {}): Resolution => ({
  dossierId,
  code: 'H56.22-250620-0007',
  outcome: 'APPROVED',
  resolvedAt: '2025-06-27T03:00:00.000Z',
  unit: 'H56.22',
  issuer: 'H56.22',
  procedureCode: 'SAMPLE.DD.01',
  procedureVersion: 1,
  applicantRef: 'a'.repeat(64),
  eResultAllowed: false,
  returnsDocument: true,
  delivery: 'COUNTER',
  channel: 'COUNTER',
  resultDocument: { documentId: 'doc-r', name: 'Giấy chứng nhận' },
  ...overrides,
});
const note = (overrides: Partial<Resolution> = {}): ResultCommand => ({ type: 'NoteResolution', resolution: resolution(overrides) });
const transfer = (overrides: Parameters<typeof dossierTransferred>[0] = { dossierId }): ResultCommand => ({ type: 'TransferResult', transfer: dossierTransferred(overrides) });
const window = { unit: 'H56.22', until: '2025-07-31T00:00:00.000Z' };

/** Given the commands before, when the last: the events it decided and the state after all. */
function given(...commands: ResultCommand[]) {
  const state = commands.reduce<ResultState>((s, c) => resultDecider.decide(c, s).reduce(resultDecider.evolve, s), resultDecider.initialState);
  return {
    then: (command: ResultCommand): { events: ResultEvent[]; state: ResultState } => {
      const events = resultDecider.decide(command, state);
      return { events, state: events.reduce(resultDecider.evolve, state) };
    },
  };
}

describe('result decider: a transfer to the successor unit', () => {
  it('moves a single-unit result (issuer and desk) to the successor, the former unit keeping its window for both', () => {
    const { events, state } = given(note()).then(transfer());
    expect(events).toEqual([
      {
        type: 'ResultTransferred',
        data: { dossierId, transferredAt: '2025-07-01T01:00:00.000Z', fromUnit: 'H56.22', toUnit: 'H56.40', reorganisationId: 'reorg-2025-07-01', effectiveAt: '2025-07-01T00:00:00.000Z', transitionEndsAt: '2025-07-31T00:00:00.000Z' },
      },
    ]);
    expect(state.resolution).toMatchObject({ unit: 'H56.40', issuer: 'H56.40', resolvedAt: '2025-06-27T03:00:00.000Z' });
    expect(state.former).toEqual({ unit: window, issuer: window });
    expect(state.status).toBe('RESOLVED');
    expect(state.history.map((h) => h.act)).toEqual(['RESOLVED']);
  });

  it('moves only the desk when another agency decided: that agency still issues', () => {
    const { state } = given(note({ issuer: 'H56.30' })).then(transfer());
    expect(state.resolution).toMatchObject({ unit: 'H56.40', issuer: 'H56.30' });
    expect(state.former).toEqual({ unit: window });
  });

  it('moves only the issuer when the merged unit decided for another desk', () => {
    const { state } = given(note({ unit: 'H56.10' })).then(transfer());
    expect(state.resolution).toMatchObject({ unit: 'H56.10', issuer: 'H56.40' });
    expect(state.former).toEqual({ issuer: window });
  });

  it('moves an issued result awaiting its delivery', () => {
    const { events, state } = given(note(), { type: 'IssuePaperResult', documentNumber: 'GCN-1', at: new Date('2025-06-28T02:00:00.000Z') }).then(transfer());
    expect(events.map((e) => e.type)).toEqual(['ResultTransferred']);
    expect(state.status).toBe('ISSUED');
    expect(state.resolution?.unit).toBe('H56.40');
  });

  it('changes nothing when the same transfer comes again', () => {
    expect(given(note(), transfer()).then(transfer()).events).toEqual([]);
  });

  it('ignores a transfer for a dossier not resolved yet: the decision will name the successor', () => {
    const { events, state } = given().then(transfer());
    expect(events).toEqual([]);
    expect(state.status).toBe('NONE');
  });

  it('ignores a transfer from a unit the result does not name', () => {
    expect(given(note({ unit: 'H56.10', issuer: 'H56.30' })).then(transfer()).events).toEqual([]);
  });

  it('keeps the transfer home: it is not one of issuance’s integration events', () => {
    expect(INTERNAL_RESULT_EVENTS.has('ResultTransferred')).toBe(true);
  });
});
