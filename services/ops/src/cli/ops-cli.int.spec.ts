import { allTopicSettings, CaseAssigned, DossierReceived, Envelope, EventDefinition, headersOf, integrationEvents, ProcessingPaused, Topics } from '@motcua/contracts';
import { eventStoreMigrations, migrate, PgDatabase, quoteSchema } from '@motcua/event-store';
import { connectKafka, ensureTopics, KafkaPublisher } from '@motcua/messaging';
import { randomBytes, randomUUID } from 'node:crypto';
import { mintDevToken } from '@motcua/platform';
import { createTestDatabase, discoverServices, dossierReceived, eventually, freePort, startServiceProcess, workspaceRoot } from '@motcua/testing';
import { run } from './main';

/**
 * The operations tool against a real Kafka and PostgreSQL: a database of its own holding two
 * services' logs (so `verify` sees only them), and this file's own topics.
 */
describe('npx motcua (real PostgreSQL and Kafka)', () => {
  const brokers = String(process.env['KAFKA_BROKERS']);
  const kafka = connectKafka({ brokers: brokers.split(','), clientId: 'ops-cli-spec' });
  const publisher = new KafkaPublisher(kafka);
  let databaseUrl: string;
  let db: PgDatabase;
  const never = new Promise<void>(() => undefined);

  const motcua = async (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await run([...argv, '--brokers', brokers, '--database', databaseUrl], { out: (l) => out.push(l), err: (l) => err.push(l), interrupted: never });
    return { code, out, err };
  };

  /** Stores events in a service's log, as its event store does, and moves its relay's checkpoint past them unless told not to. */
  async function store(schema: string, events: { stream: string; envelope: Envelope }[], { checkpoint = true } = {}) {
    const s = quoteSchema(schema);
    for (const { stream, envelope } of events) {
      await db.query(
        `insert into ${s}.events (stream_id, stream_version, event_id, event_type, data, metadata)
         values ($1, (select coalesce(max(stream_version), 0) + 1 from ${s}.events where stream_id = $1), $2, $3, $4, '{}')`,
        [stream, envelope.id, envelope.type, JSON.stringify(envelope.data)],
      );
    }
    if (checkpoint) {
      await db.query(
        `insert into ${s}.checkpoints (subscription, transaction_id, global_position)
         select 'relay:' || $1, transaction_id, global_position from ${s}.events order by transaction_id desc, global_position desc limit 1
         on conflict (subscription) do update set transaction_id = excluded.transaction_id, global_position = excluded.global_position`,
        [schema],
      );
    }
  }
  const envelope = <D extends EventDefinition>(definition: D, subject: string, time: string, data: unknown): Envelope =>
    integrationEvents.createEnvelope(definition, { source: `motcua/${definition.topic === Topics.intake ? 'intake' : 'processing'}`, subject, time, data } as never);
  const topicOf = (e: Envelope) => (e.type === 'DossierReceived' ? Topics.intake : Topics.processing);
  /** One at a time, in the order given, as a relay publishes. */
  const publish = async (...envelopes: Envelope[]) => {
    for (const e of envelopes) await publisher.publish(topicOf(e), [{ key: e.subject, value: JSON.stringify(e), headers: headersOf(e) }]);
  };

  /** A dossier received at intake, then assigned and paused at processing: stored and published in order. */
  async function life(code: string) {
    const id = randomUUID();
    const received = envelope(DossierReceived, id, '2025-03-03T02:00:00.000Z', dossierReceived({ dossierId: id, code }));
    const assigned = envelope(CaseAssigned, id, '2025-03-03T03:00:00.000Z', { dossierId: id, assignedAt: '2025-03-03T03:00:00.000Z', agency: 'H56.22', step: 1 });
    const paused = envelope(ProcessingPaused, id, '2025-03-04T03:00:00.000Z', { dossierId: id, pausedAt: '2025-03-04T03:00:00.000Z', reason: 'AWAITING_PAYMENT' });
    return { id, received, assigned, paused };
  }

  beforeAll(async () => {
    databaseUrl = await createTestDatabase('ops_cli');
    db = PgDatabase.connect(databaseUrl, { max: 4 });
    for (const schema of ['intake', 'processing']) await migrate(db, schema, eventStoreMigrations);
    await ensureTopics(kafka, allTopicSettings(2));
  });
  afterAll(async () => {
    await publisher.close();
    await db?.close();
  });

  it('answers --help for the tool and every command, and refuses an unknown command with usage', async () => {
    for (const argv of [['--help'], ['tail', '--help'], ['follow', '--help'], ['lag', '--help'], ['verify', '--help']]) {
      const result = await motcua(...argv);
      expect({ argv, code: result.code }).toEqual({ argv, code: 0 });
      expect(result.out.join('\n')).toMatch(/^Usage: motcua/);
    }
    const unknown = await motcua('replay-everything');
    expect(unknown.code).toBe(2);
    expect(unknown.err.join('\n')).toMatch(/unknown command/);
  });

  it('says in one line, without a stack, that the broker or the database cannot be reached', async () => {
    const errors: string[] = [];
    const noBroker = await run(['lag', '--brokers', '127.0.0.1:1'], { out: () => undefined, err: (l) => errors.push(l), interrupted: never });
    expect(noBroker).toBe(1);
    expect(errors).toEqual([expect.stringMatching(/^motcua: cannot reach Kafka at 127\.0\.0\.1:1: /)]);
    const dbErrors: string[] = [];
    const noDatabase = await run(['verify', '--brokers', brokers, '--database', 'postgres://nobody:secret@127.0.0.1:1/none'], { out: () => undefined, err: (l) => dbErrors.push(l), interrupted: never });
    expect(noDatabase).toBe(1);
    expect(dbErrors).toEqual([expect.stringMatching(/^motcua: cannot reach PostgreSQL at postgres:\/\/nobody:\*\*\*@127\.0\.0\.1:1\/none: /)]);
  });

  it('tails a topic filtered by code or type, and follows one dossier across services in time order', async () => {
    const one = await life('H56.22-250303-0001');
    const other = await life('H56.22-250303-9999');
    await publish(one.received, other.received, one.assigned, other.assigned, one.paused);

    const byCode = await motcua('tail', 'intake', '--code', (one.received.data as { code: string }).code);
    expect({ code: byCode.code, err: byCode.err }).toEqual({ code: 0, err: ['1 event(s)'] });
    expect(byCode.out).toHaveLength(1);
    expect(byCode.out[0]).toContain(`DossierReceived v1`);
    expect(byCode.out[0]).toContain(one.id);
    expect(byCode.out[0]).not.toContain('a'.repeat(64));

    const byType = await motcua('tail', 'all', '--type', 'ProcessingPaused', '--dossier', one.id, '--json');
    expect(byType.out.map((line) => (JSON.parse(line) as { envelope: Envelope }).envelope.id)).toEqual([one.paused.id]);

    const followed = await motcua('follow', (one.received.data as { code: string }).code);
    expect(followed.code).toBe(0);
    expect(followed.out.map((line) => line.split(/\s+/)[2])).toEqual(['DossierReceived', 'CaseAssigned', 'ProcessingPaused']);
    expect((await motcua('follow', 'H56.22-000000-0000')).err).toEqual(['motcua: no event names the dossier code H56.22-000000-0000']);
  });

  it('verifies each store against its topic: OK when all is there once in order; names what is missing, doubled, out of order or in no store', async () => {
    const good = await life('H56.22-250305-0001');
    await store('intake', [{ stream: good.id, envelope: good.received }]);
    await store('processing', [{ stream: good.id, envelope: good.assigned }, { stream: good.id, envelope: good.paused }]);
    // What the earlier test published is on the topics but in no store: start from a clean slate of findings.
    const before = await motcua('verify');
    const unknownBefore = Number(/on a topic but in no store: (\d+)/.exec(before.out.join('\n'))?.[1]);
    await publish(good.received, good.assigned, good.paused);
    const clean = await motcua('verify');
    expect(clean.out.join('\n')).toContain('missing from their topic: 0');
    expect(clean.out.join('\n')).toContain(`on a topic but in no store: ${unknownBefore}`);

    const bad = await life('H56.22-250305-0002');
    await store('processing', [{ stream: bad.id, envelope: bad.assigned }, { stream: bad.id, envelope: bad.paused }]);
    await store('intake', [{ stream: bad.id, envelope: bad.received }]);
    await publish(bad.paused);
    await publish(bad.assigned, bad.assigned);
    const strayId = randomUUID();
    const stray = envelope(CaseAssigned, strayId, '2025-03-05T03:00:00.000Z', { dossierId: strayId, assignedAt: '2025-03-05T03:00:00.000Z', agency: 'H56.22', step: 1 });
    await publish(stray);
    const pending = await life('H56.22-250305-0003');
    await store('intake', [{ stream: pending.id, envelope: pending.received }], { checkpoint: false });

    const found = await motcua('verify');
    const text = found.out.join('\n');
    expect(found.code).toBe(1);
    expect(text).toContain('pending (stored after the relay\'s checkpoint): 1');
    expect(text).toMatch(new RegExp(`missing from their topic: 1\\n  intake DossierReceived ${bad.received.id}`));
    expect(text).toMatch(new RegExp(`published more than once: 1\\n  ${bad.assigned.id} on \\S+: 2 copies`));
    expect(text).toMatch(new RegExp(`streams out of order on their topic: 1\\n  processing stream ${bad.id}`));
    expect(text).toContain(`on a topic but in no store: ${unknownBefore + 1}`);
    expect(text).toContain(stray.id);
    expect(text).toMatch(/verify: \d+ problem\(s\)$/);
  });

  it('lists consumer groups by partition with their lag, and each relay\'s distance behind its log', async () => {
    const groupId = `ops-cli-spec-${randomUUID().slice(0, 8)}`;
    const admin = kafka.admin();
    await admin.connect();
    const ends = await admin.fetchTopicOffsets(Topics.processing);
    await admin.setOffsets({ groupId, topic: Topics.processing, partitions: ends.map((p) => ({ partition: p.partition, offset: p.low })) });
    await admin.disconnect();
    const unpublished = randomUUID();
    await store('processing', [{ stream: unpublished, envelope: envelope(ProcessingPaused, unpublished, '2025-03-06T03:00:00.000Z', { dossierId: unpublished, pausedAt: '2025-03-06T03:00:00.000Z', reason: 'AWAITING_PAYMENT' }) }], { checkpoint: false });

    const result = await motcua('lag');
    expect(result.code).toBe(0);
    const rows = result.out.filter((line) => line.startsWith(`${groupId} / ${Topics.processing} [`));
    expect(rows).toHaveLength(ends.length);
    const total = rows.reduce((sum, line) => sum + Number(line.trim().split(/\s+/).at(-1)), 0);
    expect(total).toBe(ends.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0));
    expect(result.out.find((line) => line.startsWith('processing / relay:processing'))?.trim().split(/\s+/)[3]).toBe('1');
  });

  it('lists, shows and re-drives dead letters through a running service\'s API with an operator\'s token; says what is wrong without one or without the service', async () => {
    const intake = discoverServices(workspaceRoot()).find((service) => service.name === 'intake');
    if (!intake) throw new Error('services/intake not found');
    const suffix = randomBytes(4).toString('hex');
    const secret = `ops-cli-jwt-${suffix}-0123456789abcdef`;
    const port = await freePort();
    const lines: string[] = [];
    const service = startServiceProcess(intake, port, {
      ...process.env,
      DATABASE_URL: await createTestDatabase('ops_cli_intake'),
      KAFKA_GROUP_NAMESPACE: `ops-cli-${suffix}`,
      JWT_SECRET: secret,
      API_KEYS: `test-portal:ops-cli-portal-${suffix}-0123456789`,
      APPLICANT_REF_KEY: `ops-cli-applicant-ref-${suffix}-0123456789`,
      LOG_LEVEL: 'warn',
    }, (line) => lines.push(line));
    try {
      await service.ready(150_000);
      process.env['MOTCUA_INTAKE_URL'] = service.url;
      const token = mintDevToken({ sub: 'operator-1', role: 'OPERATOR', unit: 'H56' }, secret);
      const listed = await motcua('dlq', 'list', '--service', 'intake', '--token', token);
      expect(listed).toMatchObject({ code: 0, out: [], err: ['0 dead letter(s)'] });
      expect(await motcua('parked', '--service', 'intake', '--token', token)).toMatchObject({ code: 0, err: ['0 parked message(s)'] });
      const group = `ops-cli-${suffix}.intake.${Topics.processing}`;
      const missing = await motcua('dlq', 'show', 'intake', group, randomUUID(), '--token', token);
      expect(missing).toMatchObject({ code: 1, err: [expect.stringMatching(/^motcua: intake answered 404 MESSAGING\.DEAD_LETTER_NOT_FOUND: /)] });
      const notOpen = await motcua('dlq', 'redrive', 'intake', group, randomUUID(), '--token', token);
      expect(notOpen).toMatchObject({ code: 1, err: [expect.stringMatching(/^motcua: intake answered 409 MESSAGING\.DEAD_LETTER_NOT_OPEN: /)] });
      const all = await motcua('dlq', 'redrive', 'intake', '--all', '--token', token);
      expect(all).toMatchObject({ code: 0, out: ['0 re-driven, 0 still open'] });
      const analyst = mintDevToken({ sub: 'analyst-1', role: 'ANALYST', unit: 'H56' }, secret);
      expect((await motcua('dlq', 'list', '--service', 'intake', '--token', analyst)).err).toEqual([expect.stringMatching(/^motcua: intake answered 403 AUTH\./)]);
      expect((await motcua('dlq', 'discard', 'intake', group, randomUUID(), '--token', token)).code).toBe(2);
      expect((await motcua('dlq', 'redrive', 'intake', '--token', token)).err).toEqual(['motcua: name a dead letter (consumer and message id), a filter (--type, --error-code, a consumer), or --all']);
    } finally {
      await service.stop();
    }
    const away = await motcua('dlq', 'list', '--service', 'intake', '--token', 'x.y.z');
    expect(away).toMatchObject({ code: 1, err: [expect.stringMatching(new RegExp(`^motcua: cannot reach intake at http://127\\.0\\.0\\.1:${port}: `))] });
    delete process.env['MOTCUA_TOKEN'];
    expect((await motcua('dlq', 'list')).err).toEqual([expect.stringMatching(/^motcua: no operator token: pass --token or set MOTCUA_TOKEN/)]);
    delete process.env['MOTCUA_INTAKE_URL'];
  }, 240_000);

  it('replays the projections through their service, showing progress, and ends with the switched tables\' checksums', async () => {
    const projections = discoverServices(workspaceRoot()).find((service) => service.name === 'projections');
    if (!projections) throw new Error('services/projections not found');
    const suffix = randomBytes(4).toString('hex');
    const secret = `ops-cli-jwt-${suffix}-0123456789abcdef`;
    const service = startServiceProcess(projections, await freePort(), {
      ...process.env,
      DATABASE_URL: databaseUrl,
      KAFKA_GROUP_NAMESPACE: `ops-cli-replay-${suffix}`,
      JWT_SECRET: secret,
      API_KEYS: `test-portal:ops-cli-portal-${suffix}-0123456789`,
      LOG_LEVEL: 'warn',
    }, () => undefined);
    try {
      await service.ready(150_000);
      process.env['MOTCUA_PROJECTIONS_URL'] = service.url;
      const operator = mintDevToken({ sub: 'operator-1', role: 'OPERATOR', unit: 'H56' }, secret);
      expect(await motcua('replay', 'nowhere', '--token', operator)).toMatchObject({ code: 2, err: [expect.stringMatching(/^motcua: unknown projection 'nowhere': one of all, dossier_facts/)] });
      // A dossier the live tables hold, so the replay has something to rebuild.
      // A code no other test of this file uses: the topics are this file's, the tables are not.
      const code = 'H56.22-250303-0002';
      await publish((await life(code)).received);
      await eventually(() => db.query<{ n: string }>('select count(*) as n from projections.dossier_facts where code = $1', [code]), (r) => r.rows[0]?.n === '1', {
        timeoutMs: 60_000,
        what: 'the dossier in the live projections',
      });
      const replayed = await motcua('replay', 'all', '--token', operator);
      expect({ code: replayed.code, err: replayed.err }).toEqual({ code: 0, err: [] });
      expect(replayed.out[0]).toMatch(/^replaying every read model of projections from the start of the topics/);
      const done = replayed.out.findIndex((line) => /^replayed in \d+ s; the previous tables are kept as projections_retired_\d+ until the next replay$/.test(line));
      expect(done).toBeGreaterThan(0);
      const checksums = replayed.out.slice(done + 1).map((line) => line.trim().split(/\s+/));
      expect(checksums.map(([table]) => table)).toEqual(expect.arrayContaining(['dossier_facts', 'dossier_timeline', 'units', 'procedures']));
      expect(checksums.filter(([, checksum]) => !/^\d+:([0-9a-f]{32})?$/.test(checksum))).toEqual([]);
      expect(Number(checksums.find(([table]) => table === 'dossier_facts')?.[1].split(':')[0])).toBeGreaterThanOrEqual(1);
      const analyst = mintDevToken({ sub: 'analyst-1', role: 'ANALYST', unit: 'H56' }, secret);
      expect((await motcua('replay', 'all', '--token', analyst)).err).toContainEqual(expect.stringMatching(/^motcua: projections answered 403 AUTH\./));
    } finally {
      delete process.env['MOTCUA_PROJECTIONS_URL'];
      await service.stop();
    }
  }, 240_000);
});
