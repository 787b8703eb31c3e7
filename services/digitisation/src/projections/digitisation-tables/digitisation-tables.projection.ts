import { PgDatabase, quoteSchema } from '@motcua/event-store';
import { assertNever } from '@motcua/platform/errors';
import type { DocumentStoredData } from '../../domain/document/document';
import { DossierDigitisationEvent, RegisteredComponent } from '../../domain/dossier/dossier-digitisation.events';
import { registered } from '../../domain/dossier/dossier-digitisation.state';

export interface StoredBy {
  /** The portal's name or the officer's id. */
  id: string;
  /** An officer's unit. */
  unit?: string;
  /** Set when a portal stored it: the portal's name. */
  portal?: string;
}

type Source = 'ELECTRONIC' | 'SCAN' | 'RESULT';

/**
 * Keeps the read tables in step with the events. It runs inside the transaction that appended
 * them (the inbox's for Kafka, the request's for REST), so the repository a reuse check reads
 * never lags behind a scan already recorded, and no table shows what the log does not hold.
 */
export class DigitisationTablesProjection {
  private readonly s: string;

  constructor(
    private readonly db: PgDatabase,
    schema: string,
  ) {
    this.s = quoteSchema(schema);
  }

  async documentStored(document: DocumentStoredData, by: StoredBy): Promise<void> {
    await this.db.query(
      `insert into ${this.s}.documents (document_id, sha256, media_type, bytes, origin, stored_at, stored_by, stored_by_unit, stored_by_portal, applicant_ref)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) on conflict (document_id) do nothing`,
      [document.documentId, document.sha256, document.mediaType, document.bytes, document.origin, document.storedAt, by.id, by.unit ?? null, by.portal ?? null, document.applicantRef ?? null],
    );
  }

  async apply(events: DossierDigitisationEvent[]): Promise<void> {
    for (const event of events) await this.applyOne(event);
  }

  private async applyOne(event: DossierDigitisationEvent): Promise<void> {
    const { dossierId } = event.data;
    switch (event.type) {
      case 'DigitisationOpened': {
        const { code, unit, agencies, applicantRef, channel, openedAt, portal } = event.data;
        await this.db.query(
          `insert into ${this.s}.dossiers (dossier_id, code, unit, agencies, applicant_ref, channel, received_at, portal) values ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [dossierId, code, unit, agencies, applicantRef, channel, openedAt, portal ?? null],
        );
        await this.components(dossierId, event.data.components, openedAt);
        return;
      }
      case 'ComponentsSupplemented':
        return this.components(dossierId, event.data.components, event.data.supplementedAt);
      case 'DocumentReused':
        await this.component(dossierId, event.data.componentId, `status = 'REUSED', document_id = $3, since = $4`, event.data.repositoryDocumentId, event.data.reusedAt);
        return this.link(dossierId, event.data.repositoryDocumentId);
      case 'ReuseRefused':
        return this.component(dossierId, event.data.componentId, `status = 'REUSE_REFUSED', refusal = $3, since = $4`, event.data.reason, event.data.refusedAt);
      case 'ComponentDigitised': {
        const { componentId, documentId, pages, officerId, digitisedAt } = event.data;
        await this.component(dossierId, componentId, `status = 'DIGITISED', document_id = $3, pages = $4, officer_id = $5, since = $6`, documentId, pages, officerId, digitisedAt);
        return this.file(dossierId, documentId, 'SCAN', digitisedAt, componentId);
      }
      case 'DossierDigitised':
        await this.db.query(`update ${this.s}.dossiers set digitised_at = $2 where dossier_id = $1`, [dossierId, event.data.digitisedAt]);
        return;
      case 'DigitisationClosed':
        await this.db.query(`update ${this.s}.dossiers set closed_at = $2 where dossier_id = $1`, [dossierId, event.data.closedAt]);
        return;
      case 'DigitisationTransferred':
        // The scanning tasks follow: they list under the successor's desk.
        await this.db.query(`update ${this.s}.dossiers set unit = $2 where dossier_id = $1`, [dossierId, event.data.toUnit]);
        return;
      case 'PaperResultAwaited':
        await this.db.query(
          `insert into ${this.s}.paper_results (dossier_id, document_number, issued_at, status) values ($1, $2, $3, 'AWAITING_SCAN') on conflict (dossier_id) do nothing`,
          [dossierId, event.data.documentNumber, event.data.issuedAt],
        );
        return;
      case 'ElectronicResultFiled':
        return this.file(dossierId, event.data.documentId, 'RESULT', event.data.filedAt);
      case 'ResultDigitised': {
        const { documentId, pages, officerId, digitisedAt } = event.data;
        await this.db.query(
          `update ${this.s}.paper_results set status = 'DIGITISED', document_id = $2, pages = $3, officer_id = $4, digitised_at = $5 where dossier_id = $1`,
          [dossierId, documentId, pages, officerId, digitisedAt],
        );
        return this.file(dossierId, documentId, 'RESULT', digitisedAt);
      }
      default:
        return assertNever(event);
    }
  }

  /** Received or supplemented components; a supplement replaces the row of the same id. */
  private async components(dossierId: string, components: RegisteredComponent[], at: string): Promise<void> {
    for (const c of components) {
      const { status, documentId } = registered(c);
      await this.db.query(
        `insert into ${this.s}.dossier_components as c (dossier_id, component_id, name, provenance, status, document_id, since) values ($1, $2, $3, $4, $5, $6, $7)
         on conflict (dossier_id, component_id) do update
           set name = excluded.name, provenance = excluded.provenance, status = excluded.status, document_id = excluded.document_id,
               pages = null, officer_id = null, refusal = null, since = excluded.since`,
        [dossierId, c.componentId, c.name, c.provenance, status, documentId ?? null, at],
      );
      if (status === 'ELECTRONIC' && documentId) await this.file(dossierId, documentId, 'ELECTRONIC', at, c.componentId);
    }
  }

  private async component(dossierId: string, componentId: string, set: string, ...values: unknown[]): Promise<void> {
    await this.db.query(`update ${this.s}.dossier_components set ${set} where dossier_id = $1 and component_id = $2`, [dossierId, componentId, ...values]);
  }

  private async link(dossierId: string, documentId: string): Promise<void> {
    await this.db.query(`insert into ${this.s}.dossier_documents (document_id, dossier_id) values ($1, $2) on conflict do nothing`, [documentId, dossierId]);
  }

  /** Into the applicant's repository; a document already filed keeps the dossier that first brought it. */
  private async file(dossierId: string, documentId: string, source: Source, at: string, componentId?: string): Promise<void> {
    await this.link(dossierId, documentId);
    await this.db.query(
      `insert into ${this.s}.repository_documents (document_id, applicant_ref, dossier_id, component_id, name, source, filed_at)
       select $2, d.applicant_ref, d.dossier_id, c.component_id, c.name, $4, $5
       from ${this.s}.dossiers d left join ${this.s}.dossier_components c on c.dossier_id = d.dossier_id and c.component_id = $3
       where d.dossier_id = $1
       on conflict (document_id) do nothing`,
      [dossierId, documentId, componentId ?? null, source, at],
    );
  }
}
