import { Inject, Injectable } from '@nestjs/common';
import { PgDatabase, RecordedEvent } from '@motcua/event-store';
import { LogProjection } from '@motcua/messaging';
import { DATABASE } from '@motcua/platform';
import { assertNever } from '@motcua/platform/errors';
import type { ResultEvent } from '../../domain/result/result.events';

/** Builds issuance.results from issuance's own log, in the same transaction as its checkpoint. */
@Injectable()
export class ResultsProjection extends LogProjection {
  constructor(@Inject(DATABASE) private readonly db: PgDatabase) {
    super(db, 'issuance', 'results');
  }

  protected async apply(events: RecordedEvent[]): Promise<void> {
    for (const recorded of events) await this.applyOne({ type: recorded.type, data: recorded.data } as ResultEvent);
  }

  private async applyOne(event: ResultEvent): Promise<void> {
    const id = event.data.dossierId;
    const set = (columns: string, ...values: unknown[]) => this.db.query(`update issuance.results set ${columns} where dossier_id = $1`, [id, ...values]);
    switch (event.type) {
      case 'ResolutionNoted': {
        const r = event.data;
        await this.db.query(
          `insert into issuance.results (dossier_id, code, unit, issuer, procedure_code, procedure_version, outcome, status, e_result_allowed, returns_document, resolved_at)
           values ($1, $2, $3, $4, $5, $6, $7, 'RESOLVED', $8, $9, $10) on conflict (dossier_id) do nothing`,
          [id, r.code, r.unit, r.issuer ?? r.unit, r.procedureCode, r.procedureVersion, r.outcome, r.eResultAllowed, r.returnsDocument, r.resolvedAt],
        );
        return;
      }
      case 'IssuanceBlocked':
        await set(`status = 'BLOCKED', blocked_reason = $2, blocked_at = $3`, event.data.reason, event.data.blockedAt);
        return;
      case 'CorrectedDocumentNamed':
        await set(`status = 'RESOLVED', blocked_reason = null, blocked_at = null, reissued_at = $2`, event.data.namedAt);
        return;
      case 'SwitchedToPaper':
        await set(`status = 'RESOLVED', blocked_reason = null, blocked_at = null, switched_to_paper_at = $2`, event.data.switchedAt);
        return;
      case 'ResultIssued': {
        const { result } = event.data;
        await set(`status = 'ISSUED', form = $2, key_id = $3, issued_at = $4`, result.form, result.form === 'ELECTRONIC' ? result.keyId : null, event.data.issuedAt);
        return;
      }
      case 'ResultDelivered':
        await set('delivery_method = $2', event.data.method);
        return;
      case 'DossierCompleted':
        await set(`status = 'COMPLETED', completed_at = $2`, event.data.completedAt);
        return;
      case 'ResultTransferred':
        // The lists by unit follow: the result shows under the successor, as the stream says.
        await set(
          `unit = case when unit = $2 then $3 else unit end, issuer = case when issuer = $2 then $3 else issuer end`,
          event.data.fromUnit,
          event.data.toUnit,
        );
        return;
      default:
        assertNever(event);
    }
  }
}
