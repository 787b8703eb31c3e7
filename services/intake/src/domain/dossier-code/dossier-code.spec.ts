import { formatDossierCode, parseDossierCode } from './dossier-code';

describe('dossier codes', () => {
  it.each([
    ['H56.22', '2025-11-22', 42, 'H56.22-251122-0042'],
    ['H56', '2026-01-02', 1, 'H56-260102-0001'],
    ['H56.22', '2025-11-22', 12345, 'H56.22-251122-12345'],
  ])('%s on %s, number %i → %s', (unit, date, sequence, code) => {
    expect(formatDossierCode(unit, date, sequence)).toBe(code);
    expect(parseDossierCode(code)).toEqual({ unit, localDate: date, sequence });
  });

  it('refuses a sequence below 1 and a malformed date', () => {
    expect(() => formatDossierCode('H56', '2025-11-22', 0)).toThrow(RangeError);
    expect(() => formatDossierCode('H56', '22/11/2025', 1)).toThrow(RangeError);
  });

  it('does not parse what is not a code', () => {
    expect(parseDossierCode('H56.22-2511-0042')).toBeUndefined();
    expect(parseDossierCode('DROP TABLE')).toBeUndefined();
  });
});
