import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { applicantRef } from '@motcua/contracts';
import { PgDatabase, quoteSchema } from '@motcua/event-store';
import { CONFIG } from '@motcua/platform';
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

/** The repository as the tables hold it, in the service's schema. */
export class RepositoryReader {
  private readonly s: string;

  constructor(
    private readonly db: PgDatabase,
    schema: string,
  ) {
    this.s = quoteSchema(schema);
  }

  /** An applicant's documents, newest first. */
  async of(ref: string): Promise<RepositoryDocument[]> {
    const { rows } = await this.db.query<{ document_id: string; name: string | null; source: RepositoryDocument['source']; media_type: string; bytes: string; sha256: string; code: string; filed_at: Date }>(
      `select r.document_id, r.name, r.source, doc.media_type, doc.bytes, doc.sha256, d.code, r.filed_at
         from ${this.s}.repository_documents r
         join ${this.s}.documents doc on doc.document_id = r.document_id
         join ${this.s}.dossiers d on d.dossier_id = r.dossier_id
        where r.applicant_ref = $1
        order by r.filed_at desc, r.document_id limit 500`,
      [ref],
    );
    return rows.map((r) => ({ documentId: r.document_id, name: r.name, source: r.source, mediaType: r.media_type, bytes: Number(r.bytes), sha256: r.sha256, dossierCode: r.code, filedAt: r.filed_at.toISOString() }));
  }
}

@QueryHandler(SearchRepository)
export class SearchRepositoryHandler implements IQueryHandler<SearchRepository, { documents: RepositoryDocument[] }> {
  constructor(
    private readonly repository: RepositoryReader,
    @Inject(CONFIG) private readonly config: DigitisationConfig,
  ) {}

  async execute({ applicantKind, identifier }: SearchRepository): Promise<{ documents: RepositoryDocument[] }> {
    return { documents: await this.repository.of(applicantRef(applicantKind, identifier, this.config.APPLICANT_REF_KEY)) };
  }
}
