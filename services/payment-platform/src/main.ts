import { buildSimulatedPlatform } from './simulated-platform';
import { SimulatorConfigError, simulatorSettings } from './simulator.config';

/** The simulated payment platform as its own server (default port 3013). */
async function main(): Promise<void> {
  const port = Number(process.env['PORT'] ?? 3013);
  const host = process.env['HOST'] ?? '127.0.0.1';
  try {
    const app = buildSimulatedPlatform(simulatorSettings(process.env, port), process.env['LOG_LEVEL'] ?? 'info');
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void app.close().then(() => process.exit(0)));
    await app.listen({ port, host });
  } catch (error) {
    const message = error instanceof SimulatorConfigError ? error.message : `unexpected startup failure: ${error instanceof Error ? error.message : String(error)}`;
    process.stderr.write(`payment-platform cannot start. ${message}\n`);
    process.exit(1);
  }
}

void main();
