import type { DemoDossier } from '../demo-dossier';
import { DemoCatalogue, feeBearing, ProcedureTerms } from '../plan/demo-catalogue';
import type { Body, DemoClient } from './demo-client';
import type { DrivenDossier } from './driven-dossier';

type CaseView = {
  pause: { reason: string; since: string } | null;
  pauses: { reason: string; since: string; until: string }[];
  dueChanges: { changedAt: string; dueAt: string }[];
  pausedWorkingMinutes: number;
};

/**
 * The record of one dossier, once its life is over: the driver's own answers, and the write
 * services' views of the end state (the case's clock, the bill, the digital state, the result).
 * Never the projections.
 */
export async function collectRecord(client: DemoClient, catalogue: DemoCatalogue, d: DrivenDossier): Promise<DemoDossier> {
  const id = d.dossierId as string;
  const admin = client.officer('ADMIN', 'H56');
  const view = async (service: string, path: string): Promise<Body | null> => {
    const answer = await client.call(service, 'GET', path, admin);
    if (answer.status === 404) return null;
    return client.expect([200], service, 'GET', path, admin);
  };
  const desk = (await view('intake', `/dossiers/${id}`)) as Body;
  const version = d.procedureVersion ?? Number((desk['procedure'] as Body)['version']);
  const terms = catalogue.find((t) => t.code === d.plan.procedureCode && t.version === version) as ProcedureTerms;
  const received = d.receivedAt !== null;
  const caseView = received ? ((await view('processing', `/cases/${id}`)) as CaseView | null) : null;
  const bill = received ? await view('payment', `/dossiers/${id}/payment`) : null;
  const digital = received ? await view('digitisation', `/dossiers/${id}/digitisation`) : null;
  const result = received ? await view('issuance', `/results/${id}`) : null;
  const components = (digital?.['components'] ?? []) as { status: string; electronic: boolean }[];
  const payments = (bill?.['payments'] ?? []) as { status: string; method: string | null }[];

  return {
    dossierId: id,
    code: d.code ?? String(desk['code']),
    unit: d.plan.unit,
    procedureCode: d.plan.procedureCode,
    channel: d.plan.channel,
    processingTimeUnit: terms.processingTime.unit,
    returnsDocument: terms.returnsDocument,
    eResultAllowed: terms.eResultAllowed,
    feeBearing: feeBearing(terms),
    submittedAt: String(desk['submittedAt']),
    receivedAt: d.receivedAt,
    rejectedAt: d.rejectedAt,
    withdrawnAt: d.withdrawnAt,
    resolvedAt: d.resolvedAt,
    outcome: d.outcome,
    stoppedAt: d.stoppedAt,
    resultIssuedAt: result && typeof result['issuedAt'] === 'string' ? result['issuedAt'] : null,
    dueHistory: (caseView?.dueChanges ?? []).map((c) => ({ changedAt: c.changedAt, dueAt: c.dueAt })),
    supplementRequests: d.supplementRequests.map((r) => ({ ...r })),
    paymentWait: paymentWait(caseView),
    pausedWorkingMinutes: caseView?.pausedWorkingMinutes ?? 0,
    feeAssessed: bill ? Number(bill['total']) : null,
    paidOnline: payments.some((p) => p.status === 'SUCCEEDED' && p.method === 'ONLINE'),
    allElectronic: digital ? digital['digitised'] === true && components.every((c) => c.electronic) : d.allUploaded,
    eResult: Boolean(result?.['electronic']) && typeof result?.['issuedAt'] === 'string',
    reused: components.some((c) => c.status === 'REUSED'),
  };
}

/** A pay-first wait as processing recorded it: closed (with its end) or still running. */
function paymentWait(view: CaseView | null): DemoDossier['paymentWait'] {
  if (!view) return null;
  const closed = view.pauses.find((p) => p.reason === 'AWAITING_PAYMENT');
  if (closed) return { from: closed.since, until: closed.until };
  if (view.pause?.reason === 'AWAITING_PAYMENT') return { from: view.pause.since, until: null };
  return null;
}
