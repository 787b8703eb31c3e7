import { generateKeyPairSync } from 'node:crypto';
import { ed25519Signer } from '../signature/ed25519';
import { signedBytes } from '../signature/result-manifest';
import { verifyManifestSignature } from '../signature/ed25519';
import type { ResultCommand } from './result.commands';
import { resultDecider } from './result.decider';
import type { Resolution, ResultEvent } from './result.events';

const dossierId = '7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6';
const keys = generateKeyPairSync('ed25519');
const signer = ed25519Signer('key-1', keys.privateKey);
const sha = (c: string) => c.repeat(64);

const resolution = (overrides: Partial<Resolution> = {}): Resolution => ({
  dossierId,
  code: 'H56.22-250303-0007',
  outcome: 'APPROVED',
  resolvedAt: '2025-03-10T03:00:00.000Z',
  unit: 'H56.22',
  procedureCode: 'SAMPLE.DD.01',
  procedureVersion: 2,
  applicantRef: 'a'.repeat(64),
  eResultAllowed: true,
  returnsDocument: true,
  delivery: 'ONLINE',
  channel: 'ONLINE',
  resultDocument: { documentId: 'doc-r', name: 'Giấy chứng nhận' },
  ...overrides,
});
const noted = (overrides: Partial<Resolution> = {}): ResultEvent => ({ type: 'ResolutionNoted', data: resolution(overrides) });
const stored = { documentId: 'doc-r', sha256: sha('b'), mediaType: 'application/pdf', storedAt: '2025-03-10T02:00:00.000Z' };
const issueE: ResultCommand = { type: 'IssueElectronicResult', document: stored, signer };
const at = new Date('2025-03-11T02:00:00.000Z');

/** Given events, when commands in turn: the events each produced, or its error code. */
function run(history: ResultEvent[], ...commands: ResultCommand[]) {
  let state = history.reduce(resultDecider.evolve, resultDecider.initialState);
  return commands.map((command) => {
    try {
      const events = resultDecider.decide(command, state);
      state = events.reduce(resultDecider.evolve, state);
      return events;
    } catch (error) {
      return (error as { code: string }).code;
    }
  });
}

