import { ROLES } from '@motcua/platform';
import { sweepBadInput } from '@motcua/testing';
import { ProjectionsHarness } from '../../testing/projections.harness';

describe('projections: hostile input on every documented route is refused with a 4xx naming the field, never a 5xx', () => {
  const harness = new ProjectionsHarness();
  beforeAll(() => harness.start(), 120_000);
  afterAll(() => harness.close());

  it('answers deep nesting, control characters, nulls and wrong types on every route from /docs/json without a 5xx', async () => {
    // As sweepService does for the services started by @motcua/testing: no credentials, the portal, then each officer role.
    const officers = ROLES.filter((role) => role !== 'PORTAL').map((role) => harness.officer(role as Exclude<typeof role, 'PORTAL'>, 'H56.22'));
    const { routes, findings } = await sweepBadInput({ origin: harness.base, credentials: [{}, harness.portal(), ...officers] });
    expect(routes).toContain('GET /v1/dossiers/by-code/{code}/timeline');
    expect(findings).toEqual([]);
  });
});
