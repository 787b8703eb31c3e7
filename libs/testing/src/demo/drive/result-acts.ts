import { eventually } from '../../eventually';
import { ActContext, applicantSide, idOf, probe, PROBE_TIMEOUT_MS } from './act-context';
import { UnexpectedAnswer } from './demo-client';

const desk = (c: ActContext) => c.client.officer('RECEPTION_OFFICER', c.d.plan.unit);

/** The paper result of a procedure without e-results, printed and numbered by the deciding agency. */
export async function issuePaperResult(c: ActContext): Promise<void> {
  const result = await probe(c, 'issuance', `/results/${idOf(c.d)}`, (s, b) => s === 200 && b['awaiting'] === 'PAPER_RESULT', 'the decision known to issuance');
  const issuer = c.client.officer('PROCESSING_OFFICER', String(result['issuer']));
  await c.client.expect([201], 'issuance', 'POST', `/results/${idOf(c.d)}/paper`, issuer, { documentNumber: `${c.d.code ?? 'KQ'}/KQ` });
}

export async function scanResult(c: ActContext): Promise<void> {
  await probe(c, 'digitisation', `/dossiers/${idOf(c.d)}/digitisation`, (s, b) => s === 200 && b['result'] !== undefined, 'the paper result known to digitisation');
  await c.client.scan(desk(c), `/dossiers/${idOf(c.d)}/result/scan`, 'ket-qua-giay');
}

/**
 * The applicant takes the result: an e-result downloaded through the portal, anything else at
 * the counter or by post.
 */
export async function deliver(c: ActContext): Promise<void> {
  const result = await probe(c, 'issuance', `/results/${idOf(c.d)}`, (s, b) => s === 200 && b['status'] === 'ISSUED', 'the result issued');
  const electronic = result['electronic'] as { documentId: string } | null;
  if (c.d.plan.channel === 'ONLINE' && electronic) {
    // Digitisation files the e-result under the dossier once it learns of it from issuance's topic.
    await eventually(() => c.client.documentStatus(electronic.documentId), (s) => s === 200, { timeoutMs: PROBE_TIMEOUT_MS, intervalMs: 150, what: 'the e-result readable by the portal' }).catch(() => {
      throw new UnexpectedAnswer('digitisation GET /documents/:id (waiting for the e-result readable)', 0, undefined);
    });
    await c.client.expect([201], 'issuance', 'POST', `/results/${idOf(c.d)}/deliveries`, applicantSide(c), { method: 'ONLINE' });
    return;
  }
  const method = c.d.plan.channel === 'POSTAL' ? 'POSTAL' : 'COUNTER';
  await c.client.expect([201], 'issuance', 'POST', `/results/${idOf(c.d)}/deliveries`, desk(c), { method });
}
