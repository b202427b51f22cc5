import type { Permission } from '../../domain/account/permissions.ts';

/**
 * What every route needs, in one table: `public` (anyone, no account), `signed-in` (any
 * volunteer), or a permission the person must hold on some service body. Routes acting on one
 * thing check, in their service, that the person holds it on that thing's body (so guessing
 * another body's slug or id gets a 403). A route missing from this table does not start.
 */
export type RouteAccess = 'public' | 'signed-in' | Permission;

export const routePolicy = {
  // the public directory
  'GET /healthz': 'public',
  'GET /api/openapi.json': 'public',
  'GET /api/v1/meetings': 'public',
  'GET /api/v1/meetings/:slug': 'public',
  'GET /meetings/:slug.ics': 'public',
  'GET /api/v1/places': 'public',
  'GET /api/v1/types': 'public',
  'GET /feeds/meeting-guide.json': 'public',
  'GET /api/v1/changes': 'public',
  'POST /api/v1/change-requests': 'public',
  'GET /api/v1/change-requests/challenge': 'public',
  'GET /': 'public',
  'GET /meetings/:slug': 'public',
  'POST /meetings/:slug/report': 'public',
  'GET /guide': 'public',
  'GET /suggest': 'public',
  'POST /suggest': 'public',
  'GET /static/*': 'public',
  'GET /admin': 'public',
  'GET /admin/*': 'public',
  // accounts
  'POST /api/v1/auth/login': 'public',
  'POST /api/v1/auth/password': 'public',
  'POST /api/v1/auth/password-reset': 'public',
  'POST /api/v1/auth/logout': 'signed-in',
  'POST /api/v1/auth/logout-everywhere': 'signed-in',
  'GET /api/v1/auth/me': 'signed-in',
  'PUT /api/v1/auth/password': 'signed-in',
  'POST /api/v1/auth/totp/setup': 'signed-in',
  'PUT /api/v1/auth/totp': 'signed-in',
  'DELETE /api/v1/auth/totp': 'signed-in',
  // volunteers
  'GET /api/v1/users': 'manage_volunteers',
  'POST /api/v1/invitations': 'manage_volunteers',
  'PUT /api/v1/users/:id/roles/:bodyId': 'manage_volunteers',
  'DELETE /api/v1/users/:id/roles/:bodyId': 'manage_volunteers',
  // meetings
  'POST /api/v1/meetings': 'edit_listings',
  'POST /api/v1/meetings/preview': 'edit_listings',
  'GET /api/v1/meetings/:slug/editable': 'read_private',
  'PATCH /api/v1/meetings/:slug': 'edit_listings',
  'DELETE /api/v1/meetings/:slug': 'edit_listings',
  'POST /api/v1/meetings/bulk': 'edit_listings',
  'GET /api/v1/meetings/:slug/history': 'read_private',
  'GET /api/v1/editable-meetings': 'read_private',
  // groups, locations, service bodies
  'GET /api/v1/groups': 'read_private',
  'GET /api/v1/groups/:id': 'read_private',
  'POST /api/v1/groups': 'edit_listings',
  'PATCH /api/v1/groups/:id': 'edit_listings',
  'DELETE /api/v1/groups/:id': 'edit_listings',
  'GET /api/v1/locations': 'read_private',
  'GET /api/v1/locations/:id': 'read_private',
  'POST /api/v1/locations': 'edit_listings',
  'PATCH /api/v1/locations/:id': 'edit_listings',
  'DELETE /api/v1/locations/:id': 'edit_listings',
  'GET /api/v1/geocode': 'edit_listings',
  'GET /api/v1/service-bodies': 'signed-in',
  'GET /api/v1/service-bodies/:id': 'read_private',
  'POST /api/v1/service-bodies': 'manage_bodies',
  'PATCH /api/v1/service-bodies/:id': 'manage_bodies',
  'DELETE /api/v1/service-bodies/:id': 'manage_bodies',
  'GET /api/v1/service-bodies/:id/quality': 'read_private',
  // change requests and history
  'GET /api/v1/change-requests': 'review_requests',
  'POST /api/v1/change-requests/:id/approve': 'review_requests',
  'POST /api/v1/change-requests/:id/reject': 'review_requests',
  'POST /api/v1/change-requests/:id/release': 'review_requests',
  'GET /api/v1/history': 'read_private',
  // online meeting rooms: joining needs no account (the room's link, its passcode, the host)
  'GET /rooms/:roomId': 'public',
  'GET /api/v1/rooms/:roomId/socket': 'public',
  'POST /api/v1/rooms': 'edit_listings',
  'GET /api/v1/meetings/:slug/room': 'read_private',
  'PUT /api/v1/meetings/:slug/room': 'edit_listings',
  'POST /api/v1/meetings/:slug/room/host-key': 'edit_listings',
  'DELETE /api/v1/meetings/:slug/room': 'edit_listings',
  'POST /api/v1/history/:id/revert': 'edit_listings',
} as const satisfies Record<string, RouteAccess>;

export type RouteKey = keyof typeof routePolicy;

/** A route's entry: HEAD is answered as GET is. */
export function accessOf(method: string, url: string): RouteAccess | undefined {
  const key = `${method === 'HEAD' ? 'GET' : method} ${url}`;
  return (routePolicy as Record<string, RouteAccess>)[key];
}
