import { AcceleratedClock, clockFrom, FixedClock, SystemClock } from './clock';

describe('clocks', () => {
  it('runs simulated time from the epoch at the given speed, counted from the shared real start', () => {
    let real = Date.parse('2026-11-22T08:00:00Z');
    const clock = new AcceleratedClock(new Date('2025-01-02T00:30:00Z'), 1440, new Date('2026-11-22T08:00:00Z'), () => real);
    expect(clock.now().toISOString()).toBe('2025-01-02T00:30:00.000Z');
    real += 60_000; // one real minute is one simulated day at 1440x
    expect(clock.now().toISOString()).toBe('2025-01-03T00:30:00.000Z');
  });

  it('gives two services started at different moments the same time when they share the real start', () => {
    const realStart = new Date('2026-11-22T08:00:00Z');
    const now = () => Date.parse('2026-11-22T08:00:30Z');
    const a = new AcceleratedClock(new Date('2025-03-01T00:00:00Z'), 60, realStart, now);
    const b = new AcceleratedClock(new Date('2025-03-01T00:00:00Z'), 60, realStart, now);
    expect(a.now().toISOString()).toBe('2025-03-01T00:30:00.000Z');
    expect(b.now()).toEqual(a.now());
  });

  it('refuses a speed that is not positive', () => {
    expect(() => new AcceleratedClock(new Date(), 0, new Date())).toThrow(RangeError);
  });

  it('uses real time unless an epoch is configured', () => {
    expect(clockFrom({})).toBeInstanceOf(SystemClock);
    expect(clockFrom({ clockEpoch: '2025-01-01T00:00:00Z', clockSpeed: 10 })).toBeInstanceOf(AcceleratedClock);
  });

  it('moves a fixed clock only when told', () => {
    const clock = new FixedClock(new Date('2026-01-01T00:00:00Z'));
    clock.advance(1_000);
    expect(clock.now().toISOString()).toBe('2026-01-01T00:00:01.000Z');
  });
});
