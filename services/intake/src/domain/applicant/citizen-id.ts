/**
 * Citizen identity numbers (số định danh cá nhân, 12 digits): the province code of birth
 * registration, a digit for century and sex, the last two digits of the birth year, then six
 * digits. Validation never echoes the number: it is personal data.
 */
const PROVINCE_CODES = new Set(
  [
    1, 2, 4, 6, 8, 10, 11, 12, 14, 15, 17, 19, 20, 22, 24, 25, 26, 27, 30, 31, 33, 34, 35, 36, 37, 38, 40, 42, 44, 45, 46, 48, 49, 51, 52, 54,
    56, 58, 60, 62, 64, 66, 67, 68, 70, 72, 74, 75, 77, 79, 80, 82, 83, 84, 86, 87, 89, 91, 92, 93, 94, 95, 96,
  ].map((code) => String(code).padStart(3, '0')),
);

export type CitizenIdProblem = 'FORMAT' | 'PROVINCE' | 'BIRTH_YEAR';

export interface CitizenIdCheck {
  valid: boolean;
  problem?: CitizenIdProblem;
}

/** `currentYear` comes from the injected clock: a birth year may not lie in the future. */
export function checkCitizenId(value: string, currentYear: number): CitizenIdCheck {
  if (!/^\d{12}$/.test(value)) return { valid: false, problem: 'FORMAT' };
  if (!PROVINCE_CODES.has(value.slice(0, 3))) return { valid: false, problem: 'PROVINCE' };
  const centuryDigit = Number(value[3]);
  const century = 1900 + Math.floor(centuryDigit / 2) * 100;
  const birthYear = century + Number(value.slice(4, 6));
  if (birthYear > currentYear || currentYear - birthYear > 130) return { valid: false, problem: 'BIRTH_YEAR' };
  return { valid: true };
}
