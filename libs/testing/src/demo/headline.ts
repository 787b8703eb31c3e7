import type { DemoDossier } from './demo-dossier';

export interface Headline {
  dossiers: number;
  online: number;
  /** Of the dossiers decided: by the due date in force, with at most one supplement request. */
  onTime: number;
  /** Of the dossiers received: every component in electronic form. */
  digitised: number;
  /** Of the results issued: electronic and signed. */
  eResults: number;
  /** Of the dossiers received: a repository document reused. */
  reuse: number;
}

const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

function dueAtResolution(d: DemoDossier): number {
  const resolved = Date.parse(d.resolvedAt as string);
  const inForce = d.dueHistory.filter((c) => Date.parse(c.changedAt) <= resolved);
  return Date.parse((inForce[inForce.length - 1] ?? d.dueHistory[0]).dueAt);
}

/** The workload's shape as the generator made it, from its own records. */
export function headlineOf(records: readonly DemoDossier[]): Headline {
  const received = records.filter((d) => d.receivedAt !== null);
  const decided = received.filter((d) => d.resolvedAt !== null && d.dueHistory.length > 0);
  const issued = received.filter((d) => d.resultIssuedAt !== null);
  return {
    dossiers: records.length,
    online: share(records.filter((d) => d.channel === 'ONLINE').length, records.length),
    onTime: share(decided.filter((d) => Date.parse(d.resolvedAt as string) <= dueAtResolution(d) && d.supplementRequests.length <= 1).length, decided.length),
    digitised: share(received.filter((d) => d.allElectronic).length, received.length),
    eResults: share(issued.filter((d) => d.eResult).length, issued.length),
    reuse: share(received.filter((d) => d.reused).length, received.length),
  };
}

export function formatHeadline(h: Headline): string {
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  return [
    `dossiers ${h.dossiers}`,
    `online ${pct(h.online)} (seeds 61.4%)`,
    `on time ${pct(h.onTime)} (about 99.5%)`,
    `digitised ${pct(h.digitised)} (93.5%)`,
    `e-results ${pct(h.eResults)} (96%)`,
    `reuse ${pct(h.reuse)} (59.3%)`,
  ].join(' · ');
}
