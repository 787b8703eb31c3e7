/** The one source of "now" for a service: domain code never calls Date.now(). */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('CLOCK');

export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}

/**
 * Simulated time for demos: starts at `epoch` when real time is `realStart` and runs `speed`
 * times faster. Every service started together gets the same realStart, so they agree on now.
 */
export class AcceleratedClock implements Clock {
  constructor(
    private readonly epoch: Date,
    private readonly speed: number,
    private readonly realStart: Date,
    private readonly realNow: () => number = () => Date.now(),
  ) {
    if (!(speed > 0)) throw new RangeError('clock speed must be positive');
  }

  now(): Date {
    return new Date(this.epoch.getTime() + (this.realNow() - this.realStart.getTime()) * this.speed);
  }
}

/** For specs: a clock that only moves when told to. */
export class FixedClock implements Clock {
  constructor(private current: Date) {}

  now(): Date {
    return new Date(this.current.getTime());
  }

  set(to: Date): void {
    this.current = new Date(to.getTime());
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export interface ClockSettings {
  clockEpoch?: string;
  clockSpeed?: number;
  clockRealStart?: string;
}

export function clockFrom(settings: ClockSettings): Clock {
  if (!settings.clockEpoch) return new SystemClock();
  const realStart = settings.clockRealStart ? new Date(settings.clockRealStart) : new Date();
  return new AcceleratedClock(new Date(settings.clockEpoch), settings.clockSpeed ?? 1, realStart);
}
