/** What a portal or a desk officer submits for an applicant. */
export interface DossierRequest {
  procedureCode: string;
  unit: string;
  applicant: { kind: 'INDIVIDUAL' | 'ORGANISATION'; identifier: string; fullName: string; address?: string; phone?: string; email?: string };
  components: { componentId: string; name: string; provenance: 'ELECTRONIC' | 'PAPER' | 'REUSED'; documentId?: string; repositoryDocumentId?: string }[];
  delivery: 'ONLINE' | 'COUNTER' | 'POSTAL';
}

/** A portal submits a dossier online on an applicant's behalf. */
export class SubmitDossier {
  constructor(
    readonly portal: string,
    readonly idempotencyKey: string,
    readonly request: DossierRequest,
  ) {}
}

export interface SubmittedDossier {
  dossierId: string;
  code: string;
  status: 'SUBMITTED';
}
