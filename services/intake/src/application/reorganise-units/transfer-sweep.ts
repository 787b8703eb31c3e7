import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EventStore, handleCommand, PgDatabase } from '@motcua/event-store';
import { EVENT_STORE } from '@motcua/messaging';
import { CLOCK, Clock, DATABASE } from '@motcua/platform';
import { dossierDecider } from '../../domain/dossier/dossier.decider';
import { dossierCodec } from '../dossier-stream';

const PAGE = 500;

/**
 * Moves every dossier in flight at a unit a reorganisation merged, once the merger is effective,
 * to the successor: each dossier's stream records DossierTransferred, which every service follows.
 * Durable and idempotent: it reads the dossiers in flight (reception_queue) against the units
 * table on every tick, so a dossier submitted in the instant before the merger, or a chain of
 * mergers, is moved on the next pass; a dossier already moved decides to nothing, and two
 * replicas racing on a stream leave one transfer.
 */
@Injectable()
export class TransferSweep implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('reorganisation');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    @Inject(DATABASE) private readonly db: PgDatabase,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    const interval = Number(process.env['TRANSFER_SWEEP_INTERVAL_MS'] ?? 15_000);
    this.timer = setInterval(() => this.kick(), interval);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Starts a pass unless one is running (the next tick catches what it missed). */
  kick(): void {
    this.running ??= this.tick()
      .catch((error: unknown) => {
        this.logger.warn({ err: error }, 'transfer pass failed; the next tick retries');
        return 0;
      })
      .finally(() => (this.running = undefined));
  }

  /** One pass: returns how many dossiers moved. Pages on the dossier id so a dossier that decides to nothing never hides others. */
  async tick(): Promise<number> {
    const now = this.clock.now();
    const codec = dossierCodec(this.clock);
    let moved = 0;
    for (let after = '00000000-0000-0000-0000-000000000000'; ; ) {
      const page = await this.candidates(now, after);
      for (const c of page) {
        const transfer = { transferredAt: now.toISOString(), fromUnit: c.unit, toUnit: c.merged_into, reorganisationId: c.reorganisation_id, effectiveAt: c.effective_at.toISOString(), transitionEndsAt: c.transition_ends_at.toISOString() };
        const { events } = await handleCommand(this.store, c.dossier_id, dossierDecider, codec, { type: 'Transfer', transfer });
        moved += events.length;
      }
      if (page.length < PAGE) break;
      after = page[page.length - 1].dossier_id;
    }
    if (moved > 0) this.logger.log({ moved }, 'dossiers moved to successor units');
    return moved;
  }

  private async candidates(now: Date, after: string) {
    const { rows } = await this.db.query<{ dossier_id: string; unit: string; merged_into: string; reorganisation_id: string; effective_at: Date; transition_ends_at: Date }>(
      `select q.dossier_id, q.unit, u.merged_into, r.id as reorganisation_id, r.effective_at, r.transition_ends_at
         from intake.reception_queue q
         join intake.units u on u.code = q.unit
         join intake.reorganisations r on r.id = u.reorganisation_id
        where u.merged_into is not null and u.valid_to <= $1 and q.dossier_id > $2
        order by q.dossier_id limit ${PAGE}`,
      [now, after],
    );
    return rows;
  }
}
