import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '@motcua/event-store';
import { EVENT_STORE } from '@motcua/messaging';
import { CLOCK, Clock, Idempotent, IdempotentRequests, Principal } from '@motcua/platform';
import { toComponent } from '../dossier-components';
import { actOnDossier } from '../dossier-stream';
import type { DossierRequest } from '../submit-dossier/submit-dossier.command';

/**
 * The applicant's documents reach the one-stop desk (through a portal or at the counter): they
 * answer a Mẫu 02 return before reception, or a department's request during processing, which
 * resumes the legal clock when processing hears of it.
 */
export class ProvideSupplement {
  constructor(
    readonly dossierId: string,
    readonly caller: Principal,
    readonly components: DossierRequest['components'],
    /** A retry with the same key gets the first answer instead of 409. */
    readonly idempotencyKey?: string,
  ) {}
}

export interface SupplementReceipt {
  dossierId: string;
  code: string;
  providedAt: string;
  /** The department's request this answers; absent for a return at reception. */
  requestId?: string;
}

@CommandHandler(ProvideSupplement)
export class ProvideSupplementHandler implements ICommandHandler<ProvideSupplement, Idempotent<SupplementReceipt>> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly idempotency: IdempotentRequests,
  ) {}

  execute({ dossierId, caller, components, idempotencyKey }: ProvideSupplement): Promise<Idempotent<SupplementReceipt>> {
    return this.idempotency.runIfKeyed(caller.id, idempotencyKey, { act: 'supplement', dossierId, components }, async () => {
      const [event] = await actOnDossier(this.store, this.clock, dossierId, caller, (state) => ({
        type: 'ProvideSupplement',
        provided: { dossierId, code: state.code ?? '', providedAt: this.clock.now().toISOString(), components: components.map(toComponent) },
      }));
      if (event?.type !== 'SupplementProvided') throw new Error('the supplement produced no SupplementProvided');
      const { code, providedAt, requestId } = event.data;
      return { dossierId, code, providedAt, ...(requestId ? { requestId } : {}) };
    });
  }
}
