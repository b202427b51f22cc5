import type { Place } from '../adapters/geo/places.ts';
import { bodiesWithin } from '../domain/account/permissions.ts';
import { AppError } from '../domain/errors.ts';
import { qualityFindings } from '../domain/quality/quality-checks.ts';
import { type EditingContext, bodyParents, requirePermission } from './editing/editing-context.ts';
import { geocodeAddress } from './editing/geocode.service.ts';

/** A fix one click away: the request that makes it. */
export interface QualityFix {
  readonly label: string;
  readonly method: 'PATCH' | 'POST';
  readonly url: string;
  readonly body: Readonly<Record<string, unknown>>;
}

/**
 * What needs care in a body's listings (and those of the bodies beneath it), each finding with
 * the obvious fix where there is one: confirm a listing is current, put a place on the map from
 * its address, unpublish what looks listed twice.
 */
export async function qualityReport(
  ctx: EditingContext,
  bodyId: number,
  resolvePlace: (query: string) => Promise<Place | null>,
) {
  const repos = ctx.store;
  if (!(await repos.serviceBodies.byId(bodyId)))
    throw new AppError('not_found', `there is no service body ${bodyId}`);
  const parents = await bodyParents(repos);
  requirePermission(
    ctx.actor,
    'read_private',
    { bodyId: bodyId, what: `service body ${bodyId}` },
    parents,
  );
  const bodies = [...bodiesWithin(bodyId, parents)];
  const { meetings } = await repos.meetings.inScope({ bodyIds: bodies, limit: 100_000, offset: 0 });
  const stored = [];
  for (let i = 0; i < meetings.length; i += 5000) {
    stored.push(
      ...(await repos.listings.load({ meetingIds: meetings.slice(i, i + 5000).map((m) => m.id) })),
    );
  }
  const sourceSlugs = new Map(
    (await repos.meetings.sourceSlugs(meetings.map((m) => m.id))).map((r) => [r.id, r.sourceSlug]),
  );
  const updated = new Map(meetings.map((m) => [m.id, m.updatedAt]));
  const findings = qualityFindings(
    stored.map((s) => ({
      slug: s.slug,
      sourceSlug: sourceSlugs.get(s.meetingId) ?? s.slug,
      listing: s.listing,
      locationId: s.locationId,
      updatedAt: updated.get(s.meetingId) ?? s.listing.updatedAt ?? new Date(0).toISOString(),
    })),
    ctx.clock.now().getTime(),
  );
  const located = new Map<number, Awaited<ReturnType<typeof geocodeAddress>>>();
  const items = [];
  for (const f of findings) {
    let fix: QualityFix | null = null;
    if (f.kind === 'stale') {
      fix = {
        label: 'It is still right',
        method: 'POST',
        url: '/api/v1/meetings/bulk',
        body: { slugs: [f.slug], action: 'confirm_current' },
      };
    } else if (f.kind === 'likely_duplicate') {
      fix = {
        label: 'Unpublish this one',
        method: 'POST',
        url: '/api/v1/meetings/bulk',
        body: { slugs: [f.slug], action: 'unpublish' },
      };
    } else if (f.kind === 'no_coordinates' && f.locationId !== undefined) {
      if (!located.has(f.locationId)) {
        const place = stored.find((s) => s.locationId === f.locationId)?.listing.location;
        located.set(
          f.locationId,
          place?.formattedAddress
            ? await geocodeAddress(place.formattedAddress, resolvePlace)
            : null,
        );
      }
      const point = located.get(f.locationId);
      if (point) {
        fix = {
          label: `Put it at ${point.matched} (roughly)`,
          method: 'PATCH',
          url: `/api/v1/locations/${f.locationId}`,
          body: { latitude: point.latitude, longitude: point.longitude, approximate: true },
        };
      }
    }
    items.push({
      kind: f.kind,
      meeting: f.slug,
      detail: f.detail,
      ...(f.other ? { other: f.other } : {}),
      ...(f.locationId !== undefined ? { location_id: f.locationId } : {}),
      edit: `/admin/meetings/${encodeURIComponent(f.slug)}`,
      fix,
    });
  }
  return { service_body_id: bodyId, meetings: stored.length, findings: items };
}
