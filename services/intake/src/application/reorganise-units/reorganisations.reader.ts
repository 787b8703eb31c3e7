import { Inject, Injectable } from '@nestjs/common';
import { PgDatabase } from '@motcua/event-store';
import { DATABASE } from '@motcua/platform';
import type { Merger } from '../../domain/catalogue/reorganisation';

export interface ReorganisationView {
  id: string;
  effectiveAt: string;
  transitionEndsAt: string;
  abolishedLevels: string[];
  mergers: Merger[];
  recordedAt: string;
}

/** The recorded reorganisations, from their table (never who recorded them: that is the log's). */
@Injectable()
export class ReorganisationsReader {
  constructor(@Inject(DATABASE) private readonly db: PgDatabase) {}

  async list(): Promise<ReorganisationView[]> {
    const { rows } = await this.db.query<{ id: string; effective_at: Date; transition_ends_at: Date; abolished_levels: string[]; mergers: Merger[]; recorded_at: Date }>(
      `select id, effective_at, transition_ends_at, abolished_levels, mergers, recorded_at from intake.reorganisations order by effective_at desc, id`,
    );
    return rows.map((r) => ({ id: r.id, effectiveAt: r.effective_at.toISOString(), transitionEndsAt: r.transition_ends_at.toISOString(), abolishedLevels: r.abolished_levels, mergers: r.mergers, recordedAt: r.recorded_at.toISOString() }));
  }
}
