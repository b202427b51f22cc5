import { describe, expect, it } from 'vitest';
import { listing } from '../../test-support/factories.ts';
import { qualityFindings } from './quality-checks.ts';

const now = Date.parse('2026-11-23T12:00:00Z');
const checked = (
  slug: string,
  overrides: Parameters<typeof listing>[0] = {},
  extra: object = {},
) => ({
  slug,
  sourceSlug: slug,
  listing: listing({ slug, ...overrides }),
  locationId: 1,
  updatedAt: '2026-10-01T00:00:00Z',
  ...extra,
});

describe('qualityFindings', () => {
  it('finds nothing wrong in a well-kept listing', () => {
    expect(qualityFindings([checked('fine')], now)).toEqual([]);
  });

  it('finds each kind of problem, saying what to do', () => {
    const base = listing({});
    const findings = qualityFindings(
      [
        checked('old', {}, { updatedAt: '2025-01-01T00:00:00Z' }),
        checked(
          'no-link',
          {
            attendance: 'online',
            attendanceExplicit: true,
            conferenceUrl: null,
            conferencePhone: null,
            location: null,
          },
          { locationId: null },
        ),
        checked(
          'bad-link',
          {
            attendance: 'online',
            attendanceExplicit: true,
            conferenceUrl: 'zoom meeting',
            location: null,
          },
          { locationId: null },
        ),
        checked(
          'nowhere',
          {
            location: base.location ? { ...base.location, latitude: null, longitude: null } : null,
          },
          { locationId: 2 },
        ),
        checked('renamed', {}, { sourceSlug: 'taken', locationId: 3 }),
        checked('twice', {}, {}),
      ],
      now,
    );
    const kinds = findings.map((f) => `${f.kind}:${f.slug}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'stale:old',
        'unusable_link:no-link',
        'unusable_link:bad-link',
        'no_coordinates:nowhere',
        'slug_taken:renamed',
        'likely_duplicate:twice',
      ]),
    );
    expect(findings.find((f) => f.kind === 'likely_duplicate')?.other).toBe('old');
    expect(findings.find((f) => f.kind === 'stale')?.detail).toContain('2025-01-01');
  });
});
