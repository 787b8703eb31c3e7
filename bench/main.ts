import { provisionInfrastructure } from '@motcua/testing';
import { benchAppend } from './append.bench';
import { benchConsumer } from './consumer.bench';
import { benchRelay } from './relay.bench';

/** `npm run bench`: figures beside a raw baseline measured in the same run; nothing is asserted. */
async function main(): Promise<void> {
  const infrastructure = await provisionInfrastructure({ persistent: false, durability: 'full' });
  process.stdout.write(`infrastructure: ${infrastructure.describe()}\n`);
  try {
    await benchAppend(infrastructure.databaseUrl);
    await benchRelay(infrastructure.databaseUrl, infrastructure.kafkaBrokers);
    await benchConsumer(infrastructure.databaseUrl, infrastructure.kafkaBrokers);
  } finally {
    await infrastructure.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`benchmark failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
