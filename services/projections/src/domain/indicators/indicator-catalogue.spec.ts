import { INDICATOR_IDS, INDICATORS, pointsFor } from './indicator-catalogue';

describe('766 scoring', () => {
  it.each([
    ['at the threshold: the maximum', 0.8, 20],
    ['above it: the maximum', 0.995, 20],
    ['below it: rate × maximum / threshold', 0.6, 15],
    ['nothing done: nothing earned', 0, 0],
  ])('%s', (_case, rate, points) => {
    expect(pointsFor(rate, { threshold: 0.8, maxPoints: 20 })).toBeCloseTo(points, 10);
  });

  it('online share has the 50% threshold', () => {
    const scoring = INDICATORS.online_share.scoring ?? { threshold: NaN, maxPoints: NaN };
    expect(scoring.threshold).toBe(0.5);
    expect(pointsFor(0.25, scoring)).toBeCloseTo(6, 10);
  });

  it('gives no points without a rate', () => {
    expect(pointsFor(null, { threshold: 0.8, maxPoints: 20 })).toBeNull();
  });

  it('never gives a group more than its 766 total', () => {
    const bySection = (prefix: string) =>
      INDICATOR_IDS.map((id) => INDICATORS[id]).filter((d) => d.section?.startsWith(prefix)).reduce((sum, d) => sum + (d.scoring?.maxPoints ?? 0), 0);
    expect(bySection('2.')).toBeLessThanOrEqual(20);
    expect(bySection('3.')).toBeLessThanOrEqual(22);
    expect(bySection('4.')).toBeLessThanOrEqual(22);
  });

  it('scores only the 766 rates; plain rates and counts carry none', () => {
    const scored = INDICATOR_IDS.filter((id) => INDICATORS[id].scoring !== null);
    expect(scored).toEqual(['on_time', 'online_share', 'online_payment', 'e_result', 'digitisation', 'data_reuse']);
  });
});
