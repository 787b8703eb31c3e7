import type { OfficePeriod } from '@motcua/calendar';
import type { UnitLevel } from './procedure';

/**
 * What kind of body a unit is: the one-stop desks receive dossiers (the province's public
 * administration service centre, a commune's People's Committee); departments and agencies
 * process them (Sở, land registry office, tax office).
 */
export type UnitKind = 'PEOPLES_COMMITTEE' | 'SERVICE_CENTRE' | 'DEPARTMENT' | 'AGENCY';

/**
 * An administrative unit or agency, as `UnitRegistered` publishes it. Units change: in 2025 Thanh
 * Hóa merged 547 communes into 166 and dropped the district level, so a unit records the units it
 * succeeds and the period it is valid for, and statistics can report by old and new units.
 */
export interface AdministrativeUnit {
  /** Agency identification code (e.g. `H56.22`); `H56` is Thanh Hóa province. */
  code: string;
  name: string;
  level: UnitLevel;
  kind: UnitKind;
  parent?: string;
  /** Units merged into this one (empty for a unit that succeeds nobody). */
  successorOf: string[];
  /** ISO instant. */
  validFrom: string;
  /** ISO instant; absent while the unit exists. */
  validTo?: string;
  /** Its own office hours on working days, the legal clock of the dossiers it receives; the default hours where absent. */
  officeHours?: OfficePeriod[];
  /** When its desk also receives on Saturdays (the seeds' ward police points); the legal clock still counts working days only. */
  saturdayHours?: OfficePeriod[];
  /** The unit a reorganisation merged this one into (from validTo on). */
  mergedInto?: string;
  /** That reorganisation's id. */
  reorganisationId?: string;
  /** True where a value is invented for demonstration rather than taken from an official list. */
  sample: boolean;
}
