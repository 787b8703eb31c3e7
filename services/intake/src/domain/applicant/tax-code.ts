/**
 * Enterprise and organisation tax codes (mã số thuế): ten digits whose last is a check digit,
 * optionally followed by `-NNN` for a branch. N10 = 10 − (31·N1 + 29·N2 + 23·N3 + 19·N4 + 17·N5
 * + 13·N6 + 7·N7 + 5·N8 + 3·N9) mod 11; a result of 10 is never issued.
 */
const WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3];

export function isValidTaxCode(value: string): boolean {
  const match = /^(\d{10})(-\d{3})?$/.exec(value);
  if (!match) return false;
  const digits = match[1].split('').map(Number);
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * digits[i], 0);
  const check = 10 - (sum % 11);
  return check !== 10 && check === digits[9];
}
