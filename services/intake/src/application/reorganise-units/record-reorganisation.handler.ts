import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore, PgDatabase } from '@motcua/event-store';
import { EVENT_STORE } from '@motcua/messaging';
import { CLOCK, Clock, DATABASE, Principal, ValidationFailedError } from '@motcua/platform';
import type { AdministrativeUnit } from '../../domain/catalogue/administrative-unit';
import { REORGANISATION_RECORDED, reorganisationStream } from '../../domain/catalogue/catalogue.events';
import { unitProblems } from '../../domain/catalogue/catalogue.rules';
import { Reorganisation, reorganisationChanges, reorganisationProblems } from '../../domain/catalogue/reorganisation';
import { ReorganisationAlreadyRecordedError, ReorganisationRefusedError } from '../../domain/catalogue/reorganisation.errors';
import { CatalogueChanges, CatalogueWriter } from '../catalogue/catalogue.writer';
import { ListedUnit, UnitDirectoryReader } from '../catalogue/unit-directory';
import { ReorganisationImpact, UnitImpact } from './reorganisation-impact';
import { TransferSweep } from './transfer-sweep';

export class RecordReorganisation {
  constructor(
    readonly reorganisation: Omit<Reorganisation, 'recordedAt' | 'recordedBy'>,
    /** Successors that do not exist yet, registered with it. */
    readonly register: AdministrativeUnit[],
    readonly dryRun: boolean,
    readonly admin: Principal,
  ) {}
}

export interface ReorganisationOutcome {
  id: string;
  dryRun: boolean;
  effectiveAt: string;
  transitionEndsAt: string;
  /** Per merged unit, the dossiers in flight that move (at once when effective, else from effectiveAt). */
  units: UnitImpact[];
  dossiers: number;
  closed: string[];
  registered: string[];
}

const withoutSuccessors = ({ successors, ...unit }: ListedUnit): AdministrativeUnit => (void successors, unit);

/**
 * An administrator records a reorganisation: successors registered, merged units closed from the
 * effective date and each successor naming them, in one transaction with the record itself. The
 * dossiers in flight move by the transfer sweep from the effective date on (at once when it has
 * passed). A dry run checks the same rules and answers what would move, writing nothing.
 */
@CommandHandler(RecordReorganisation)
export class RecordReorganisationHandler implements ICommandHandler<RecordReorganisation, ReorganisationOutcome> {
  constructor(
    @Inject(DATABASE) private readonly db: PgDatabase,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly writer: CatalogueWriter,
    private readonly units: UnitDirectoryReader,
    private readonly impact: ReorganisationImpact,
    private readonly sweep: TransferSweep,
  ) {}

  async execute({ reorganisation: r, register, dryRun, admin }: RecordReorganisation): Promise<ReorganisationOutcome> {
    const registering = register.flatMap((unit, i) => unitProblems(unit).map((p) => ({ ...p, field: `register.${i}.${p.field}` })));
    if (registering.length > 0) throw new ValidationFailedError(registering);
    const recorded: Reorganisation = { ...r, recordedAt: this.clock.now().toISOString(), recordedBy: admin.id };
    const outcome = async (changes?: CatalogueChanges): Promise<ReorganisationOutcome> => {
      const { rowCount } = await this.db.query('select 1 from intake.reorganisations where id = $1', [r.id]);
      if (rowCount) throw new ReorganisationAlreadyRecordedError(r.id);
      const units = new Map((await this.units.list()).map((u) => [u.code, withoutSuccessors(u)]));
      for (const unit of register) units.set(unit.code, unit);
      const problems = reorganisationProblems(recorded, units);
      if (problems.length > 0) throw new ReorganisationRefusedError(problems);
      const changed = reorganisationChanges(recorded, units);
      const impact = await this.impact.of(recorded.mergers);
      if (changes) await this.record(changes, recorded, register, [...changed.successors, ...changed.closed]);
      return {
        id: r.id, dryRun, effectiveAt: r.effectiveAt, transitionEndsAt: r.transitionEndsAt,
        units: impact, dossiers: impact.reduce((n, u) => n + u.total, 0),
        closed: changed.closed.map((u) => u.code), registered: register.map((u) => u.code),
      };
    };
    const answer = dryRun ? await outcome() : await this.writer.run((changes) => outcome(changes), { exclusive: 'intake.reorganisation' });
    if (!dryRun && Date.parse(r.effectiveAt) <= this.clock.now().getTime()) this.sweep.kick();
    return answer;
  }

  /** New successors are registered as they stand after it; the others, and the merged units, change. */
  private async record(changes: CatalogueChanges, r: Reorganisation, register: AdministrativeUnit[], changed: AdministrativeUnit[]): Promise<void> {
    const { rowCount } = await this.db.query(
      `insert into intake.reorganisations (id, effective_at, transition_ends_at, abolished_levels, mergers, recorded_at, recorded_by)
       values ($1, $2, $3, $4, $5, $6, $7) on conflict (id) do nothing`,
      [r.id, r.effectiveAt, r.transitionEndsAt, r.abolishedLevels, JSON.stringify(r.mergers), r.recordedAt, r.recordedBy],
    );
    if (rowCount === 0) throw new ReorganisationAlreadyRecordedError(r.id);
    await this.store.append(reorganisationStream(r.id), [{ id: randomUUID(), type: REORGANISATION_RECORDED, data: r, metadata: { subject: r.id, time: r.recordedAt } }], { expectedVersion: 'no_stream' });
    const registered = new Set(register.map((u) => u.code));
    const changedCodes = new Set(changed.map((u) => u.code));
    for (const unit of register.filter((u) => !changedCodes.has(u.code))) await changes.unit({ type: 'Register', unit });
    for (const unit of changed) await changes.unit(registered.has(unit.code) ? { type: 'Register', unit } : { type: 'Change', unit });
  }
}
