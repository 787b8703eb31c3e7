import { termsAt } from '../plan/demo-catalogue';
import { ActContext, idOf, openCase, probe } from './act-context';

const leaderOf = (c: ActContext, agency: unknown) => c.client.officer('LEADER', String(agency));

export async function requestSupplement(c: ActContext): Promise<void> {
  const view = await openCase(c);
  const asked = await c.client.expect([201], 'processing', 'POST', `/cases/${idOf(c.d)}/supplement-requests`, leaderOf(c, view['agency']), { missing: ['Văn bản xác nhận của cơ quan có thẩm quyền'] });
  c.d.supplementRequests.push({ requestedAt: String(asked['requestedAt']), answeredAt: null });
}

/** To the next agency, if the procedure the case carries has one (its terms may differ from the plan's, when reception ran late). */
export async function handOff(c: ActContext): Promise<void> {
  const view = await openCase(c);
  if (Number(view['step']) >= (view['procedure'] as { agencies: string[] }).agencies.length) return;
  await c.client.expect([200], 'processing', 'POST', `/cases/${idOf(c.d)}/hand-off`, leaderOf(c, view['agency']));
}

export async function stop(c: ActContext): Promise<void> {
  const view = await probe(c, 'processing', `/cases/${idOf(c.d)}`, (s, b) => s === 200 && (b['status'] === 'OPEN' || b['status'] === 'PAUSED'), 'the case in processing');
  const answer = await c.client.expect([200], 'processing', 'POST', `/cases/${idOf(c.d)}/stop`, leaderOf(c, view['agency']), { reason: 'Cơ quan có thẩm quyền dừng xử lý theo đề nghị của người nộp' });
  c.d.stoppedAt = String(answer['stoppedAt']);
}

/**
 * The last agency decides once every earlier one has handed the case on: a result document of
 * the department's, uploaded to digitisation, or the written notice of a denial.
 */
export async function resolve(c: ActContext, outcome: 'APPROVED' | 'DENIED'): Promise<void> {
  const view = await openCase(c);
  const agencies = (view['procedure'] as { agencies: string[] }).agencies;
  for (let step = Number(view['step']); step < agencies.length; step++) {
    await c.client.expect([200], 'processing', 'POST', `/cases/${idOf(c.d)}/hand-off`, leaderOf(c, agencies[step - 1]));
  }
  const agency = agencies[agencies.length - 1] ?? view['agency'];
  const terms = termsAt(c.catalogue, c.d.plan.procedureCode, Date.parse(c.d.receivedAt ?? ''));
  const documents = [];
  if (outcome === 'DENIED' || terms?.returnsDocument !== false) {
    const stored = await c.client.upload(c.client.officer('PROCESSING_OFFICER', String(agency)), outcome === 'DENIED' ? 'thong-bao-tu-choi' : 'ket-qua', 'RESULT');
    documents.push({ documentId: stored.documentId, name: outcome === 'DENIED' ? 'Thông báo từ chối giải quyết' : 'Kết quả giải quyết thủ tục hành chính', sha256: stored.sha256 });
  }
  const decided = await c.client.expect([200], 'processing', 'POST', `/cases/${idOf(c.d)}/resolve`, leaderOf(c, agency), { outcome, resultDocuments: documents });
  c.d.resolvedAt = String(decided['resolvedAt']);
  c.d.outcome = decided['outcome'] as 'APPROVED' | 'DENIED';
}
