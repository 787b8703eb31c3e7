/**
 * Dossier codes: receiving unit, local date (YYMMDD) and the unit's sequence for that day, e.g.
 * `H56.22-251122-0042`. The sequence is allocated in the same transaction as the dossier's first
 * events, so a code is never given twice and a rolled-back submission leaves no gap.
 */
export function formatDossierCode(unit: string, localDate: string, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError('a dossier sequence starts at 1');
  const match = /^\d{2}(\d{2})-(\d{2})-(\d{2})$/.exec(localDate);
  if (!match) throw new RangeError(`not a local date: ${localDate}`);
  return `${unit}-${match[1]}${match[2]}${match[3]}-${String(sequence).padStart(4, '0')}`;
}

export interface ParsedDossierCode {
  unit: string;
  localDate: string;
  sequence: number;
}

export function parseDossierCode(code: string): ParsedDossierCode | undefined {
  const match = /^([A-Za-z0-9.]{1,40})-(\d{2})(\d{2})(\d{2})-(\d{4,})$/.exec(code);
  if (!match) return undefined;
  return { unit: match[1], localDate: `20${match[2]}-${match[3]}-${match[4]}`, sequence: Number(match[5]) };
}
