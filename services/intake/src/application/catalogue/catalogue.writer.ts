import { Inject, Injectable } from '@nestjs/common';
import { EventStore, handleCommand, PgDatabase } from '@motcua/event-store';
import { DomainError } from '@motcua/platform/errors';
import { EVENT_STORE } from '@motcua/messaging';
import { CLOCK, Clock, DATABASE } from '@motcua/platform';
import type { AdministrativeUnit } from '../../domain/catalogue/administrative-unit';
import { CatalogueEvent, CatalogueEventOf, procedureStream, unitStream } from '../../domain/catalogue/catalogue.events';
import type { UnitDirectory } from '../../domain/catalogue/catalogue.rules';
import { ProcedureCommand, procedureDecider, ProcedureState } from '../../domain/catalogue/procedure.decider';
import { UnitCommand, unitDecider } from '../../domain/catalogue/unit.decider';
import { catalogueCodec } from './catalogue.codec';
import { CatalogueProjection } from './catalogue.projection';
import { UnitDirectoryReader, withUnits } from './unit-directory';

/** One catalogue transaction: each command decided on its own stream (expected version checked). */
export class CatalogueChanges {
  readonly recorded: CatalogueEvent[] = [];
  private baseDirectory: Promise<UnitDirectory> | undefined;

  constructor(
    private readonly store: EventStore,
    private readonly codec: ReturnType<typeof catalogueCodec>,
    private readonly units: UnitDirectoryReader,
  ) {}

  async procedure(command: ProcedureCommand): Promise<CatalogueEvent[]> {
    const code = command.type === 'DefineVersion' ? command.definition.code : command.code;
    const { events } = await handleCommand(this.store, procedureStream(code), procedureDecider, this.codec, command);
    this.recorded.push(...events);
    return events;
  }

  /**
   * Many procedure commands as one batch: their streams read at once, each command decided in
   * order against the state the earlier ones left (rows of one code become consecutive versions),
   * and every event appended in one statement. A batch is written whole or not at all: when any
   * command is refused, nothing is appended and each outcome says what happened to its command.
   * `write: false` only decides (an import already refused for other rows still reports these).
   */
  async procedures(commands: ProcedureCommand[], { write = true }: { write?: boolean } = {}): Promise<({ events: CatalogueEvent[] } | { error: DomainError })[]> {
    const streamOf = (command: ProcedureCommand) => procedureStream(command.type === 'DefineVersion' ? command.definition.code : command.code);
    const recorded = await this.store.readStreams([...new Set(commands.map(streamOf))]);
    const streams = new Map<string, { read: number; state: ProcedureState; added: CatalogueEvent[] }>();
    const streamFor = (id: string) => {
      let stream = streams.get(id);
      if (!stream) {
        const events = recorded.get(id) ?? [];
        stream = { read: events.length, state: events.map((e) => this.codec.decode(e)).reduce(procedureDecider.evolve, procedureDecider.initialState), added: [] };
        streams.set(id, stream);
      }
      return stream;
    };
    const outcomes = commands.map((command) => {
      const stream = streamFor(streamOf(command));
      try {
        const events = procedureDecider.decide(command, stream.state);
        stream.state = events.reduce(procedureDecider.evolve, stream.state);
        stream.added.push(...events);
        return { events };
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        return { error };
      }
    });
    if (!write || outcomes.some((o) => 'error' in o)) return outcomes;
    const appends = [...streams].filter(([, s]) => s.added.length > 0);
    await this.store.appendToStreams(appends.map(([streamId, s]) => ({ streamId, events: s.added.map((e) => this.codec.encode(e)), expectedVersion: s.read === 0 ? 'no_stream' : s.read })));
    for (const [, s] of appends) this.recorded.push(...s.added);
    return outcomes;
  }

  async unit(command: UnitCommand): Promise<CatalogueEvent[]> {
    const { events } = await handleCommand(this.store, unitStream(command.unit.code), unitDecider, this.codec, command);
    this.recorded.push(...events);
    return events;
  }

  /** Registered units, including those registered earlier in this transaction. */
  async directory(): Promise<UnitDirectory> {
    this.baseDirectory ??= this.units.directory();
    const registered = this.recorded.filter((e): e is CatalogueEventOf<'AdministrativeUnitRegistered'> => e.type === 'AdministrativeUnitRegistered');
    return withUnits(await this.baseDirectory, registered.map((e): AdministrativeUnit => e.data));
  }
}

/**
 * Runs catalogue changes in one PostgreSQL transaction: the events appended to the procedure and
 * unit streams and the read tables they change commit together, or nothing does (a refused row
 * of an import leaves no trace of the others).
 */
@Injectable()
export class CatalogueWriter {
  constructor(
    @Inject(DATABASE) private readonly db: PgDatabase,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly projection: CatalogueProjection,
    private readonly units: UnitDirectoryReader,
  ) {}

  run<T>(work: (changes: CatalogueChanges) => Promise<T>, options: { exclusive?: string } = {}): Promise<T> {
    return this.db.transaction(async () => {
      // Replicas seeding at once take turns: the second finds everything there and adds nothing.
      if (options.exclusive) await this.db.query('select pg_advisory_xact_lock(hashtext($1))', [options.exclusive]);
      const changes = new CatalogueChanges(this.store, catalogueCodec(this.clock), this.units);
      const result = await work(changes);
      await this.projection.apply(changes.recorded, this.clock.now());
      return result;
    });
  }
}
