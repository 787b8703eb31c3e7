import { PgDatabase, quoteSchema } from '@motcua/event-store';
import type { DocumentFacts } from '../domain/dossier/dossier-digitisation.commands';
import type { ReceivedComponent } from '../domain/dossier/dossier-digitisation.events';

export interface HeldDocument {
  documentId: string;
  sha256: string;
  mediaType: string;
  bytes: number;
  origin: string;
  storedByUnit: string | null;
}

/** What the tables know about documents, read before a decision (in its transaction). */
export class DocumentFactsReader {
  private readonly s: string;

  constructor(
    private readonly db: PgDatabase,
    schema: string,
  ) {
    this.s = quoteSchema(schema);
  }

  /** Which electronic components' documents are held here, and who owns each repository document named for reuse. */
  async about(components: ReceivedComponent[]): Promise<DocumentFacts> {
    const electronic = components.flatMap((c) => (c.provenance === 'ELECTRONIC' ? [c.documentId] : []));
    const reused = components.flatMap((c) => (c.provenance === 'REUSED' ? [c.repositoryDocumentId] : []));
    const held = electronic.length
      ? (await this.db.query<{ document_id: string; sha256: string }>(`select document_id, sha256 from ${this.s}.documents where document_id = any($1)`, [electronic])).rows
      : [];
    const owners = reused.length
      ? (await this.db.query<{ document_id: string; applicant_ref: string }>(`select document_id, applicant_ref from ${this.s}.repository_documents where document_id = any($1)`, [reused])).rows
      : [];
    return { held: new Map(held.map((r) => [r.document_id, r.sha256])), owners: new Map(owners.map((r) => [r.document_id, r.applicant_ref])) };
  }

  async document(documentId: string): Promise<HeldDocument | undefined> {
    const { rows } = await this.db.query<{ document_id: string; sha256: string; media_type: string; bytes: string; origin: string; stored_by_unit: string | null }>(
      `select document_id, sha256, media_type, bytes, origin, stored_by_unit from ${this.s}.documents where document_id = $1`,
      [documentId],
    );
    const row = rows[0];
    return row && { documentId: row.document_id, sha256: row.sha256, mediaType: row.media_type, bytes: Number(row.bytes), origin: row.origin, storedByUnit: row.stored_by_unit };
  }

  /** The units whose officers may read a document: those of every dossier that uses it (its unit and the procedure's agencies). */
  async unitsUsing(documentId: string): Promise<Set<string>> {
    const { rows } = await this.db.query<{ unit: string }>(
      `select distinct u.unit from ${this.s}.dossier_documents dd join ${this.s}.dossiers d on d.dossier_id = dd.dossier_id
       cross join lateral unnest(array_append(d.agencies, d.unit)) as u(unit) where dd.document_id = $1`,
      [documentId],
    );
    return new Set(rows.map((r) => r.unit));
  }
}
