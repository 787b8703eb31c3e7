import { randomBytes } from 'node:crypto';
import { eventStoreMigrations, handleCommand, migrate, PgDatabase, PgEventStore } from '@motcua/event-store';
import { FixedClock } from '@motcua/platform';
import { createTestDatabase } from '@motcua/testing';
import { toResolution } from '../../api/kafka/processing-events.handler';
import { resultDecider } from '../../domain/result/result.decider';
import { dossierResolved, documentStored } from '../../testing/issuance.harness';
import { resultCodec } from '../result-stream';
import { signingKeyMigrations } from '../signing-keys/signing-keys.migrations';
import { SigningKeys } from '../signing-keys/signing-keys';
import { ElectronicIssuance } from './electronic-issuance';
import { electronicIssuanceMigrations } from './electronic-issuance.migrations';

/**
 * The decision and the stored document arrive through two consumers, each in its own
 * transaction. Committed at the same moment, each could miss the other's fact and neither sign;
 * the lock on the document id makes the second see the first. Real PostgreSQL, real races.
 */
describe('e-result issuance when the decision and the document race (real PostgreSQL)', () => {
  let db: PgDatabase;
  let issuance: ElectronicIssuance;
  let store: PgEventStore;

  beforeAll(async () => {
    db = PgDatabase.connect(await createTestDatabase('issuance_race_int'));
    await migrate(db, 'issuance', [...eventStoreMigrations, ...signingKeyMigrations, ...electronicIssuanceMigrations]);
    store = new PgEventStore(db, 'issuance');
    issuance = new ElectronicIssuance(db, store, new SigningKeys(db, new FixedClock(new Date('2025-03-10T03:00:00.000Z')), 'race-test-signing-secret-0123456789abcdef'));
  });
  afterAll(() => db.close());

  it('signs every e-result exactly once, whichever transaction commits first', async () => {
    const resolutions = Array.from({ length: 12 }, () => toResolution(dossierResolved()));
    await Promise.all(
      resolutions.flatMap((resolution) => {
        const bytes = randomBytes(64);
        const decision = () =>
          db.transaction(async () => {
            await handleCommand(store, resolution.dossierId, resultDecider, resultCodec, { type: 'NoteResolution', resolution });
            await issuance.resolutionNoted(resolution);
          });
        const document = () => db.transaction(() => issuance.documentStored({ ...documentStored(resolution.resultDocument?.documentId ?? '', bytes), bytes: 64, origin: 'RESULT' }));
        return Math.random() < 0.5 ? [decision(), document()] : [document(), decision()];
      }),
    );
    for (const { dossierId } of resolutions) {
      expect((await store.readStream(dossierId)).map((e) => e.type)).toEqual(['ResolutionNoted', 'ResultIssued']);
    }
    expect((await db.query(`select count(*)::int as n from issuance.awaiting_documents`)).rows[0].n).toBe(0);
  });
});
