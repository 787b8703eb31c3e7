import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DUE_SOON_WORKING_MINUTES, WorkingCalendar } from '@motcua/calendar';
import { EventStore, handleCommand, PgDatabase } from '@motcua/event-store';
import { EVENT_STORE } from '@motcua/messaging';
import { CLOCK, Clock, DATABASE } from '@motcua/platform';
import { caseDecider } from '../../domain/case/case.decider';
import { caseCodec } from '../case-stream';

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
  /** Candidates read at a time; a pass reads page after page until none are left. */
  private readonly page = pageSize(process.env['DEADLINE_CHECK_PAGE_SIZE']);

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

  /**
   * One pass over every candidate, a page at a time; returns how many cases produced events.
   * The pass pages on (due_at, dossier_id) rather than re-reading the first page, so cases that
   * produce nothing this time (a projection not yet caught up, a check that failed) can never
   * hide the ones behind them.
   */
  async tick(): Promise<number> {
    const now = this.clock.now();
    let changed = 0;
    let after: { dueAt: Date; dossierId: string } | undefined;
    for (;;) {
      const page = await this.candidates(now, after);
      for (const { dossier_id: dossierId } of page) {
        if (await this.check(dossierId, now)) changed += 1;
      }
      if (page.length < this.page) return changed;
      const last = page[page.length - 1];
      after = { dueAt: last.due_at, dossierId: last.dossier_id };
    }
  }

  /**
   * Overdue and not yet recorded, or due within the horizon and neither reminded nor overdue:
   * once overdue is recorded a reminder is moot, so such a case is never a candidate again.
   */
  private async candidates(now: Date, after?: { dueAt: Date; dossierId: string }) {
    const { rows } = await this.db.query<{ dossier_id: string; due_at: Date }>(
      `select dossier_id, due_at from processing.case_deadlines
       where status = 'OPEN' and due_at is not null and not overdue_recorded
         and (due_at < $1 or (due_at < $2 and not due_soon_notified))
         and ($3::timestamptz is null or (due_at, dossier_id) > ($3, $4::uuid))
       order by due_at, dossier_id limit $5`,
      [now, new Date(now.getTime() + HORIZON_MS), after?.dueAt ?? null, after?.dossierId ?? null, this.page],
    );
    return rows;
  }

  private async check(dossierId: string, now: Date): Promise<boolean> {
    try {
      const { events } = await this.db.transaction(() =>
        handleCommand(this.store, dossierId, this.decider, caseCodec(this.clock), { type: 'CheckDeadline', at: now, dueSoonWithinMinutes: DUE_SOON_WORKING_MINUTES }),
      );
      return events.length > 0;
    } catch (error) {
      this.logger.error({ err: error, dossierId }, 'deadline check failed; it is retried on the next pass');
      return false;
    }
  }
}

/** A page of none would never end a pass: anything but a positive whole number means the default. */
function pageSize(configured: string | undefined): number {
  const size = Number(configured);
  return Number.isInteger(size) && size > 0 ? size : 500;
}
