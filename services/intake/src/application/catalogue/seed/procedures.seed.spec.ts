import { integrationEvents, ProcedurePublished } from '@motcua/contracts';
import type { AdministrativeUnit } from '../../../domain/catalogue/administrative-unit';
import { ProcedureVersion, toSnapshot } from '../../../domain/catalogue/procedure';
import { SEED_PROCEDURES } from './procedures.seed';
import { SEED_UNITS } from './units.seed';

const units = new Map(SEED_UNITS.map((u) => [u.code, u]));
const isSample = (v: ProcedureVersion) => v.code.startsWith('SAMPLE.');
const real = SEED_PROCEDURES.filter((v) => !isSample(v));
const label = (v: ProcedureVersion) => `${v.code} v${v.version}`;
const versionsOf = (code: string) => SEED_PROCEDURES.filter((v) => v.code === code).sort((a, b) => a.version - b.version);

/** The unit exists for the version's whole life, not only on its first day. */
const existsThroughout = (u: AdministrativeUnit, v: ProcedureVersion) =>
  Date.parse(u.validFrom) <= Date.parse(v.effectiveFrom) && (!u.validTo || (v.retiredAt !== undefined && Date.parse(v.retiredAt) <= Date.parse(u.validTo)));
const receivesDossiers = (u: AdministrativeUnit) => u.kind === 'SERVICE_CENTRE' || (u.kind === 'PEOPLES_COMMITTEE' && u.level !== 'PROVINCE');
const duplicated = (values: string[]) => values.filter((value, i) => values.indexOf(value) !== i);

describe('the seed procedures', () => {
  it('holds at least 30 procedures beyond the sample slice', () => {
    expect(new Set(real.map((v) => v.code)).size).toBeGreaterThanOrEqual(30);
  });

  it('keeps the four sample procedures the tests rely on', () => {
    expect(SEED_PROCEDURES.filter(isSample).map((v) => [v.code, v.version, v.level, v.units, v.agencies])).toEqual([
      ['SAMPLE.LLTP.01', 1, 'PROVINCE', ['H56', 'H56.10'], ['H56.10']],
      ['SAMPLE.HT.01', 1, 'COMMUNE', ['H56.22', 'H56.30', 'H56.31'], []],
      ['SAMPLE.DD.01', 1, 'COMMUNE', ['H56.22', 'H56.30', 'H56.31'], ['H56.22', 'H56.40', 'H56.50']],
      ['SAMPLE.XD.01', 1, 'COMMUNE', ['H56.22', 'H56.30', 'H56.31'], []],
    ]);
  });

  it('has one entry per code and version', () => {
    expect(duplicated(SEED_PROCEDURES.map(label))).toEqual([]);
  });

  it('numbers the versions of a code from 1, each retired before the next takes effect', () => {
    const broken = [...new Set(SEED_PROCEDURES.map((v) => v.code))].filter((code) =>
      versionsOf(code).some((v, i, all) => {
        const next = all[i + 1];
        const lifeRunsForward = !v.retiredAt || Date.parse(v.retiredAt) > Date.parse(v.effectiveFrom);
        const endsBeforeNext = !next || (v.retiredAt !== undefined && Date.parse(v.retiredAt) <= Date.parse(next.effectiveFrom));
        return v.version !== i + 1 || !lifeRunsForward || !endsBeforeNext;
      }),
    );
    expect(broken).toEqual([]);
  });

  it('names only seeded units and agencies that exist for the whole life of the version', () => {
    const broken = SEED_PROCEDURES.flatMap((v) =>
      [...v.units, ...v.agencies].flatMap((code) => {
        const u = units.get(code);
        return u && existsThroughout(u, v) ? [] : [`${label(v)}: ${code}`];
      }),
    );
    expect(broken).toEqual([]);
  });

  it('is received at a one-stop desk of its level, and lists agencies unless the receiving desk decides itself', () => {
    const broken = real.filter((v) => {
      const desks = v.units.map((code) => units.get(code));
      const ownLevel = v.level === 'PROVINCE' || desks.every((u) => u?.level === v.level && u.kind === 'PEOPLES_COMMITTEE');
      const decidesItself = desks.every((u) => u?.kind === 'PEOPLES_COMMITTEE');
      return !desks.some((u) => u && receivesDossiers(u)) || !ownLevel || (v.agencies.length === 0 && !decidesItself);
    });
    expect(broken.map(label)).toEqual([]);
  });

  it('lists each agency, receiving unit, document and fee once per version', () => {
    const broken = SEED_PROCEDURES.filter((v) =>
      [v.agencies, v.units, v.requiredDocuments.map((d) => d.id), v.fees.map((f) => f.code)].some((list) => duplicated(list).length > 0),
    );
    expect(broken.map(label)).toEqual([]);
  });

  it('charges whole, non-negative VND, with online rules that never cost more than the fee', () => {
    const broken = SEED_PROCEDURES.flatMap((v) =>
      v.fees
        .filter((f) => {
          const whole = Number.isSafeInteger(f.amount) && f.amount >= 0;
          if (f.online.rule === 'DISCOUNT_PERCENT') return !whole || !Number.isInteger(f.online.percent) || f.online.percent < 1 || f.online.percent > 100;
          if (f.online.rule === 'FIXED_AMOUNT') return !whole || !Number.isSafeInteger(f.online.amount) || f.online.amount < 0 || f.online.amount > f.amount;
          return !whole;
        })
        .map((f) => `${label(v)}: ${f.code}`),
    );
    expect(broken).toEqual([]);
    expect(real.filter((v) => v.payFirst && v.fees.length === 0).map(label)).toEqual([]);
  });

  it('marks every version as sample, since the unit codes are sample codes', () => {
    expect(SEED_PROCEDURES.filter((v) => !v.sample).map(label)).toEqual([]);
    expect(real.filter((v) => !/^[129]\.\d{6}$/.test(v.code)).map(label)).toEqual([]);
  });

  it('gives every version terms a received dossier can carry under the contract', () => {
    const refused = SEED_PROCEDURES.filter((v) => {
      const data = { procedure: toSnapshot(v, v.units[0]), effectiveFrom: v.effectiveFrom, units: v.units, sample: v.sample };
      try {
        integrationEvents.createEnvelope(ProcedurePublished, { source: 'motcua/intake', subject: v.code, data, time: v.effectiveFrom });
        return false;
      } catch {
        return true;
      }
    });
    expect(refused.map(label)).toEqual([]);
  });
});
