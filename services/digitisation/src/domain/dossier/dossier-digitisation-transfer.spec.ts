import { dossierReceived, dossierTransferred } from '@motcua/testing';
import type { DossierDigitisationCommand } from './dossier-digitisation.commands';
import { dossierDigitisationDecider as decider } from './dossier-digitisation.decider';
import { INTERNAL_DOSSIER_EVENTS, occurredAt } from './dossier-digitisation.events';
import type { DossierDigitisationEvent } from './dossier-digitisation.events';
import type { DossierDigitisationState } from './dossier-digitisation.state';

const dossierId = '5c3f7a2e-1b4d-4e6f-8a9b-0c1d2e3f4a5b';
const open: DossierDigitisationCommand = {
  type: 'OpenDigitisation',
  received: dossierReceived({ dossierId, unit: 'H56.22', channel: 'COUNTER', receivedAt: '2025-06-20T02:00:00.000Z', components: [{ componentId: 'form', name: 'Tờ khai', provenance: 'PAPER' }] }),
  facts: { held: new Map(), owners: new Map() },
};
const transfer = (overrides: Parameters<typeof dossierTransferred>[0] = { dossierId }): DossierDigitisationCommand => ({ type: 'TransferDigitisation', transfer: dossierTransferred(overrides) });
const scan: DossierDigitisationCommand = { type: 'ScanComponent', componentId: 'form', documentId: 'scan-1', sha256: 'c'.repeat(64), pages: 2, officerId: 'reception-9', at: new Date('2025-07-02T02:00:00.000Z') };

/** Given the commands before, when the last: the events it decided and the state after all. */
function given(...commands: DossierDigitisationCommand[]) {
  const state = commands.reduce<DossierDigitisationState>((s, c) => decider.decide(c, s).reduce(decider.evolve, s), decider.initialState);
  return {
    then: (command: DossierDigitisationCommand): { events: DossierDigitisationEvent[]; state: DossierDigitisationState } => {
      const events = decider.decide(command, state);
      return { events, state: events.reduce(decider.evolve, state) };
    },
  };
}

describe('dossier digitisation decider: a transfer to the successor unit', () => {
  it('moves the dossier to the successor and keeps the former unit with the end of its window, at the transfer’s time', () => {
    const { events, state } = given(open).then(transfer());
    expect(events).toEqual([
      {
        type: 'DigitisationTransferred',
        data: { dossierId, transferredAt: '2025-07-01T01:00:00.000Z', fromUnit: 'H56.22', toUnit: 'H56.40', reorganisationId: 'reorg-2025-07-01', effectiveAt: '2025-07-01T00:00:00.000Z', transitionEndsAt: '2025-07-31T00:00:00.000Z' },
      },
    ]);
    expect(occurredAt(events[0])).toBe('2025-07-01T01:00:00.000Z');
    expect(state.dossier?.unit).toBe('H56.40');
    expect(state.former).toEqual({ unit: 'H56.22', until: '2025-07-31T00:00:00.000Z' });
    // The components and their tasks are as they were: the paper still awaits its scan.
    expect(state.components.map((c) => [c.componentId, c.status])).toEqual([['form', 'AWAITING_SCAN']]);
  });

  it('changes nothing when the same transfer comes again', () => {
    expect(given(open, transfer()).then(transfer()).events).toEqual([]);
  });

  it('ignores a transfer for a dossier it never received', () => {
    const { events, state } = given().then(transfer());
    expect(events).toEqual([]);
    expect(state.status).toBe('NONE');
  });

  it('ignores a transfer from a unit that does not hold the dossier', () => {
    expect(given(open).then(transfer({ dossierId, fromUnit: 'H56.30', toUnit: 'H56.41' })).events).toEqual([]);
  });

  it('takes scans after the transfer as before it', () => {
    const { events } = given(open, transfer()).then(scan);
    expect(events.map((e) => e.type)).toEqual(['ComponentDigitised', 'DossierDigitised']);
  });

  it('keeps the transfer home: it is not one of digitisation’s integration events', () => {
    expect(INTERNAL_DOSSIER_EVENTS.has('DigitisationTransferred')).toBe(true);
  });
});
