import type { Clock } from '@motcua/platform';

/** Waits (real time) until the simulated clock reads `at`: scheduling, not a wait for an effect. */
export async function untilSimulated(clock: Clock, speed: number, at: number): Promise<void> {
  for (;;) {
    const ahead = at - clock.now().getTime();
    if (ahead <= 0) return;
    await new Promise((resolve) => setTimeout(resolve, Math.min(1_000, Math.max(1, Math.ceil(ahead / speed)))));
  }
}

/** At most `limit` pieces of work at once, the others queued in order. */
export class Slots {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  get busy(): number {
    return this.active;
  }

  get queued(): number {
    return this.waiting.length;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) {
      await new Promise<void>((start) => this.waiting.push(start));
    } else {
      this.active++;
    }
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}
