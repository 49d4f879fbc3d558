import { fixPath } from './outbox-page';

describe('fixPath', () => {
  it('opens the distribution form for a refused distribution', () => {
    expect(fixPath({ kind: 'distribution', url: '/api/v1/distributions' })).toBe('/distributions/new');
  });

  it('opens the incident form for a refused report', () => {
    expect(fixPath({ kind: 'incident', url: '/api/v1/incidents' })).toBe('/incidents/new');
  });

  it.each([
    ['check-in', '/api/v1/convoys/c-42/check-ins'],
    ['convoy-status', '/api/v1/convoys/c-42/status'],
  ] as const)('opens the convoy a refused %s was about', (kind, url) => {
    expect(fixPath({ kind, url })).toBe('/convoys/c-42');
  });
});
