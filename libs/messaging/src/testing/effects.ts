import type { Envelope } from '@motcua/contracts';
import { PgDatabase } from '@motcua/event-store';
import { MessageHandler } from '../inbox/message-handler';

/** A test handler's observable effect: one counter per subject, written in the consumer's transaction. */
export async function createEffects(db: PgDatabase, schema: string): Promise<void> {
  await db.query(`create table if not exists "${schema}".effects (subject text primary key, applied integer not null)`);
}

export function countingHandler(db: PgDatabase, schema: string, before?: (envelope: Envelope) => void): MessageHandler {
  return async (envelope) => {
    before?.(envelope);
    await db.query(
      `insert into "${schema}".effects (subject, applied) values ($1, 1)
       on conflict (subject) do update set applied = effects.applied + 1`,
      [envelope.subject],
    );
  };
}

export async function appliedCount(db: PgDatabase, schema: string, subject: string): Promise<number> {
  const { rows } = await db.query<{ applied: number }>(`select applied from "${schema}".effects where subject = $1`, [subject]);
  return rows[0]?.applied ?? 0;
}
