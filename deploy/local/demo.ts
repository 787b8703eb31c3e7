import { provisionInfrastructure } from '@motcua/testing';
import { runDemo } from '../../libs/testing/src/demo/run-demo';

/**
 * `npm run demo -- --scale 0.01 --seed 7 [--speed N] [--startup S]`: PostgreSQL and Kafka as `npm start` finds
 * or starts them (throwaway ones here), every service on the accelerated clock, January–May 2025
 * at Thanh Hóa's provincial centre, then every indicator of every month and unit side by side.
 * The exit code is the verdict: 0 when the projections agree with the generator on everything.
 * `--startup` gives the services that many seconds to start before the clock reaches 2025 (90):
 * more on a slow or busy machine, or the run starts behind the clock.
 */
function option(name: string, fallback: number): number {
  const args = process.argv.slice(2);
  const at = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (at < 0) return fallback;
  const raw = args[at].includes('=') ? args[at].split('=')[1] : args[at + 1];
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number (got ${raw})`);
  return value;
}

async function main(): Promise<number> {
  const scale = option('scale', 0.01);
  const seed = option('seed', 1);
  const speed = process.argv.some((a) => a.startsWith('--speed')) ? option('speed', 1) : undefined;
  process.stderr.write('[demo] starting PostgreSQL and Kafka…\n');
  if (process.env['KAFKA_BROKERS']) {
    process.stderr.write('[demo] KAFKA_BROKERS is set: its topics must hold no other dossiers of January–May 2025, or the projections will count them too\n');
  }
  const infrastructure = await provisionInfrastructure({ persistent: false });
  process.env['DATABASE_URL'] = infrastructure.databaseUrl;
  process.env['KAFKA_BROKERS'] = infrastructure.kafkaBrokers.join(',');
  process.env['LOG_LEVEL'] ??= 'warn';
  try {
    const outcome = await runDemo({ scale, seed, speed, concurrency: option('concurrency', 16), startupAllowanceMs: option('startup', 90) * 1000 });
    process.stdout.write(`${outcome.report}\n`);
    return outcome.exitCode;
  } finally {
    await infrastructure.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`[demo] ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
