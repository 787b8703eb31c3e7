import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '@motcua/event-store';
import { EVENT_STORE } from '@motcua/messaging';
import { CLOCK, Clock, ForbiddenError, Idempotent, IdempotentRequests, Principal } from '@motcua/platform';
import type { DeliveryMethod } from '../../domain/result/result.commands';
import { actOnResult } from '../act-on-result';
import { DeliverResult, Delivery } from './deliver-result.command';

@CommandHandler(DeliverResult)
export class DeliverResultHandler implements ICommandHandler<DeliverResult, Idempotent<Delivery>> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly idempotency: IdempotentRequests,
  ) {}

  execute({ dossierId, caller, method, idempotencyKey }: DeliverResult): Promise<Idempotent<Delivery>> {
    assertMayDeliver(caller, method);
    return this.idempotency.runIfKeyed(caller.id, idempotencyKey, { act: 'delivery', dossierId, method }, async () => {
      const at = this.clock.now();
      await actOnResult(this.store, dossierId, caller, 'DELIVER', { type: 'DeliverResult', method, at }, at);
      return { dossierId, method, deliveredAt: at.toISOString(), completed: true as const };
    });
  }
}

/** Online delivery is the portal's (after the applicant downloaded); the desk hands over or posts. */
function assertMayDeliver(caller: Principal, method: DeliveryMethod): void {
  const allowed = method === 'ONLINE' ? caller.role === 'PORTAL' : caller.role === 'RECEPTION_OFFICER' || caller.role === 'ADMIN';
  if (!allowed) throw new ForbiddenError('RESULT.DELIVERY_NOT_ALLOWED', method === 'ONLINE' ? 'Only a portal records an online delivery' : 'Only the reception desk records a counter or postal delivery');
}