describe('result decider', () => {
  it('notes a resolution once', () => {
    const [first, again] = run([], { type: 'NoteResolution', resolution: resolution() }, { type: 'NoteResolution', resolution: resolution() });
    expect((first as ResultEvent[]).map((e) => e.type)).toEqual(['ResolutionNoted']);
    expect(again).toEqual([]);
  });

  it('signs the stored document once, at the later of the two facts, with a manifest the signature covers', () => {
    const [events, again] = run([noted()], issueE, issueE);
    const issued = (events as ResultEvent[])[0];
    if (issued.type !== 'ResultIssued' || issued.data.result.form !== 'ELECTRONIC' || !issued.data.manifest) throw new Error('expected an e-result');
    expect(issued.data.issuedAt).toBe('2025-03-10T03:00:00.000Z');
    expect(issued.data.manifest).toMatchObject({ version: 1, dossierId, issuer: 'H56.22', keyId: 'key-1', procedure: { code: 'SAMPLE.DD.01', version: 2 }, document: { documentId: 'doc-r', sha256: sha('b'), mediaType: 'application/pdf' } });
    expect(verifyManifestSignature(issued.data.manifest, Buffer.from(issued.data.result.signature, 'base64'), keys.publicKey)).toBe(true);
    expect(signedBytes(issued.data.manifest).toString()).toContain('"keyId":"key-1"');
    expect(again).toEqual([]);
  });

  it('blocks instead of signing when the decision named another hash, and stays blocked', () => {
    const [events, again] = run([noted({ resultDocument: { documentId: 'doc-r', name: 'GCN', sha256: sha('c') } })], issueE, issueE);
    expect(events).toEqual([
      { type: 'IssuanceBlocked', data: { dossierId, blockedAt: '2025-03-10T03:00:00.000Z', documentId: 'doc-r', reason: 'DOCUMENT_HASH_MISMATCH', expectedSha256: sha('c'), storedSha256: sha('b') } },
    ]);
    expect(again).toEqual([]);
  });

  it('signs nothing for a procedure without e-results or for another document', () => {
    expect(run([noted({ eResultAllowed: false })], issueE)).toEqual([[]]);
    expect(run([noted()], { ...issueE, document: { ...stored, documentId: 'other' } })).toEqual([[]]);
  });

  it('issues a paper result only where the procedure has no e-result, once', () => {
    const paper: ResultCommand = { type: 'IssuePaperResult', documentNumber: 'GCN-0042', at };
    const [events, again] = run([noted({ eResultAllowed: false })], paper, paper);
    expect(events).toEqual([{ type: 'ResultIssued', data: { dossierId, code: 'H56.22-250303-0007', issuedAt: at.toISOString(), applicantRef: 'a'.repeat(64), result: { form: 'PAPER', documentNumber: 'GCN-0042' } } }]);
    expect(again).toBe('RESULT.ALREADY_ISSUED');
    expect(run([noted()], paper)).toEqual(['RESULT.ELECTRONIC_EXPECTED']);
    expect(run([], paper)).toEqual(['RESULT.NOT_FOUND']);
  });

  it('delivers an issued result once, completing the dossier; not before it is issued', () => {
    const deliver: ResultCommand = { type: 'DeliverResult', method: 'ONLINE', at };
    expect(run([noted()], deliver)).toEqual(['RESULT.NOT_ISSUED']);
    const [, delivered, again] = run([noted()], issueE, deliver, { ...deliver, method: 'COUNTER' });
    expect((delivered as ResultEvent[]).map((e) => e.type)).toEqual(['ResultDelivered', 'DossierCompleted']);
    expect(again).toBe('RESULT.ALREADY_DELIVERED');
  });

  it('hands a paper result over at the counter or by post, never online', () => {
    const paper: ResultCommand = { type: 'IssuePaperResult', documentNumber: 'GCN-1', at };
    expect(run([noted({ eResultAllowed: false })], paper, { type: 'DeliverResult', method: 'ONLINE', at })[1]).toBe('RESULT.PAPER_NOT_ONLINE');
    expect((run([noted({ eResultAllowed: false })], paper, { type: 'DeliverResult', method: 'POSTAL', at })[1] as ResultEvent[]).length).toBe(2);
  });

  it('completes an approval that returns no document when its notice is delivered; nothing to issue', () => {
    const history = [noted({ returnsDocument: false, resultDocument: null })];
    expect(run(history, { type: 'IssuePaperResult', documentNumber: 'X', at })).toEqual(['RESULT.NOTHING_TO_ISSUE']);
    expect((run(history, { type: 'DeliverResult', method: 'ONLINE', at })[0] as ResultEvent[]).map((e) => e.type)).toEqual(['ResultDelivered', 'DossierCompleted']);
  });

  describe('ways out of a blocked issuance', () => {
    const blockedHistory = (): ResultEvent[] => {
      const history = [noted({ resultDocument: { documentId: 'doc-r', name: 'GCN', sha256: sha('c') } })];
      return [...history, ...(run(history, issueE)[0] as ResultEvent[])];
    };
    const corrected = { documentId: 'doc-r2', sha256: sha('d'), mediaType: 'application/pdf', storedAt: '2025-03-11T01:00:00.000Z' };
    const name = (documentId: string, sha256: string): ResultCommand => ({ type: 'NameCorrectedDocument', documentId, sha256, by: 'officer@H56.10', at });
    const toPaper: ResultCommand = { type: 'SwitchToPaper', reason: 'Bản điện tử sai lệch', by: 'leader@H56.10', at };

    it('signs a corrected document named by an officer, issued no earlier than the naming, keeping the blocked attempt in the history', () => {
      const history = blockedHistory();
      const [named, signed] = run(history, name('doc-r2', sha('d')), { ...issueE, document: corrected });
      expect(named).toEqual([{ type: 'CorrectedDocumentNamed', data: { dossierId, namedAt: at.toISOString(), documentId: 'doc-r2', sha256: sha('d'), by: 'officer@H56.10' } }]);
      const issued = (signed as ResultEvent[])[0];
      if (issued.type !== 'ResultIssued' || !issued.data.manifest) throw new Error('expected an e-result');
      expect(issued.data.issuedAt).toBe(at.toISOString());
      expect(issued.data.manifest).toMatchObject({ document: { documentId: 'doc-r2', sha256: sha('d') }, resolvedAt: '2025-03-10T03:00:00.000Z' });
      expect(verifyManifestSignature(issued.data.manifest, Buffer.from((issued.data.result as { signature: string }).signature, 'base64'), keys.publicKey)).toBe(true);
      const state = [...history, ...(named as ResultEvent[]), issued].reduce(resultDecider.evolve, resultDecider.initialState);
      expect(state.history.map((entry) => entry.act)).toEqual(['RESOLVED', 'BLOCKED', 'CORRECTED_DOCUMENT_NAMED', 'ISSUED']);
      expect(state.history[1]).toMatchObject({ documentId: 'doc-r', expectedSha256: sha('c'), storedSha256: sha('b') });
      expect(state).toMatchObject({ status: 'ISSUED', blocked: undefined });
    });

    it('blocks again when the corrected document stored has another hash than the officer named, ignoring other documents', () => {
      const [, other, again] = run(blockedHistory(), name('doc-r2', sha('e')), issueE, { ...issueE, document: corrected });
      expect(other).toEqual([]);
      expect(again).toMatchObject([{ type: 'IssuanceBlocked', data: { documentId: 'doc-r2', expectedSha256: sha('e'), storedSha256: sha('d') } }]);
    });

    it('tries again only a blocked issuance', () => {
      expect(run([noted()], name('doc-r2', sha('d')))).toEqual(['RESULT.NOT_BLOCKED']);
      expect(run([noted()], issueE, name('doc-r2', sha('d')))[1]).toBe('RESULT.ALREADY_ISSUED');
      expect(run([noted({ returnsDocument: false, resultDocument: null })], name('doc-r2', sha('d')))).toEqual(['RESULT.NOTHING_TO_ISSUE']);
    });

    it('switches a blocked result to paper: nothing is signed any more, and the printed result is issued', () => {
      const [switched, late, paper] = run(blockedHistory(), toPaper, { ...issueE, document: { ...stored, sha256: sha('c') } }, { type: 'IssuePaperResult', documentNumber: 'GCN-7', at });
      expect(switched).toEqual([{ type: 'SwitchedToPaper', data: { dossierId, switchedAt: at.toISOString(), reason: 'Bản điện tử sai lệch', by: 'leader@H56.10' } }]);
      expect(late).toEqual([]);
      expect(paper).toMatchObject([{ type: 'ResultIssued', data: { result: { form: 'PAPER', documentNumber: 'GCN-7' } } }]);
    });

    it('switches a result still waiting for its document, once; never one already issued or without e-results', () => {
      expect((run([noted()], toPaper, toPaper) as unknown[])[1]).toBe('RESULT.ALREADY_PAPER');
      expect(run([noted({ eResultAllowed: false })], toPaper)).toEqual(['RESULT.ALREADY_PAPER']);
      expect(run([noted()], issueE, toPaper)[1]).toBe('RESULT.ALREADY_ISSUED');
      expect(run([noted()], { type: 'IssuePaperResult', documentNumber: 'GCN-7', at })).toEqual(['RESULT.ELECTRONIC_EXPECTED']);
    });

    it('names the deciding agency as the issuer, the receiving unit for resolutions noted before issuers were kept', () => {
      const [inter] = run([noted({ issuer: 'H56.30' })], issueE);
      expect((inter as ResultEvent[])[0]).toMatchObject({ data: { manifest: { issuer: 'H56.30' } } });
      const [legacy] = run([noted()], issueE);
      expect((legacy as ResultEvent[])[0]).toMatchObject({ data: { manifest: { issuer: 'H56.22' } } });
    });
  });
});
