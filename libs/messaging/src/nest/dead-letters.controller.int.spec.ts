import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable, Module } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Envelope } from '@motcua/contracts';
import { PgDatabase } from '@motcua/event-store';
import { createServiceApp, DATABASE, mintDevToken, PlatformModule } from '@motcua/platform';
import { Kafka } from 'kafkajs';
import { KafkaPublisher } from '../kafka/publisher';
import { appliedCount } from '../testing/effects';
import { sendEnvelopes, withdrawn } from '../testing/envelopes';
import { until } from '../testing/until';
import { IntegrationEventHandler, KAFKA } from './messaging.options';
import { MessagingModule } from './messaging.module';

const service = `dlqsvc_${randomBytes(4).toString('hex')}`;
const topic = `test.${service}.events.v1`;
const SECRET = 'dead-letters-http-secret-0123456789abcdef';
const mended = { now: false };

/** Applies withdrawals, except a `poison` one until the cause is mended. */
@Injectable()
class Withdrawals implements IntegrationEventHandler {
  readonly handles = ['DossierWithdrawn'] as const;

  constructor(@Inject(DATABASE) private readonly db: PgDatabase) {}
  async handle(envelope: Envelope): Promise<void> {
    if ((envelope.data as { reason?: string }).reason === 'poison' && !mended.now) throw new Error('cannot apply this one');
    await this.db.query(`insert into "${service}".effects (subject, applied) values ($1, 1) on conflict (subject) do update set applied = effects.applied + 1`, [envelope.subject]);
  }
}

@Module({
  imports: [
    PlatformModule.forRoot({ service }),
    MessagingModule.forRoot({
      service,
      consumes: [{ topic, handler: Withdrawals }],
      partitions: 1,
      migrations: [{ id: 'test/001_effects', up: (s) => `create table ${s}.effects (subject text primary key, applied integer not null)` }],
    }),
  ],
  providers: [Withdrawals],
})
class ConsumingServiceModule {}

