import { randomUUID } from 'node:crypto';
import { openTestKit, TestKit } from '../testing/test-kit';
import { ParkedMessageDrain } from './parked-message-drain';

describe('inbox pruning (real PostgreSQL)', () => {
  let kit: TestKit;
  beforeEach(async () => {
    kit = await openTestKit('prune', 1);
  });
  afterEach(() => kit.close());

  it("forgets applied entries older than the retention at the sweep, and keeps recent ones and those still in play", async () => {
    const insert = (outcome: string, daysAgo: number) =>
      kit.db.query(`insert into "${kit.schema}".inbox (consumer, message_id, topic, outcome, received_at) values ('g', $1, 't', $2, now() - $3::int * interval '1 day')`, [
        randomUUID(),
        outcome,
        daysAgo,
      ]);
    await insert('APPLIED', 40);
    await insert('APPLIED', 2);
    await insert('PARKED', 40);
    await insert('DEAD_LETTERED', 40);
    await new ParkedMessageDrain(kit.db, kit.schema, undefined, { inboxRetentionDays: 30 }).sweep();
    const { rows } = await kit.db.query<{ outcome: string; days: number }>(
      `select outcome, extract(day from now() - received_at)::int as days from "${kit.schema}".inbox order by outcome, days`,
    );
    expect(rows).toEqual([
      { outcome: 'APPLIED', days: 2 },
      { outcome: 'DEAD_LETTERED', days: 40 },
      { outcome: 'PARKED', days: 40 },
    ]);
  });
});
