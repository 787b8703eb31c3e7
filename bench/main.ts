import { provisionInfrastructure } from '@motcua/testing';
import { benchAppend } from './append.bench';
import { benchConsumer } from './consumer.bench';
import { benchIndicatorQuery } from './indicator-query.bench';
import { benchEndToEnd } from './end-to-end.bench';
import { benchIntakeSubmission } from './intake-submission.bench';
import { benchProjection } from './projection.bench';
import { benchRelay } from './relay.bench';

const benches: Record<string, (databaseUrl: string, kafkaBrokers: string[]) => Promise<void>> = {
  append: (databaseUrl) => benchAppend(databaseUrl),
  relay: benchRelay,
  intake: benchIntakeSubmission,
  consumer: benchConsumer,
  projection: benchProjection,
  'indicator-query': (databaseUrl) => benchIndicatorQuery(databaseUrl),
  'end-to-end': benchEndToEnd,
};

/** `npm run bench`: figures beside a raw baseline measured in the same run; nothing is asserted. BENCH_ONLY=intake,append picks some. */
async function main(): Promise<void> {
  const only = process.env['BENCH_ONLY']?.split(',').map((name) => name.trim());
  const infrastructure = await provisionInfrastructure({ persistent: false, durability: 'full' });
  process.stdout.write(`infrastructure: ${infrastructure.describe()}\n`);
  try {
    for (const [name, bench] of Object.entries(benches)) {
      if (!only || only.includes(name)) await bench(infrastructure.databaseUrl, infrastructure.kafkaBrokers);
    }
  } finally {
    await infrastructure.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`benchmark failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
