import { randomUUID } from 'node:crypto';
import type { PlannedComponent } from '../plan/dossier-plan';
import { ActContext, applicantSide, idOf, probe } from './act-context';
import type { Body } from './demo-client';

const asString = (body: Body, key: string) => String(body[key]);

/** The components as named at submission: uploads first stored in digitisation, reuse found in the applicant's repository. */
async function components(c: ActContext, side: Record<string, string>): Promise<Body[]> {
  const named: Body[] = [];
  for (const component of c.d.plan.components) named.push(await nameComponent(c, side, component));
  return named;
}

async function nameComponent(c: ActContext, side: Record<string, string>, component: PlannedComponent): Promise<Body> {
  const { componentId, name } = component;
  if (component.form === 'PAPER' || component.form === 'PAPER_SCANNED') return { componentId, name, provenance: 'PAPER' };
  if (component.form === 'REUSE') {
    const { kind, identifier } = c.d.plan.applicant;
    const found = await c.client.expect([200], 'digitisation', 'POST', '/repository/search', side, { applicantKind: kind, identifier });
    const newest = (found['documents'] as { documentId: string }[])[0];
    if (newest) return { componentId, name, provenance: 'REUSED', repositoryDocumentId: newest.documentId };
  }
  const stored = await c.client.upload(side, componentId);
  return { componentId, name, provenance: 'ELECTRONIC', documentId: stored.documentId };
}

function submission(c: ActContext, named: Body[]): Body {
  const { applicant, procedureCode, unit, channel } = c.d.plan;
  return { procedureCode, unit, applicant, components: named, delivery: channel };
}

export async function submitOnline(c: ActContext): Promise<void> {
  const answer = await c.client.expect([201], 'intake', 'POST', '/dossiers', c.client.portal({ 'idempotency-key': randomUUID() }), submission(c, await components(c, c.client.portal())));
  c.d.dossierId = asString(answer, 'dossierId');
  c.d.code = asString(answer, 'code');
}

export async function registerAtDesk(c: ActContext): Promise<void> {
  const desk = c.client.officer('RECEPTION_OFFICER', c.d.plan.unit);
  const slip = await c.client.expect([201], 'intake', 'POST', '/dossiers/at-desk', { ...desk, 'idempotency-key': randomUUID() }, { ...submission(c, await components(c, desk)), channel: c.d.plan.channel });
  noteReceipt(c, slip);
}

function noteReceipt(c: ActContext, slip: Body): void {
  c.d.dossierId = asString(slip, 'dossierId');
  c.d.code = asString(slip, 'code');
  c.d.receivedAt = asString(slip, 'receivedAt');
  c.d.procedureVersion = Number((slip['procedure'] as Body)['version']);
}

const desk = (c: ActContext) => c.client.officer('RECEPTION_OFFICER', c.d.plan.unit);

export async function receive(c: ActContext): Promise<void> {
  noteReceipt(c, await c.client.expect([200], 'intake', 'POST', `/dossiers/${idOf(c.d)}/receive`, desk(c)));
}

export async function reject(c: ActContext): Promise<void> {
  const answer = await c.client.expect([200], 'intake', 'POST', `/dossiers/${idOf(c.d)}/reject`, desk(c), { reason: 'Hồ sơ không thuộc thẩm quyền giải quyết của đơn vị tiếp nhận' });
  c.d.rejectedAt = asString(answer, 'rejectedAt');
}

export async function returnAtReception(c: ActContext): Promise<void> {
  await c.client.expect([200], 'intake', 'POST', `/dossiers/${idOf(c.d)}/return-for-supplement`, desk(c), { missing: ['Bản sao có chứng thực giấy tờ còn thiếu'] });
}

/** The applicant's missing document, uploaded: it replaces the last component (Mẫu 02, or a department's request). */
async function supplement(c: ActContext): Promise<Body> {
  const side = applicantSide(c);
  const last = c.d.plan.components[c.d.plan.components.length - 1];
  const stored = await c.client.upload(side, `${last.componentId}-bo-sung`);
  return c.client.expect([200], 'intake', 'POST', `/dossiers/${idOf(c.d)}/supplements`, side, {
    components: [{ componentId: last.componentId, name: last.name, provenance: 'ELECTRONIC', documentId: stored.documentId }],
  });
}

export async function answerReturn(c: ActContext): Promise<void> {
  await supplement(c);
}

export async function provideSupplement(c: ActContext): Promise<void> {
  await probe(c, 'intake', `/dossiers/${idOf(c.d)}`, (s, b) => s === 200 && b['awaitedSupplement'] !== undefined, "the department's request at the desk");
  const receipt = await supplement(c);
  const open = c.d.supplementRequests.find((r) => r.answeredAt === null);
  if (open) open.answeredAt = asString(receipt, 'providedAt');
}

export async function withdraw(c: ActContext): Promise<void> {
  const answer = await c.client.expect([200], 'intake', 'POST', `/dossiers/${idOf(c.d)}/withdraw`, applicantSide(c), { reason: 'Người nộp rút hồ sơ' });
  c.d.withdrawnAt = asString(answer, 'withdrawnAt');
}

/** The desk scans the paper components it planned to scan, once digitisation knows the dossier. */
export async function scanComponents(c: ActContext): Promise<void> {
  await probe(c, 'digitisation', `/dossiers/${idOf(c.d)}/digitisation`, (s) => s === 200, 'the dossier known to digitisation');
  for (const component of c.d.plan.components.filter((p) => p.form === 'PAPER_SCANNED')) {
    await c.client.scan(desk(c), `/dossiers/${idOf(c.d)}/components/${component.componentId}/scan`, component.componentId);
  }
}
