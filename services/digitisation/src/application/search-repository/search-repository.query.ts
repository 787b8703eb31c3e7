import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { applicantRef } from '@motcua/contracts';
import { PgDatabase } from '@motcua/event-store';
import { CONFIG, DATABASE } from '@motcua/platform';
import type { DigitisationConfig } from '../../digitisation.config';

/**
 * The applicant's reusable documents, found from the identifier a portal (or the desk) knows.
 * The identifier is turned into the applicant reference at once and never stored or logged.
 */
export class SearchRepository {
  constructor(
    readonly applicantKind: 'INDIVIDUAL' | 'ORGANISATION',
    readonly identifier: string,
  ) {}
}

export interface RepositoryDocument {
  documentId: string;
  name: string | null;
  source: 'ELECTRONIC' | 'SCAN' | 'RESULT';
  mediaType: string;
  bytes: number;
  sha256: string;
  dossierCode: string;
  filedAt: string;
}

@QueryHandler(SearchRepository)
export class SearchRepositoryHandler implements IQueryHandler<SearchRepository, { documents: RepositoryDocument[] }> {
  constructor(
    @Inject(DATABASE) private readonly db: PgDatabase,
    @Inject(CONFIG) private readonly config: DigitisationConfig,
  ) {}

  async execute({ applicantKind, identifier }: SearchRepository): Promise<{ documents: RepositoryDocument[] }> {
    const ref = applicantRef(applicantKind, identifier, this.config.APPLICANT_REF_KEY);
    const { rows } = await this.db.query<{ document_id: string; name: string | null; source: RepositoryDocument['source']; media_type: string; bytes: string; sha256: string; code: string; filed_at: Date }>(
      `select r.document_id, r.name, r.source, doc.media_type, doc.bytes, doc.sha256, d.code, r.filed_at
         from digitisation.repository_documents r
         join digitisation.documents doc on doc.document_id = r.document_id
         join digitisation.dossiers d on d.dossier_id = r.dossier_id
        where r.applicant_ref = $1
        order by r.filed_at desc, r.document_id limit 500`,
      [ref],
    );
    return {
      documents: rows.map((r) => ({ documentId: r.document_id, name: r.name, source: r.source, mediaType: r.media_type, bytes: Number(r.bytes), sha256: r.sha256, dossierCode: r.code, filedAt: r.filed_at.toISOString() })),
    };
  }
}
