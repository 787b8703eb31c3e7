import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '@motcua/event-store';
import { EVENT_STORE } from '@motcua/messaging';
import { CLOCK, Clock, Idempotent, IdempotentRequests, Principal } from '@motcua/platform';
import { actOnDossier } from '../dossier-stream';

/** The applicant withdraws the dossier, any time before it is decided. */
export class WithdrawDossier {
  constructor(
    readonly dossierId: string,
    readonly caller: Principal,
    readonly reason?: string,
    /** A retry with the same key gets the first answer instead of 409. */
    readonly idempotencyKey?: string,
  ) {}
}

export interface DossierWithdrawn {
  dossierId: string;
  status: 'WITHDRAWN';
  withdrawnAt: string;
}

@CommandHandler(WithdrawDossier)
export class WithdrawDossierHandler implements ICommandHandler<WithdrawDossier, Idempotent<DossierWithdrawn>> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly idempotency: IdempotentRequests,
  ) {}

  execute({ dossierId, caller, reason, idempotencyKey }: WithdrawDossier): Promise<Idempotent<DossierWithdrawn>> {
    return this.idempotency.runIfKeyed(caller.id, idempotencyKey, { act: 'withdraw', dossierId, reason }, async () => {
      const withdrawnAt = this.clock.now().toISOString();
      await actOnDossier(this.store, this.clock, dossierId, caller, (state) => ({
        type: 'Withdraw',
        withdrawn: { dossierId, code: state.code ?? '', withdrawnAt, ...(reason ? { reason } : {}) },
      }));
      return { dossierId, status: 'WITHDRAWN' as const, withdrawnAt };
    });
  }
}
