import { dossierReceived } from '@motcua/testing';
import type { DocumentFacts, DossierDigitisationCommand, HeldDocumentFacts } from './dossier-digitisation.commands';
import { dossierDigitisationDecider as decider } from './dossier-digitisation.decider';
import type { DossierDigitisationEvent, ReceivedComponent } from './dossier-digitisation.events';

const dossierId = '5c3f7a2e-1b4d-4e6f-8a9b-0c1d2e3f4a5b';
const applicant = 'a'.repeat(64);
const stranger = 'b'.repeat(64);
const sha = (c: string) => c.repeat(64);
const receivedAt = '2025-03-03T02:00:00.000Z';
const at = (time: string) => new Date(`2025-03-03T${time}:00.000Z`);

const form: ReceivedComponent = { componentId: 'form', name: 'Tờ khai', provenance: 'PAPER' };
const contract: ReceivedComponent = { componentId: 'contract', name: 'Hợp đồng', provenance: 'PAPER' };
const id: ReceivedComponent = { componentId: 'id', name: 'CCCD', provenance: 'ELECTRONIC', documentId: 'doc-id' };
const birth: ReceivedComponent = { componentId: 'birth', name: 'Giấy khai sinh', provenance: 'REUSED', repositoryDocumentId: 'repo-1' };

const facts = (held: Record<string, HeldDocumentFacts> = {}, owners: Record<string, string> = {}): DocumentFacts => ({ held: new Map(Object.entries(held)), owners: new Map(Object.entries(owners)) });
const upload = (content: string, filedUnder?: string): HeldDocumentFacts => ({ sha256: sha(content), origin: 'UPLOAD', ...(filedUnder ? { filedUnder } : {}) });
const open = (components: ReceivedComponent[], known = facts()): DossierDigitisationCommand => ({
  type: 'OpenDigitisation',
  received: dossierReceived({ dossierId, receivedAt, applicantRef: applicant, channel: 'COUNTER', components }),
  facts: known,
});
const scan = (componentId: string, time: string, content = 'c'): DossierDigitisationCommand => ({
  type: 'ScanComponent',
  componentId,
  documentId: `scan-${componentId}-${content}`,
  sha256: sha(content),
  pages: 2,
  officerId: 'reception-1',
  at: at(time),
});

/** Given events, when commands in turn: the events each produced, or its error code. */
function run(history: DossierDigitisationEvent[], ...commands: DossierDigitisationCommand[]) {
  let state = history.reduce(decider.evolve, decider.initialState);
  const outcomes: (string[] | string)[] = [];
  const events: DossierDigitisationEvent[][] = [];
  for (const command of commands) {
    try {
      const decided = decider.decide(command, state);
      state = decided.reduce(decider.evolve, state);
      outcomes.push(decided.map((e) => e.type));
      events.push(decided);
    } catch (error) {
      outcomes.push((error as { code: string }).code);
      events.push([]);
    }
  }
  return { outcomes, events, state };
}
const given = (...commands: DossierDigitisationCommand[]) => run([], ...commands).events.flat();

