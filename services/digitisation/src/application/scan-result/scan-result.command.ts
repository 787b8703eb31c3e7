import type { Principal } from '@motcua/platform';
import type { ReceiveScan, ScanCommand, ScanRecorded } from '../scan';

/** An officer of the desk scans the paper result issued for a dossier, so it reaches the repository. */
export class ScanResult implements ScanCommand {
  constructor(
    readonly dossierId: string,
    readonly officer: Principal,
    readonly receive: ReceiveScan,
  ) {}
}

export interface ResultScanned extends ScanRecorded {
  documentNumber: string;
}
