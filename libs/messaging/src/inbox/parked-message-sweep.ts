import { Logger } from '../logger';

/**
 * Runs the drain's sweep on a timer while at least one consumer runs. A pass that fails (the
 * database is away) is logged and the next one waits longer, up to a minute, so parked messages
 * are never left to a single attempt.
 */
export class ParkedMessageSweep {
  private users = 0;
  private failures = 0;
  private firstPass = true;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly pass: (all: boolean) => Promise<number>,
    private readonly everyMs: number,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.users += 1;
    if (this.users === 1) this.schedule(0);
  }

  async stop(): Promise<void> {
    this.users = Math.max(0, this.users - 1);
    if (this.users > 0) return;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.running = this.run();
    }, delayMs);
    this.timer.unref();
  }

  private async run(): Promise<void> {
    try {
      // The first pass tries everything: a message parked under a version this reader did not know
      // may be readable since the upgrade that restarted it.
      await this.pass(this.firstPass);
      this.firstPass = false;
      this.failures = 0;
    } catch (error) {
      this.failures += 1;
      this.logger.warn({ err: error, failures: this.failures }, 'parked-message sweep failed; retrying');
    }
    if (this.users > 0) this.schedule(Math.min(60_000, this.everyMs * 2 ** this.failures));
  }
}