describe('dossier digitisation decider', () => {
  it('opens a counter dossier with its paper awaiting scans, and is digitised when the last one is scanned', () => {
    const { outcomes, events, state } = run([], open([form, contract]), scan('form', '03:00'), scan('contract', '04:00'));
    expect(outcomes).toEqual([['DigitisationOpened'], ['ComponentDigitised'], ['ComponentDigitised', 'DossierDigitised']]);
    expect(events[2][1]).toEqual({ type: 'DossierDigitised', data: { dossierId, digitisedAt: at('04:00').toISOString(), components: 2 } });
    expect(events[1][0].data).toEqual({ dossierId, componentId: 'form', documentId: 'scan-form-c', digitisedAt: at('03:00').toISOString(), pages: 2, officerId: 'reception-1', sha256: sha('c') });
    expect(state.digitised).toBe(true);
  });

  it('digitises an all-electronic dossier at reception, once, even when reception is delivered again', () => {
    const { outcomes, events } = run([], open([id], facts({ 'doc-id': upload('d') })), open([id], facts({ 'doc-id': upload('d') })));
    expect(outcomes).toEqual([['DigitisationOpened', 'DossierDigitised'], []]);
    expect(events[0][1].data).toEqual({ dossierId, digitisedAt: receivedAt, components: 1 });
  });

  it('does not count an electronic component whose document is not held here', () => {
    const { outcomes, state } = run([], open([id], facts()));
    expect(outcomes).toEqual([['DigitisationOpened']]);
    expect(state.components[0]).toMatchObject({ status: 'DOCUMENT_NOT_FOUND', documentId: 'doc-id' });
    expect(state.digitised).toBe(false);
  });

  it("does not count an electronic reference to another applicant's upload, to a scan or to a result; the applicant's own filed upload counts again", () => {
    const notFound = (held: HeldDocumentFacts) => run([], open([id], facts({ 'doc-id': held }))).state.components[0].status;
    expect(notFound(upload('d', stranger))).toBe('DOCUMENT_NOT_FOUND');
    expect(notFound({ sha256: sha('d'), origin: 'SCAN', filedUnder: applicant })).toBe('DOCUMENT_NOT_FOUND');
    expect(notFound({ sha256: sha('d'), origin: 'RESULT' })).toBe('DOCUMENT_NOT_FOUND');
    expect(notFound(upload('d', applicant))).toBe('ELECTRONIC');
    const supplement: DossierDigitisationCommand = { type: 'AddComponents', at: at('05:00'), components: [id], facts: facts({ 'doc-id': upload('d', stranger) }) };
    expect(run(given(open([form])), supplement).state.components.map((c) => c.status)).toEqual(['AWAITING_SCAN', 'DOCUMENT_NOT_FOUND']);
  });

  it("reuses a document of the applicant's own repository, and the dossier counts as digitised", () => {
    const { outcomes, events } = run([], open([birth], facts({}, { 'repo-1': applicant })));
    expect(outcomes).toEqual([['DigitisationOpened', 'DocumentReused', 'DossierDigitised']]);
    expect(events[0][1].data).toEqual({ dossierId, componentId: 'birth', repositoryDocumentId: 'repo-1', reusedAt: receivedAt });
  });

  it("refuses reuse of another applicant's document or of an unknown one, and the dossier is not digitised", () => {
    const other = run([], open([birth], facts({}, { 'repo-1': stranger })));
    expect(other.outcomes).toEqual([['DigitisationOpened', 'ReuseRefused']]);
    expect(other.events[0][1].data).toMatchObject({ componentId: 'birth', reason: 'NOT_OWNED_BY_APPLICANT' });
    const unknown = run([], open([birth], facts()));
    expect(unknown.events[0][1].data).toMatchObject({ reason: 'NOT_FOUND' });
    expect(unknown.state.components[0].status).toBe('REUSE_REFUSED');
    expect(unknown.state.digitised).toBe(false);
  });

  it('answers a repeated scan with nothing new, and refuses other content for a scanned component', () => {
    const { outcomes } = run(given(open([form, contract]), scan('form', '03:00')), scan('form', '03:05'), scan('form', '03:06', 'e'));
    expect(outcomes).toEqual([[], 'DIGITISATION.ALREADY_SCANNED']);
  });

  it('refuses a scan of a component that is not paper, of an unknown component, and of an unknown dossier', () => {
    const history = given(open([form, id], facts({ 'doc-id': upload('d') })));
    expect(run(history, scan('id', '03:00'), scan('nope', '03:00')).outcomes).toEqual(['DIGITISATION.NOT_PAPER', 'DIGITISATION.COMPONENT_NOT_FOUND']);
    expect(run([], scan('form', '03:00')).outcomes).toEqual(['DIGITISATION.DOSSIER_NOT_FOUND']);
  });

  it('takes a supplement after reception: paper added makes a digitised dossier wait for its scan, then digitised again', () => {
    const map: ReceivedComponent = { componentId: 'map', name: 'Bản đồ', provenance: 'PAPER' };
    const supplement: DossierDigitisationCommand = { type: 'AddComponents', at: at('05:00'), components: [map], facts: facts() };
    const { outcomes, state } = run(given(open([id], facts({ 'doc-id': upload('d') }))), supplement, scan('map', '06:00'));
    expect(outcomes).toEqual([['ComponentsSupplemented'], ['ComponentDigitised', 'DossierDigitised']]);
    expect(state.components.map((c) => [c.componentId, c.status])).toEqual([
      ['id', 'ELECTRONIC'],
      ['map', 'DIGITISED'],
    ]);
  });

  it('lets a supplement replace a component awaiting its scan by an electronic one, which completes the dossier', () => {
    const replacement: ReceivedComponent = { componentId: 'form', name: 'Tờ khai', provenance: 'ELECTRONIC', documentId: 'doc-form' };
    const supplement: DossierDigitisationCommand = { type: 'AddComponents', at: at('05:00'), components: [replacement], facts: facts({ 'doc-form': upload('f') }) };
    expect(run(given(open([form])), supplement).outcomes).toEqual([['ComponentsSupplemented', 'DossierDigitised']]);
  });

  it('ignores a supplement for a dossier not received yet (reception carries it)', () => {
    expect(run([], { type: 'AddComponents', at: at('05:00'), components: [form], facts: facts() }).outcomes).toEqual([[]]);
  });

  it('closes a withdrawn dossier once: no new scan of a component or of the result, the same scan again still answered; nothing before reception', () => {
    const close = (time: string): DossierDigitisationCommand => ({ type: 'CloseDigitisation', at: at(time) });
    const paperResult: DossierDigitisationCommand = { type: 'AwaitPaperResult', at: at('04:00'), documentNumber: 'GCN-0001' };
    const resultScan: DossierDigitisationCommand = { type: 'ScanResult', documentId: 'scan-result', sha256: sha('9'), pages: 1, officerId: 'reception-1', at: at('09:00') };
    const { outcomes, events, state } = run(given(open([form, contract]), scan('form', '03:00'), paperResult), close('05:00'), close('06:00'), scan('contract', '07:00'), scan('form', '07:00'), resultScan);
    expect(outcomes).toEqual([['DigitisationClosed'], [], 'DIGITISATION.DOSSIER_CLOSED', [], 'DIGITISATION.DOSSIER_CLOSED']);
    expect(events[0][0].data).toEqual({ dossierId, closedAt: at('05:00').toISOString() });
    expect(state.closedAt).toBe(at('05:00').toISOString());
    expect(run([], close('05:00')).outcomes).toEqual([[]]);
  });

  it('scans a paper result once it is issued, and refuses a result scan before that', () => {
    const history = given(open([id], facts({ 'doc-id': upload('d') })));
    const resultScan: DossierDigitisationCommand = { type: 'ScanResult', documentId: 'scan-result', sha256: sha('9'), pages: 1, officerId: 'reception-1', at: at('09:00') };
    expect(run(history, resultScan).outcomes).toEqual(['DIGITISATION.NO_PAPER_RESULT']);
    const { outcomes, events } = run(history, { type: 'AwaitPaperResult', at: at('08:00'), documentNumber: 'GCN-0001' }, resultScan, resultScan);
    expect(outcomes).toEqual([['PaperResultAwaited'], ['ResultDigitised'], []]);
    expect(events[1][0].data).toEqual({ dossierId, documentId: 'scan-result', digitisedAt: at('09:00').toISOString(), pages: 1, officerId: 'reception-1', sha256: sha('9') });
  });

  it('files an e-result held here, and ignores one held elsewhere', () => {
    const history = given(open([id], facts({ 'doc-id': upload('d') })));
    expect(run(history, { type: 'FileElectronicResult', at: at('08:00'), documentId: 'doc-r', held: true }).outcomes).toEqual([['ElectronicResultFiled']]);
    expect(run(history, { type: 'FileElectronicResult', at: at('08:00'), documentId: 'doc-r', held: false }).outcomes).toEqual([[]]);
  });
});
