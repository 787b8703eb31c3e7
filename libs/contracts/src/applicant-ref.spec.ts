import { applicantRef } from './applicant-ref';

describe('applicant references', () => {
  const key = 'k'.repeat(32);

  it('is stable for one applicant and different for another, and hides the identifier', () => {
    const ref = applicantRef('INDIVIDUAL', '038090001234', key);
    expect(ref).toMatch(/^[0-9a-f]{64}$/);
    expect(applicantRef('INDIVIDUAL', ' 038090001234 ', key)).toBe(ref);
    expect(applicantRef('INDIVIDUAL', '038090001235', key)).not.toBe(ref);
    expect(applicantRef('INDIVIDUAL', '038090001234', 'x'.repeat(32))).not.toBe(ref);
    expect(ref).not.toContain('038090001234');
  });

  it('refuses a short key', () => {
    expect(() => applicantRef('ORGANISATION', '0100109106', 'short')).toThrow(RangeError);
  });
});
