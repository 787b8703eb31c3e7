import { EntityManager } from 'typeorm';
import { DossierEvent } from '../../domain/dossier-facts/dossier-event';
import { timelineStepOf } from '../../domain/dossier-facts/timeline-step';
import { recordsetOf, toRecord } from '../../database/recordset';
import { TimelineEntryEntity } from './timeline-entry.entity';

/** The steps among a batch's events, in one insert; an event already on the timeline is left as it is. */
export async function recordTimeline(manager: EntityManager, schema: string, events: DossierEvent[]): Promise<void> {
  const { columns, from } = recordsetOf(manager.connection.getMetadata(TimelineEntryEntity));
  const records = events.flatMap((event) => {
    const step = timelineStepOf(event);
    if (!step) return [];
    const entry = { eventId: event.id, dossierId: event.subject, occurredAt: event.time, service: event.source.replace(/^motcua\//, ''), eventType: event.type, ...step };
    return [toRecord(columns, entry)];
  });
  if (records.length === 0) return;
  const names = columns.map((column) => `"${column.databaseName}"`).join(', ');
  await manager.query(`insert into ${schema}.dossier_timeline (${names}) select ${names} from ${from} on conflict (event_id) do nothing`, [JSON.stringify(records)]);
}
