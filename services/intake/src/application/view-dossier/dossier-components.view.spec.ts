import { dossierDecider } from '../../domain/dossier/dossier.decider';
import type { DossierEvent } from '../../domain/dossier/dossier.events';
import { componentsView, supplementsView } from './dossier-components.view';

const dossierId = '0f6a3b1c-2d4e-4f50-8a61-7b8c9d0e1f2a';
const code = 'H56.22-250303-0001';
const paper = (componentId: string) => ({ componentId, name: componentId, provenance: 'PAPER' as const });

const history: DossierEvent[] = [
  {
    type: 'DossierSubmitted',
    data: {
      dossierId, code, submittedAt: '2025-03-03T02:00:00.000Z', channel: 'ONLINE', unit: 'H56.22', procedureCode: 'SAMPLE.DD.01', procedureVersion: 1,
      applicantRef: 'a'.repeat(64), applicantKind: 'INDIVIDUAL', components: [paper('form'), paper('contract')], delivery: 'ONLINE',
    },
  },
  { type: 'DossierReturnedForSupplement', data: { dossierId, code, returnedAt: '2025-03-03T03:00:00.000Z', missing: ['Hợp đồng công chứng'], officerId: 'o1' } },
  { type: 'SupplementProvided', data: { dossierId, code, providedAt: '2025-03-04T02:00:00.000Z', components: [{ componentId: 'contract', name: 'Hợp đồng', provenance: 'ELECTRONIC', documentId: 'doc-2' }] } },
  { type: 'SupplementAwaited', data: { dossierId, requestId: 'req-1', requestedAt: '2025-03-05T02:00:00.000Z', missing: ['Mảnh trích đo'] } },
  { type: 'SupplementProvided', data: { dossierId, code, providedAt: '2025-03-06T02:00:00.000Z', requestId: 'req-1', components: [paper('survey')] } },
];

describe("the desk's view of a dossier's components", () => {
  const state = history.reduce(dossierDecider.evolve, dossierDecider.initialState);

  it('lists every component taken, with the act that brought it and whether a later one replaced it', () => {
    expect(componentsView(state).map((c) => [c.componentId, c.provenance, c.broughtBy.kind === 'SUPPLEMENT' ? c.broughtBy.sequence : 0, c.current])).toEqual([
      ['form', 'PAPER', 0, true],
      ['contract', 'PAPER', 0, false],
      ['contract', 'ELECTRONIC', 1, true],
      ['survey', 'PAPER', 2, true],
    ]);
    expect(componentsView(state)[2]).toMatchObject({ documentId: 'doc-2', broughtBy: { beforeReception: true } });
  });

  it('lists the supplements: a return at reception names no request, a department’s answer names its own', () => {
    expect(supplementsView(state)).toEqual([
      { sequence: 1, providedAt: '2025-03-04T02:00:00.000Z', beforeReception: true, componentIds: ['contract'] },
      { sequence: 2, providedAt: '2025-03-06T02:00:00.000Z', requestId: 'req-1', beforeReception: false, componentIds: ['survey'] },
    ]);
  });
});
