import { Inject, Injectable, Logger } from '@nestjs/common';
import { EventStore, handleCommand, PgDatabase } from '@motcua/event-store';
import { EVENT_STORE } from '@motcua/messaging';
import { DATABASE } from '@motcua/platform';
import type { StoredDocument } from '../../domain/result/result.commands';
import { resultDecider } from '../../domain/result/result.decider';
import type { Resolution } from '../../domain/result/result.events';
import { resultCodec } from '../result-stream';
import { SigningKeys } from '../signing-keys/signing-keys';

export interface DocumentFacts extends StoredDocument {
  bytes: number;
  origin: string;
}

/**
 * An e-result needs two facts from two topics that are not ordered against each other: the
 * decision (processing) and the stored document's real hash (digitisation). Whichever arrives
 * second signs. Both paths lock the document id first, inside their inbox transaction, so two
 * consumers committing at once cannot each miss the other's fact.
 */
@Injectable()
export class ElectronicIssuance {
  private readonly logger = new Logger('issuance');

  constructor(
    @Inject(DATABASE) private readonly db: PgDatabase,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly keys: SigningKeys,
  ) {}

  async documentStored(document: DocumentFacts): Promise<void> {
    await this.lock(document.documentId);
    await this.db.query(
      `insert into issuance.stored_documents (document_id, sha256, media_type, bytes, origin, stored_at) values ($1, $2, $3, $4, $5, $6) on conflict (document_id) do nothing`,
      [document.documentId, document.sha256, document.mediaType, document.bytes, document.origin, document.storedAt],
    );
    const awaiting = await this.db.query<{ dossier_id: string }>(`delete from issuance.awaiting_documents where document_id = $1 returning dossier_id`, [document.documentId]);
    for (const { dossier_id } of awaiting.rows) await this.issue(dossier_id, document);
  }

  async resolutionNoted(resolution: Resolution): Promise<void> {
    const wanted = resolution.resultDocument;
    if (!resolution.eResultAllowed || !wanted) return;
    await this.lock(wanted.documentId);
    const stored = await this.storedDocument(wanted.documentId);
    if (stored) return this.issue(resolution.dossierId, stored);
    await this.db.query(`insert into issuance.awaiting_documents (dossier_id, document_id, resolved_at) values ($1, $2, $3) on conflict (dossier_id) do nothing`, [
      resolution.dossierId,
      wanted.documentId,
      resolution.resolvedAt,
    ]);
  }

  /**
   * A blocked issuance tried again: the officer's act and its attempt share one transaction, so
   * the corrected document is signed (or blocked again) now if digitisation stored it, and when
   * `DocumentStored` arrives otherwise. `act` appends the officer's event (and refuses a caller or
   * a state that may not).
   */
  async correctedDocumentNamed(dossierId: string, documentId: string, at: Date, act: () => Promise<unknown>): Promise<void> {
    await this.db.transaction(async () => {
      await this.lock(documentId);
      await act();
      const stored = await this.storedDocument(documentId);
      if (stored) return this.issue(dossierId, stored);
      await this.db.query(
        `insert into issuance.awaiting_documents (dossier_id, document_id, resolved_at) values ($1, $2, $3) on conflict (dossier_id) do update set document_id = excluded.document_id`,
        [dossierId, documentId, at],
      );
    });
  }

  private async issue(dossierId: string, document: StoredDocument): Promise<void> {
    const signer = await this.keys.activeSigner();
    const { events } = await handleCommand(this.store, dossierId, resultDecider, resultCodec, { type: 'IssueElectronicResult', document, signer });
    // Ids only: the dossier and document ids carry no personal data.
    if (events.some((e) => e.type === 'IssuanceBlocked')) this.logger.warn({ dossierId, documentId: document.documentId }, 'e-result not signed: the stored document hash differs from the decision');
  }

  private async storedDocument(documentId: string): Promise<StoredDocument | undefined> {
    const row = (await this.db.query<{ sha256: string; media_type: string; stored_at: Date }>(`select sha256, media_type, stored_at from issuance.stored_documents where document_id = $1`, [documentId])).rows[0];
    return row && { documentId, sha256: row.sha256, mediaType: row.media_type, storedAt: row.stored_at.toISOString() };
  }

  private async lock(documentId: string): Promise<void> {
    if (!this.db.inTransaction) throw new Error('electronic issuance runs inside the inbox transaction');
    await this.db.query('select pg_advisory_xact_lock(hashtext($1))', [`motcua.issuance.document.${documentId}`]);
  }
}
