import { randomUUID } from 'node:crypto';
import { ParkedMessages } from './parked-messages';
import { PgDatabase } from './pg-database';
import { openTestStore } from './test-schema';

describe('ParkedMessages (PostgreSQL)', () => {
  let db: PgDatabase;
  let parked: ParkedMessages;
  let schema: string;

  beforeAll(async () => {
    const opened = await openTestStore('es_park');
    db = opened.db;
    schema = opened.schema;
    parked = new ParkedMessages(db, opened.schema);
  });
  afterAll(() => db.close());

  const message = (subject: string, messageId = randomUUID()) => ({
    consumer: 'processing.payment',
    subject,
    messageId,
    topic: 'motcua.payment.events.v1',
    envelope: { id: messageId, type: 'PaymentSucceeded' },
    headers: { ce_id: messageId },
  });

  it('keeps messages per subject in arrival order and ignores a repeat', async () => {
    const first = message('dossier-a');
    expect(await parked.park(first)).toBe(true);
    expect(await parked.park(message('dossier-a'))).toBe(true);
    expect(await parked.park(message('dossier-b'))).toBe(true);
    expect(await parked.park(first)).toBe(false);

    const taken = await db.transaction(() => parked.takeForSubject('dossier-a'));
    expect(taken).toHaveLength(2);
    expect(taken[0].messageId).toBe(first.messageId);
    expect(taken[0].envelope).toEqual(first.envelope);
    await parked.remove(taken[0].id);
    expect(await parked.count()).toBe(2);
  });

  it('hides rows another transaction is applying', async () => {
    await parked.park(message('dossier-c'));
    let inner: number | undefined;
    await db.transaction(async () => {
      const mine = await parked.takeForSubject('dossier-c');
      expect(mine).toHaveLength(1);
      const other = await db.session();
      try {
        const rows = await other.query(`select id from "${schema}".parked_messages where subject = 'dossier-c' for update skip locked`);
        inner = rows.rowCount ?? 0;
      } finally {
        other.release();
      }
    });
    expect(inner).toBe(0);
  });
});