describe('dead letters and parked messages over HTTP, for operators (real PostgreSQL and Kafka)', () => {
  let app: NestFastifyApplication;
  let base: string;
  let publisher: KafkaPublisher;
  const operator = { authorization: `Bearer ${mintDevToken({ sub: 'operator-1', role: 'OPERATOR', unit: 'H56' }, SECRET)}` };
  const call = async (method: string, path: string, headers: Record<string, string>, body?: unknown) => {
    const response = await fetch(`${base}/v1${path}`, { method, headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const consumer = () => `${service}.${topic}`;
  /** Reads until the answer is accepted; the messaging lib's specs cannot use the shared test kit. */
  const poll = async <T>(read: () => Promise<T>, accept: (value: T) => boolean, what: string): Promise<T> => {
    let value: T | undefined;
    await until(async () => accept((value = await read())), what);
    return value as T;
  };

  beforeAll(async () => {
    process.env['JWT_SECRET'] = SECRET;
    app = await createServiceApp(ConsumingServiceModule, { service, defaultPort: 0 });
    await app.listen(0, '127.0.0.1');
    base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    publisher = new KafkaPublisher(app.get<Kafka>(KAFKA));
  });
  afterAll(async () => {
    await publisher?.close();
    await app?.close();
  });

  it('lists a dead letter with why it failed, parks what follows it, re-drives it once mended, and records a discard with its reason', async () => {
    const db = app.get<PgDatabase>(DATABASE);
    const dossierId = randomUUID();
    const poison = withdrawn(dossierId, 'poison');
    const later = withdrawn(dossierId, 'later');
    await sendEnvelopes(publisher, topic, poison, later);
    const listed = await poll(async () => (await call('GET', '/dead-letters', operator)).body['deadLetters'] as Record<string, unknown>[], (letters) => letters.length === 1, 'the dead letter listed');
    expect(listed[0]).toMatchObject({ consumer: consumer(), messageId: poison.id, subject: dossierId, type: 'DossierWithdrawn', status: 'OPEN', errorCode: 'Error', attempts: expect.any(Number) });
    const parked = await poll(async () => (await call('GET', '/parked-messages', operator)).body['parked'] as Record<string, unknown>[], (p) => p.length === 1, 'the later message parked');
    expect(parked[0]).toMatchObject({ messageId: later.id, reason: 'BEHIND_DEAD_LETTER' });

    const shown = await call('GET', `/dead-letters/${consumer()}/${poison.id}`, operator);
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({ headers: { ce_id: poison.id }, envelope: { id: poison.id, data: { reason: 'poison' } } });

    // Only operators and ADMIN; bad names and ids are 400 naming the field; a letter not there is 404.
    expect((await call('GET', '/dead-letters', { authorization: `Bearer ${mintDevToken({ sub: 'r', role: 'RECEPTION_OFFICER', unit: 'H56.22' }, SECRET)}` })).status).toBe(403);
    expect((await call('GET', `/dead-letters/bad%20group/${poison.id}`, operator)).body).toMatchObject({ status: 400, errors: [{ field: 'consumer' }] });
    expect((await call('GET', `/dead-letters/${consumer()}/not-a-uuid`, operator)).body).toMatchObject({ status: 400, errors: [{ field: 'messageId' }] });
    expect((await call('GET', `/dead-letters/${consumer()}/${randomUUID()}`, operator)).status).toBe(404);
    expect((await call('GET', '/dead-letters?status=LOST', operator)).body).toMatchObject({ status: 400, errors: [{ field: 'status' }] });

    // Not mended yet: the handler refuses again, 409, and nothing moves.
    const refused = await call('POST', `/dead-letters/${consumer()}/${poison.id}/redrive`, operator);
    expect(refused.body).toMatchObject({ status: 409, code: 'MESSAGING.REDRIVE_FAILED' });
    expect(await appliedCount(db, service, dossierId)).toBe(0);

    mended.now = true;
    const redriven = await call('POST', `/dead-letters/${consumer()}/${poison.id}/redrive`, operator);
    expect(redriven).toEqual({ status: 200, body: { released: 1 } });
    expect(await appliedCount(db, service, dossierId)).toBe(2);
    expect((await call('POST', `/dead-letters/${consumer()}/${poison.id}/redrive`, operator)).body).toMatchObject({ status: 409, code: 'MESSAGING.DEAD_LETTER_NOT_OPEN' });
    expect((await call('GET', '/dead-letters', operator)).body['deadLetters']).toEqual([]);
    expect((await call('GET', '/dead-letters?status=ALL', operator)).body['deadLetters']).toEqual([expect.objectContaining({ messageId: poison.id, status: 'REDRIVEN', resolvedBy: 'operator-1' })]);

    // A second dossier's poison is given up: recorded with who and why; what waited behind it is applied.
    mended.now = false;
    const other = randomUUID();
    const secondPoison = withdrawn(other, 'poison');
    const after = withdrawn(other, 'after');
    await sendEnvelopes(publisher, topic, secondPoison, after);
    await poll(async () => (await call('GET', '/dead-letters', operator)).body['deadLetters'] as unknown[], (letters) => letters.length === 1, 'deadLetters listed');
    // The message behind the letter is parked a moment after the letter is recorded: discard once it waits.
    await poll(async () => (await call('GET', '/parked-messages', operator)).body['parked'] as Record<string, unknown>[], (p) => p.some((m) => m['messageId'] === after.id), 'the message after it parked');
    expect((await call('POST', `/dead-letters/${consumer()}/${secondPoison.id}/discard`, operator, {})).body).toMatchObject({ status: 400, errors: expect.arrayContaining([expect.objectContaining({ field: 'reason' })]) });
    expect((await call('POST', `/dead-letters/${consumer()}/${secondPoison.id}/discard`, operator, { reason: 'superseded by a corrected event' })).body).toEqual({ released: 1 });
    expect(await appliedCount(db, service, other)).toBe(1);
    const discarded = (await call('GET', '/dead-letters?status=DISCARDED', operator)).body['deadLetters'];
    expect(discarded).toEqual([expect.objectContaining({ messageId: secondPoison.id, resolvedBy: 'operator-1', resolvedReason: 'superseded by a corrected event' })]);
  }, 180_000);

  it('re-drives every open dead letter matching a filter, answering each one\'s outcome', async () => {
    mended.now = false;
    const ids = [randomUUID(), randomUUID()];
    const poisons = ids.map((id) => withdrawn(id, 'poison'));
    await sendEnvelopes(publisher, topic, ...poisons);
    await poll(async () => (await call('GET', '/dead-letters', operator)).body['deadLetters'] as unknown[], (letters) => letters.length === 2, 'deadLetters listed');
    expect((await call('POST', '/dead-letters/redrive', operator, { type: 'lower-case' })).body).toMatchObject({ status: 400, errors: [{ field: 'type' }] });
    expect((await call('POST', '/dead-letters/redrive', operator, { type: 'DossierRejected' })).body).toEqual({ outcomes: [] });
    mended.now = true;
    const all = await call('POST', '/dead-letters/redrive', operator, { consumer: consumer(), type: 'DossierWithdrawn' });
    expect(all.body['outcomes']).toEqual(poisons.map((p) => ({ consumer: consumer(), messageId: p.id, outcome: 'REDRIVEN', released: 0 })));
    for (const id of ids) expect(await appliedCount(app.get<PgDatabase>(DATABASE), service, id)).toBe(1);
  }, 120_000);
});
