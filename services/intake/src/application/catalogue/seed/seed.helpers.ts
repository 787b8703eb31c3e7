import type { ProcessingTime } from '@motcua/calendar';
import type { Fee, ProcedureVersion, RequiredDocument } from '../../../domain/catalogue/procedure';

/** Units that existed before the register began carry its start, not their founding date. */
export const REGISTER_START = '2020-01-01T00:00:00+07:00';
/** The first published versions of the seeded procedures. */
export const FROM_2024 = '2024-01-01T00:00:00+07:00';
/** Decree 45/2025/NĐ-CP: provincial departments merged; driving licences passed to the police. */
export const DEPARTMENTS_MERGED = '2025-03-01T00:00:00+07:00';
/**
 * Two-tier local government: the district level ended, 547 communes became 166, procedures moved
 * to the province or the communes, and Resolution 12/NQ-HĐND's online fee exemptions began.
 */
export const TWO_TIER_GOVERNMENT = '2025-07-01T00:00:00+07:00';

export const days = (value: number): ProcessingTime => ({ value, unit: 'WORKING_DAYS' });
export const hours = (value: number): ProcessingTime => ({ value, unit: 'WORKING_HOURS' });

export const doc = (id: string, name: string, required = true): RequiredDocument => ({ id, name, required });

type OnlineRule = Fee['online'];
/** A service fee (phí). */
export const fee = (code: string, name: string, amount: number, online: OnlineRule = { rule: 'NONE' }): Fee => ({ code, name, kind: 'FEE', amount, online });
/** A state charge (lệ phí). */
export const charge = (code: string, name: string, amount: number, online: OnlineRule = { rule: 'NONE' }): Fee => ({ code, name, kind: 'CHARGE', amount, online });
/** The item is waived when the dossier comes online (a national circular, or Resolution 12/NQ-HĐND of 24/6/2025). */
export const EXEMPT_ONLINE: OnlineRule = { rule: 'EXEMPT' };

type Definition = Omit<ProcedureVersion, 'version' | 'retiredAt'>;
type Change = Partial<Omit<ProcedureVersion, 'code' | 'version' | 'retiredAt'>> & { effectiveFrom: string };

/**
 * A procedure's versions numbered from 1. Each change takes effect on its date and retires the
 * version before it at that same instant, so one version is in force at any time and a dossier
 * received on the day of a change falls under exactly one of them.
 */
export function history(first: Definition, ...changes: Change[]): ProcedureVersion[] {
  const versions: ProcedureVersion[] = [{ ...first, version: 1 }];
  for (const change of changes) {
    const previous = versions[versions.length - 1];
    versions[versions.length - 1] = { ...previous, retiredAt: change.effectiveFrom };
    versions.push({ ...previous, ...change, version: previous.version + 1 });
  }
  return versions;
}
