import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '@motcua/event-store';
import { EVENT_STORE } from '@motcua/messaging';
import { CLOCK, Clock, Principal } from '@motcua/platform';
import { actOnDossier } from '../dossier-stream';

/**
 * Before reception, the desk returns an incomplete dossier listing everything missing in one
 * request (Mẫu 02). The legal clock has not started, so this is not a 766 supplement.
 */
export class ReturnForSupplement {
  constructor(
    readonly dossierId: string,
    readonly officer: Principal,
    readonly missing: string[],
  ) {}
}

@CommandHandler(ReturnForSupplement)
export class ReturnForSupplementHandler implements ICommandHandler<ReturnForSupplement, { dossierId: string; status: 'RETURNED_FOR_SUPPLEMENT' }> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ dossierId, officer, missing }: ReturnForSupplement) {
    await actOnDossier(this.store, this.clock, dossierId, officer, (state) => ({
      type: 'ReturnForSupplement',
      returned: { dossierId, code: state.code ?? '', returnedAt: this.clock.now().toISOString(), missing, officerId: officer.id },
    }));
    return { dossierId, status: 'RETURNED_FOR_SUPPLEMENT' as const };
  }
}
