import type { IntegrationEvent } from '@motcua/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { PROJECTIONS_SCHEMA } from '../../database/projections-schema';
import { DossierEvent, isDossierEvent } from '../../domain/dossier-facts/dossier-event';
import { foldFacts } from '../../domain/dossier-facts/dossier-facts.fold';
import { advancePartition, claimEventIds, lockPartition, storedOffsets } from '../../projections/consumed-offsets/consumed-offsets';
import { DossierFactsWriter } from '../../projections/dossier-facts/dossier-facts.writer';
import { recordTimeline } from '../../projections/dossier-timeline/timeline.writer';
import { markDirty } from '../../projections/indicator-totals/dirty-dossiers.writer';
import { applyCatalogue, isCatalogueEvent, UNITS_LOCK } from '../../projections/units/catalogue.writer';

/** One Kafka message: its event, a type no reader here knows (skipped), or why it could not be read (it goes to the dead-letter topic). */
export type BatchMessage = { offset: string; event: IntegrationEvent } | { offset: string; ignored: true } | { offset: string; invalid: unknown };

export interface BatchOutcome {
  applied: number;
  /** At or below the stored offset: already in the read models (redelivery after a crash or rebalance). */
  skipped: number;
  /** An event id projected before, at another offset. */
  duplicates: number;
  deadLettered: number;
  /** Types the registry does not know: the offset moves past them. */
  ignored: number;
  /**
   * The last offset this batch accounts for (applied, or at or below the stored offset): the
   * consumer's position may move past it and no further. Short of the batch's last message when a
   * rebuild's bound stops it; undefined when the bound stops it at the first.
   */
  through: string | undefined;
}

/** Batches hold it shared; switching a rebuilt schema in takes it alone, so no batch straddles the switch. */
export const SWITCH_LOCK = "hashtext('motcua.projections.switch')";

/** Test seam: runs inside the batch's transaction after every row is written, before it commits. */
export interface BatchFaults {
  beforeCommit?(topic: string, partition: number, applied: IntegrationEvent[]): Promise<void> | void;
}

/**
 * One Kafka batch (one topic partition) in one PostgreSQL transaction: the read-model rows and the
 * partition's consumed offset commit together or not at all, so a crash anywhere is redelivered
 * and redelivery is skipped. Exactly once in effect, with Kafka's own commit only a hint.
 */
export class BatchProjector {
  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
    private readonly faults: BatchFaults = {},
    /** A rebuild applies nothing after these offsets (the live tables' offsets, moved up as they move). */
    private readonly until?: ReadonlyMap<string, bigint>,
  ) {}

  /** Where the read models stand on these topics: the truth a consumer resumes from, whatever the group committed. */
  storedOffsets(topics: string[]): Promise<Map<string, bigint>> {
    return storedOffsets(this.dataSource, this.schema, topics);
  }

  apply(topic: string, partition: number, messages: BatchMessage[], deadLetter: (offset: string, error: unknown) => Promise<void>): Promise<BatchOutcome> {
    return this.dataSource.transaction(async (manager) => {
      // A rebuild's batches write a schema nobody reads yet, and must go on while the switch holds the lock.
      if (this.schema === PROJECTIONS_SCHEMA) await manager.query(`select pg_advisory_xact_lock_shared(${SWITCH_LOCK})`);
      const stored = await lockPartition(manager, this.schema, topic, partition);
      const bound = this.until ? (this.until.get(`${topic}|${partition}`) ?? -1n) : undefined;
      // Offsets ascend within a batch: what lies within the bound is a prefix of it.
      const within = bound === undefined ? messages : messages.filter((m) => BigInt(m.offset) <= bound);
      const fresh = within.filter((m) => BigInt(m.offset) > stored);
      const through = within.length > 0 ? within[within.length - 1].offset : undefined;
      const outcome: BatchOutcome = { applied: 0, skipped: within.length - fresh.length, duplicates: 0, deadLettered: 0, ignored: 0, through };
      if (fresh.length === 0) return outcome;
      const readable: { offset: string; event: IntegrationEvent }[] = [];
      for (const message of fresh) {
        if ('event' in message) readable.push(message);
        else if ('ignored' in message) outcome.ignored += 1;
        else {
          // Sent before the offset commits: a crash re-sends it (a dead letter twice), never loses it.
          await deadLetter(message.offset, message.invalid);
          outcome.deadLettered += 1;
        }
      }
      const seen = new Set<string>();
      const firstOfEach = readable.filter((m) => !seen.has(m.event.id) && seen.add(m.event.id));
      const claimed = await claimEventIds(manager, this.schema, topic, partition, firstOfEach.map((m) => ({ id: m.event.id, offset: m.offset })));
      const events = firstOfEach.filter((m) => claimed.has(m.event.id)).map((m) => m.event);
      outcome.duplicates = readable.length - events.length;
      outcome.applied = events.length;
      await this.project(manager, events);
      await advancePartition(manager, this.schema, topic, partition, fresh[fresh.length - 1].offset);
      await this.faults.beforeCommit?.(topic, partition, events);
      return outcome;
    });
  }

  private async project(manager: EntityManager, events: IntegrationEvent[]): Promise<void> {
    await applyCatalogue(manager, this.schema, events.filter(isCatalogueEvent));
    const dossierEvents = events.filter(isDossierEvent);
    if (dossierEvents.length === 0) return;
    await manager.query(`select pg_advisory_xact_lock_shared(${UNITS_LOCK})`);
    const byDossier = new Map<string, DossierEvent[]>();
    for (const event of dossierEvents) {
      const list = byDossier.get(event.data.dossierId);
      if (list) list.push(event);
      else byDossier.set(event.data.dossierId, [event]);
    }
    const writer = new DossierFactsWriter(manager, this.schema);
    const known = await writer.lockAndLoad([...byDossier.keys()]);
    await writer.save([...byDossier].map(([id, list]) => foldFacts(known.get(id), id, list)));
    await markDirty(manager, this.schema, [...byDossier.keys()]);
    await recordTimeline(manager, this.schema, dossierEvents);
  }
}
