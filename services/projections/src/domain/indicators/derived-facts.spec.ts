import { WorkingCalendar } from '@motcua/calendar';
import { dueSoonFrom, resolutionWorkingMinutes } from './derived-facts';
import { at } from './indicator-input.fixture';

const calendar = new WorkingCalendar();

describe('office time to resolution (766 §2.2)', () => {
  it.each<[string, string, string, [string, string | null][], number | null]>([
    ['one whole working day', '2025-03-03T07:30', '2025-03-03T17:00', [], 450],
    ['a weekend is not counted', '2025-03-07T13:30', '2025-03-10T11:30', [], 210 + 240],
    ['a supplement wait within one day is taken out', '2025-03-03T07:30', '2025-03-03T17:00', [['2025-03-03T09:00', '2025-03-03T10:00']], 390],
    ['after office hours counts from the next opening', '2025-03-03T18:00', '2025-03-04T08:30', [], 60],
    ['the 30 April and 1 May holidays are not counted', '2025-04-29T07:30', '2025-05-02T07:30', [], 450],
  ])('%s', (_case, receivedAt, resolvedAt, waits, minutes) => {
    const supplementRequests = waits.map(([from, to]) => ({ requestedAt: at(from), answeredAt: to ? at(to) : null }));
    expect(resolutionWorkingMinutes({ receivedAt: at(receivedAt), resolvedAt: at(resolvedAt), supplementRequests, paymentWaitFrom: null, paymentWaitUntil: null }, calendar)).toBe(minutes);
  });

  it('takes out a pay-first wait', () => {
    const facts = { receivedAt: at('2025-03-03T07:30'), resolvedAt: at('2025-03-03T17:00'), supplementRequests: [], paymentWaitFrom: at('2025-03-03T07:30'), paymentWaitUntil: at('2025-03-03T11:30') };
    expect(resolutionWorkingMinutes(facts, calendar)).toBe(210);
  });

  it('is null until resolved', () => {
    expect(resolutionWorkingMinutes({ receivedAt: at('2025-03-03T07:30'), resolvedAt: null, supplementRequests: [], paymentWaitFrom: null, paymentWaitUntil: null }, calendar)).toBeNull();
  });
});

describe('due soon: one working day of office time left', () => {
  it.each([
    ['due at the close of Tuesday: from the close of Monday', '2025-03-04T17:00', '2025-03-03T17:00'],
    ['due Monday 09:00: from Friday 09:00, over the weekend', '2025-03-10T09:00', '2025-03-07T09:00'],
    ['due mid-afternoon: from the same time the day before', '2025-03-05T15:00', '2025-03-04T15:00'],
  ])('%s', (_case, dueAt, expected) => {
    expect(dueSoonFrom(at(dueAt), calendar)).toEqual(at(expected));
  });
});
