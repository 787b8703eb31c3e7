import { checkCitizenId, CitizenIdProblem } from './citizen-id';
import { isValidTaxCode } from './tax-code';

describe('citizen identity numbers', () => {
  const cases: [string, number, boolean, CitizenIdProblem | undefined, string][] = [
    ['038090001234', 2026, true, undefined, 'Thanh Hóa, male born 1990'],
    ['038195001234', 2026, true, undefined, 'Thanh Hóa, female born 1995'],
    ['001205001234', 2026, true, undefined, 'Hà Nội, male born 2005'],
    ['079325001234', 2026, true, undefined, 'Hồ Chí Minh City, female born 2025'],
    ['03809000123', 2026, false, 'FORMAT', 'eleven digits'],
    ['03809000123a', 2026, false, 'FORMAT', 'a letter'],
    ['003090001234', 2026, false, 'PROVINCE', '003 is not a province code'],
    ['099090001234', 2026, false, 'PROVINCE', '099 is not a province code'],
    ['038230001234', 2026, false, 'BIRTH_YEAR', 'born 2030, in the future'],
    ['038490001234', 2026, false, 'BIRTH_YEAR', 'born 2190'],
  ];
  it.each(cases)('%s in %i: valid %s (%s) — %s', (id, year, valid, problem) => {
    expect(checkCitizenId(id, year)).toEqual(problem ? { valid, problem } : { valid });
  });
});

describe('tax codes', () => {
  it.each([
    ['0100109106', true, 'a real enterprise code'],
    ['0100109106-001', true, 'a branch of it'],
    ['0100109107', false, 'wrong check digit'],
    ['010010910', false, 'nine digits'],
    ['0100109106-01', false, 'a malformed branch suffix'],
  ])('%s: %s (%s)', (code, valid) => {
    expect(isValidTaxCode(code)).toBe(valid);
  });
});
