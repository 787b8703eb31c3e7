import { PERIOD_KINDS, periodsCovering } from '../../domain/indicators';
import { decodeCursor, encodeCursor, isLocalDate, periodCount } from './statistics-range';

describe('statistics ranges', () => {
  it.each([
    ['2025-01-01', '2025-12-31'],
    ['2024-02-28', '2024-03-01'],
    ['2025-03-31', '2025-04-01'],
    ['2023-11-15', '2026-02-02'],
    ['2025-06-30', '2025-06-30'],
  ])('counts the periods from %s to %s as the report covers them, by arithmetic', (from, to) => {
    for (const kind of PERIOD_KINDS) expect({ kind, n: periodCount(from, to, kind) }).toEqual({ kind, n: periodsCovering(from, to, kind).length });
  });

  it('takes calendar dates only', () => {
    expect(['2024-02-29', '2025-12-31', '1900-01-01'].map(isLocalDate)).toEqual([true, true, true]);
    expect(['2025-02-29', '2025-13-01', '2025-1-01', '0099-01-01', '2025-01-01T00:00', 20250101].map(isLocalDate)).toEqual([false, false, false, false, false, false]);
  });

  it('gives back the code a cursor was made from, and nothing for a cursor that is not one', () => {
    expect(decodeCursor(encodeCursor('H56.22-250303-0042'))).toBe('H56.22-250303-0042');
    expect(decodeCursor(encodeCursor("H56.22' OR 1=1"))).toBeNull();
    expect(decodeCursor('not/base64url')).toBeNull();
    // The bare base64url of a code, the cursor's earlier form, is not one.
    expect(decodeCursor(Buffer.from('H56.22-250303-0042').toString('base64url'))).toBeNull();
  });
});
