import type { Principal } from '@motcua/platform';
import type { ReceiveScan, ScanCommand, ScanRecorded } from '../scan';

/** A reception officer scans a paper component of a dossier received at their desk. */
export class ScanComponent implements ScanCommand {
  constructor(
    readonly dossierId: string,
    readonly componentId: string,
    readonly officer: Principal,
    readonly receive: ReceiveScan,
  ) {}
}

export interface ComponentScanned extends ScanRecorded {
  componentId: string;
  /** Whether every component of the dossier now exists in electronic form. */
  dossierDigitised: boolean;
}
