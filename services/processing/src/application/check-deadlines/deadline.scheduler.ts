import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { WorkingCalendar } from '@motcua/calendar';
import { EventStore, handleCommand, PgDatabase } from '@motcua/event-store';
import { EVENT_STORE } from '@motcua/messaging';
import { CLOCK, Clock, DATABASE } from '@motcua/platform';
import { caseDecider } from '../../domain/case/case.decider';
import { caseCodec } from '../case-stream';

/** Reminders go out when less than one working day is left. */
const DUE_SOON_MINUTES = 450;
/** Candidates are read generously in calendar time; the decider judges in working time. */
const HORIZON_MS = 14 * 86_400_000;

/**
 * Finds open cases that are overdue or due soon and tells each case so. Durable (it reads the
 * case_deadlines table, not memory) and idempotent: the case records each reminder and its
 * overdue state once, and two replicas ticking together race on the stream version, so one wins
 * and the other re-decides to nothing.
 */
@Injectable()
export class DeadlineScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('deadlines');
  private readonly decider = caseDecider(new WorkingCalendar());
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    @Inject(DATABASE) private readonly db: PgDatabase,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    const interval = Number(process.env['DEADLINE_CHECK_INTERVAL_MS'] ?? 30_000);
    this.timer = setInterval(() => {
      this.running ??= this.tick().finally(() => (this.running = undefined));
    }, interval);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass; returns how many cases produced events. */
  async tick(): Promise<number> {
    const now = this.clock.now();
    const { rows } = await this.db.query<{ dossier_id: string }>(
      `select dossier_id from processing.case_deadlines
       where status = 'OPEN' and due_at is not null
         and ((due_at < $1 and not overdue_recorded) or (due_at < $2 and not due_soon_notified))
       order by due_at limit 500`,
      [now, new Date(now.getTime() + HORIZON_MS)],
    );
    let changed = 0;
    for (const { dossier_id: dossierId } of rows) {
      try {
        const { events } = await this.db.transaction(() =>
          handleCommand(this.store, dossierId, this.decider, caseCodec(this.clock), { type: 'CheckDeadline', at: now, dueSoonWithinMinutes: DUE_SOON_MINUTES }),
        );
        if (events.length > 0) changed += 1;
      } catch (error) {
        this.logger.error({ err: error, dossierId }, 'deadline check failed; it is retried on the next pass');
      }
    }
    return changed;
  }
}
