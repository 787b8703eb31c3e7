import { Command, InvalidArgumentError } from 'commander';
import type { Kafka } from 'kafkajs';
import type { PgDatabase } from '@motcua/event-store';
import { allServices, discard, listDeadLetters, listParked, redrive, showDeadLetter } from './commands/dead-letters';
import { follow } from './commands/follow';
import { lag } from './commands/lag';
import { tail } from './commands/tail';
import { replay } from './commands/replay';
import { verify } from './commands/verify';
import { endpoints, openDatabase, openKafka, OpsError } from './connections';
import { ServiceApi } from './service-api';

const instant = (value: string): Date => {
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) throw new InvalidArgumentError('an ISO 8601 instant, e.g. 2025-03-01T00:00:00+07:00');
  return at;
};
const list = (value: string, previous: string[] = []) => [...previous, ...value.split(',').filter(Boolean)];
/** The read models `replay` rebuilds: `all`, or any one of them, which rebuilds them all at once. */
const REPLAYABLE = ['all', 'dossier_facts', 'dossier_timeline', 'indicator_totals', 'units', 'procedures'];

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Resolves when a following command is to stop. */
  interrupted: Promise<void>;
}

/** `npx motcua …`: the operations tool. Returns the exit code. */
export async function run(argv: string[], io: Io): Promise<number> {
  const resources: { kafka?: Kafka; db?: PgDatabase } = {};
  const program = new Command('motcua')
    .description('Một Cửa operations: the event streams, consumer and relay lag, and their consistency with the services\' stores')
    .option('--brokers <host:port,...>', 'Kafka brokers (default: KAFKA_BROKERS)')
    .option('--database <url>', 'PostgreSQL holding the services\' schemas (default: DATABASE_URL)')
    .option('--token <jwt>', 'an OPERATOR\'s bearer token, for dlq and parked (default: MOTCUA_TOKEN); services are reached at MOTCUA_<SERVICE>_URL or their npm start ports')
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
    .exitOverride()
    .showHelpAfterError();
  const kafka = async () => (resources.kafka ??= await openKafka(endpoints(program.opts()).brokers));
  const database = async (required: boolean) => {
    const url = endpoints(program.opts()).databaseUrl;
    if (!url && !required) return undefined;
    return (resources.db ??= await openDatabase(url));
  };
  let code = 0;

  program
    .command('tail')
    .description('print the events of one topic or all, oldest first; filter by dossier code, dossier id or event type')
    .argument('[topic]', 'all, or intake, processing, payment, digitisation, issuance, catalogue, or a full topic name (a dead-letter topic too)', 'all')
    .option('--code <dossier code>', 'only events naming this dossier code')
    .option('--dossier <id>', 'only events about this dossier id (their subject)')
    .option('--type <EventType,...>', 'only these event types', list)
    .option('--from <instant>', 'start at this instant instead of the beginning', instant)
    .option('-f, --follow', 'keep printing new events until Ctrl-C')
    .option('--json', 'one JSON object per line, with the envelope')
    .action(async (topic: string, options: { code?: string; dossier?: string; type?: string[]; from?: Date; follow?: boolean; json?: boolean }) => {
      const printed = await tail(await kafka(), topic, { ...options, until: io.interrupted }, io.out);
      if (!options.json && !options.follow) io.err(`${printed} event(s)`);
    });

  program
    .command('follow')
    .description('one dossier\'s events across every service, in the order they happened')
    .argument('<code>', 'the dossier code, e.g. H56.22-250106-0001')
    .option('--json', 'one JSON object per line, with the envelope')
    .action(async (dossierCode: string, options: { json?: boolean }) => {
      await follow(await kafka(), dossierCode, options, io.out);
    });

  program
    .command('lag')
    .description('every consumer group by topic and partition, and every relay\'s distance behind its log')
    .action(async () => lag(await kafka(), await database(false), io.out));

  program
    .command('verify')
    .description('every event in each service\'s store is on its topic exactly once, in stream order, and nothing is on a topic that no store holds')
    .action(async () => {
      if (!(await verify(await kafka(), (await database(true)) as PgDatabase, io.out))) code = 1;
    });

  program
    .command('replay')
    .description('rebuild read models from the start of the topics into fresh tables, showing progress, then switch to them (the live tables answer meanwhile)')
    .argument('<projection>', `the projections' read models: ${REPLAYABLE.join(', ')} (rebuilt together: they share their offsets and switch as one)`)
    .action(async (projection: string) => {
      if (!REPLAYABLE.includes(projection)) throw new OpsError(`unknown projection '${projection}': one of ${REPLAYABLE.join(', ')}`, 2);
      await replay(api('projections'), await database(false), io.out);
    });

  const api = (service: string) => ServiceApi.of(service, program.opts<{ token?: string }>().token ?? process.env['MOTCUA_TOKEN']);
  const apis = (services: string[] | undefined) => (services?.length ? services : allServices()).map(api);
  const dlq = program.command('dlq').description('dead letters of the consuming services: list, show, re-drive, discard (each settled once, recorded)');
  dlq
    .command('list')
    .description('dead letters, oldest first, of every consuming service or those named')
    .option('--service <name,...>', 'intake, processing, payment, digitisation, issuance', list)
    .option('--consumer <group>', 'only this consumer group\'s')
    .option('--status <status>', 'OPEN (default), REDRIVEN, DISCARDED or ALL')
    .action(async (options: { service?: string[]; consumer?: string; status?: string }) => {
      io.err(`${await listDeadLetters(apis(options.service), options, io.out)} dead letter(s)`);
    });
  dlq
    .command('show')
    .description('one dead letter with its original headers and envelope')
    .argument('<service>')
    .argument('<consumer>', 'its consumer group')
    .argument('<messageId>')
    .action(async (service: string, consumer: string, messageId: string) => showDeadLetter(api(service), consumer, messageId, io.out));
  dlq
    .command('redrive')
    .description('apply one dead letter again once its cause is mended, or every open one matching a filter (--all for every one), then what waited behind each')
    .argument('<service>')
    .argument('[consumer]', 'the consumer group (with messageId: that one letter; alone: that group\'s)')
    .argument('[messageId]')
    .option('--type <EventType>', 'only letters of this event type')
    .option('--error-code <code>', 'only letters that failed with this code')
    .option('--all', 'every open dead letter of the service')
    .action(async (service: string, consumer: string | undefined, messageId: string | undefined, options: { type?: string; errorCode?: string; all?: boolean }) => {
      if (!messageId && !consumer && !options.type && !options.errorCode && !options.all) throw new OpsError('name a dead letter (consumer and message id), a filter (--type, --error-code, a consumer), or --all', 2);
      if (!(await redrive(api(service), { ...(consumer ? { consumer } : {}), ...(messageId ? { messageId } : {}), ...options }, io.out))) code = 1;
    });
  dlq
    .command('discard')
    .description('give a dead letter up for good; who and why are recorded, never silent')
    .argument('<service>')
    .argument('<consumer>')
    .argument('<messageId>')
    .requiredOption('--reason <text>', 'why it is given up')
    .action(async (service: string, consumer: string, messageId: string, options: { reason: string }) => discard(api(service), consumer, messageId, options.reason, io.out));
  program
    .command('parked')
    .description('messages waiting to be applied (not yet known, unknown version, behind a dead letter), listed as dead letters are')
    .option('--service <name,...>', 'intake, processing, payment, digitisation, issuance', list)
    .option('--consumer <group>', 'only this consumer group\'s')
    .action(async (options: { service?: string[]; consumer?: string }) => {
      io.err(`${await listParked(apis(options.service), options.consumer, io.out)} parked message(s)`);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    const commanderCode = (error as { code?: string }).code;
    if (commanderCode === 'commander.helpDisplayed' || commanderCode === 'commander.version' || commanderCode === 'commander.help') return 0;
    if (commanderCode?.startsWith('commander.')) return 2;
    if (error instanceof OpsError) {
      io.err(`motcua: ${error.message}`);
      return error.exitCode;
    }
    io.err(`motcua: unexpected failure: ${(error as Error).message}`);
    return 1;
  } finally {
    await resources.db?.close().catch(() => undefined);
  }
}

if (require.main === module) {
  let stop!: () => void;
  const interrupted = new Promise<void>((resolve) => (stop = resolve));
  process.once('SIGINT', () => stop());
  void run(process.argv.slice(2), { out: (line) => process.stdout.write(`${line}\n`), err: (line) => process.stderr.write(`${line}\n`), interrupted }).then((exitCode) => process.exit(exitCode));
}
