import type { Clock } from '@motcua/platform';

/** Waits (real time) until the simulated clock reads `at`: scheduling, not a wait for an effect. */
export async function untilSimulated(clock: Clock, speed: number, at: number): Promise<void> {
  for (;;) {
    const ahead = at - clock.now().getTime();
    if (ahead <= 0) return;
    await new Promise((resolve) => setTimeout(resolve, Math.min(1_000, Math.max(1, Math.ceil(ahead / speed)))));
  }
}

/** At most `limit` acts in flight at once, the oldest due first. */
export class Slots {
  private active = 0;
  private readonly waiting: { due: number; start: () => void }[] = [];

  constructor(private readonly limit: number) {}

  get busy(): number {
    return this.active;
  }

  /** The earliest due instant still waiting for a slot, if any. */
  get oldestWaiting(): number | undefined {
    return this.waiting.reduce<number | undefined>((min, w) => (min === undefined || w.due < min ? w.due : min), undefined);
  }

  async run<T>(due: number, work: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) {
      await new Promise<void>((start) => {
        this.waiting.push({ due, start });
        this.waiting.sort((a, b) => a.due - b.due);
      });
    } else {
      this.active++;
    }
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next.start();
      else this.active--;
    }
  }
}
