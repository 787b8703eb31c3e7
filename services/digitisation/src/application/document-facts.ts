import { PgDatabase, quoteSchema } from '@motcua/event-store';
import type { DocumentOrigin } from '../domain/document/document';
import type { DocumentFacts, HeldDocumentFacts } from '../domain/dossier/dossier-digitisation.commands';
import type { ReceivedComponent } from '../domain/dossier/dossier-digitisation.events';

export interface HeldDocument {
  documentId: string;
  sha256: string;
  mediaType: string;
  bytes: number;
  origin: string;
  storedByUnit: string | null;
  storedByPortal: string | null;
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

  /**
   * Which electronic components' documents are held here (with their origin and the applicant they
   * are filed under), and who owns each repository document named for reuse. The documents named
   * are locked first, so a dossier naming an upload that another one is filing sees that filing.
   * A dossier a portal submitted holds no other portal's upload: it reads as not held, as an
   * unknown id does, so naming an id never makes another portal's file readable.
   */
  async about(components: ReceivedComponent[], portal: string | undefined): Promise<DocumentFacts> {
    const electronic = components.flatMap((c) => (c.provenance === 'ELECTRONIC' ? [c.documentId] : []));
    const reused = components.flatMap((c) => (c.provenance === 'REUSED' ? [c.repositoryDocumentId] : []));
    const held = electronic.length ? await this.held(electronic, portal) : [];
    const owners = reused.length
      ? (await this.db.query<{ document_id: string; applicant_ref: string }>(`select document_id, applicant_ref from ${this.s}.repository_documents where document_id = any($1)`, [reused])).rows
      : [];
    return { held: new Map(held), owners: new Map(owners.map((r) => [r.document_id, r.applicant_ref])) };
  }

  private async held(documentIds: string[], portal: string | undefined): Promise<[string, HeldDocumentFacts][]> {
    await this.db.query(`select 1 from ${this.s}.documents where document_id = any($1) order by document_id for update`, [documentIds]);
    const { rows } = await this.db.query<{ document_id: string; sha256: string; origin: DocumentOrigin; filed_under: string | null }>(
      `select doc.document_id, doc.sha256, doc.origin, r.applicant_ref as filed_under
         from ${this.s}.documents doc left join ${this.s}.repository_documents r using (document_id)
        where doc.document_id = any($1) and ($2::text is null or doc.stored_by_portal is null or doc.stored_by_portal = $2)`,
      [documentIds, portal ?? null],
    );
    return rows.map((r) => [r.document_id, { sha256: r.sha256, origin: r.origin, ...(r.filed_under ? { filedUnder: r.filed_under } : {}) }]);
  }

  async document(documentId: string): Promise<HeldDocument | undefined> {
    const { rows } = await this.db.query<{ document_id: string; sha256: string; media_type: string; bytes: string; origin: string; stored_by_unit: string | null; stored_by_portal: string | null }>(
      `select document_id, sha256, media_type, bytes, origin, stored_by_unit, stored_by_portal from ${this.s}.documents where document_id = $1`,
      [documentId],
    );
    const row = rows[0];
    return (
      row && {
        documentId: row.document_id,
        sha256: row.sha256,
        mediaType: row.media_type,
        bytes: Number(row.bytes),
        origin: row.origin,
        storedByUnit: row.stored_by_unit,
        storedByPortal: row.stored_by_portal,
      }
    );
  }

  /** The portal that submitted a dossier digitisation knows, if any. */
  async portalOf(dossierId: string): Promise<string | undefined> {
    const { rows } = await this.db.query<{ portal: string | null }>(`select portal from ${this.s}.dossiers where dossier_id = $1`, [dossierId]);
    return rows[0]?.portal ?? undefined;
  }

  /** Whether a dossier that the portal submitted uses the document (its uploads, scans, reuses, results). */
  async usedByPortal(documentId: string, portal: string): Promise<boolean> {
    const { rows } = await this.db.query(
      `select 1 from ${this.s}.dossier_documents dd join ${this.s}.dossiers d on d.dossier_id = dd.dossier_id where dd.document_id = $1 and d.portal = $2 limit 1`,
      [documentId, portal],
    );
    return rows.length > 0;
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
