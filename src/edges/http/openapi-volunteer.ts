import { type RouteKey, routePolicy } from './route-policy.ts';

/** One line for each route of the volunteer area (docs/volunteer-api.md has the details). */
const summaries: Partial<Record<RouteKey, string>> = {
  'POST /api/v1/auth/login': 'Sign in ({email, password, totp?}); sets the session cookie',
  'POST /api/v1/auth/password': 'Set a password from a one-time link ({token, password})',
  'POST /api/v1/auth/password-reset': 'Ask for a password reset link by mail ({email})',
  'POST /api/v1/auth/logout': 'Sign out',
  'POST /api/v1/auth/logout-everywhere': 'End every session of the person',
  'GET /api/v1/auth/me': 'Who is signed in, and their roles',
  'PUT /api/v1/auth/password': 'Change the password ({current_password, password})',
  'POST /api/v1/auth/totp/setup': 'A new second-factor secret and its otpauth:// address',
  'PUT /api/v1/auth/totp': 'Switch the second factor on ({secret, code})',
  'DELETE /api/v1/auth/totp': 'Switch the second factor off ({password})',
  'GET /api/v1/users': 'The volunteers of the person’s bodies',
  'POST /api/v1/invitations':
    'Invite a volunteer ({email, service_body_id, role}); answers a one-time link',
  'PUT /api/v1/users/:id/roles/:bodyId': 'Give a volunteer a role on a body ({role})',
  'DELETE /api/v1/users/:id/roles/:bodyId': 'Take a role away',
  'POST /api/v1/meetings': 'Add a meeting (Meeting Guide fields, service_body_id, published)',
  'POST /api/v1/meetings/preview': 'What a new meeting or an edit would publish, without saving',
  'GET /api/v1/meetings/:slug/editable':
    'A meeting as volunteers edit it (private contacts included)',
  'PATCH /api/v1/meetings/:slug': 'Change a meeting (Meeting Guide fields; null removes one)',
  'DELETE /api/v1/meetings/:slug': 'Delete a meeting (its history keeps it)',
  'POST /api/v1/meetings/bulk':
    'One action on many meetings ({slugs, action, group_id? for move_to_group, location_id? for move_to_location})',
  'GET /api/v1/meetings/:slug/history':
    'A meeting’s history: who, when, each field before and after',
  'GET /api/v1/editable-meetings': 'The meetings of the person’s bodies',
  'GET /api/v1/groups':
    'The groups of the person’s bodies (?q=, limit, offset), each with its meeting count',
  'GET /api/v1/groups/:id': 'A group, with its meetings',
  'POST /api/v1/groups': 'Add a group',
  'PATCH /api/v1/groups/:id': 'Change a group (for all its meetings)',
  'DELETE /api/v1/groups/:id': 'Delete a group nothing uses (409 names what does)',
  'GET /api/v1/locations':
    'The places of the person’s bodies (?q= name or address, limit, offset), each with its meeting count',
  'GET /api/v1/locations/:id': 'A place, with its meetings',
  'POST /api/v1/locations': 'Add a place',
  'PATCH /api/v1/locations/:id':
    'Change a place (for all its meetings; a new point gives them its zone)',
  'DELETE /api/v1/locations/:id': 'Delete a place nothing uses (409 names what does)',
  'GET /api/v1/geocode': 'Rough coordinates for an address (?address=), from the offline gazetteer',
  'GET /api/v1/service-bodies': 'The service-body tree',
  'GET /api/v1/service-bodies/:id': 'A service body: its fields, and the meetings it answers for',
  'POST /api/v1/service-bodies': 'Add a service body beneath one the person manages',
  'PATCH /api/v1/service-bodies/:id': 'Change a service body',
  'DELETE /api/v1/service-bodies/:id': 'Delete a service body nothing uses',
  'GET /api/v1/service-bodies/:id/quality': 'What needs care in a body’s listings, with fixes',
  'GET /api/v1/change-requests':
    'The change-request queues of the person’s bodies (?status=open,held)',
  'GET /api/v1/change-requests/challenge': 'A proof-of-work challenge for the public forms',
  'POST /api/v1/change-requests/:id/approve':
    'Apply a request as an edit ({changes?, service_body_id?, reply?})',
  'POST /api/v1/change-requests/:id/reject': 'Reject a request ({reply?}, mailed to the submitter)',
  'POST /api/v1/change-requests/:id/release': 'Move a held request into its queue',
  'GET /api/v1/history': 'Recent history of the person’s bodies (?before=)',
  'POST /api/v1/history/:id/revert': 'Undo a recorded change',
  'GET /api/v1/changes': 'What changed lately (never who, never the values)',
  'POST /api/v1/rooms':
    'Open an ad-hoc online room ({name, format?, passcode?, …}); answers its link and host key, once',
  'GET /api/v1/meetings/:slug/room':
    'A meeting’s Greendoor room: its link and settings (never its key)',
  'PUT /api/v1/meetings/:slug/room':
    'Set up or change a meeting’s room; its link becomes the meeting’s conference link (a new room answers its host key, once)',
  'POST /api/v1/meetings/:slug/room/host-key':
    'A new host key for a meeting’s room (the old one stops working)',
  'DELETE /api/v1/meetings/:slug/room':
    'Remove a meeting’s room (and its conference link, if it was the room’s)',
  'GET /api/v1/rooms/:roomId/socket':
    'The room’s WebSocket (docs/rooms-protocol.md): join with a name, the passcode if any, or the host key',
  'GET /api/openapi.json': 'This document',
};

/** The policy table's key of a route, as OpenAPI writes paths. */
const openApiKey = (key: string) => key.replace(/:(\w+)/g, '{$1}');

/**
 * The volunteer area's operations, from the policy table itself: every route with its access
 * (`x-access`), and the session cookie where it needs one.
 */
export function volunteerPaths(): Record<string, Record<string, object>> {
  const paths: Record<string, Record<string, object>> = {};
  for (const [key, access] of Object.entries(routePolicy)) {
    const summary = summaries[key as RouteKey];
    if (!summary) continue;
    const [method = 'get', path = '/'] = openApiKey(key).split(' ');
    paths[path] ??= {};
    paths[path][method.toLowerCase()] = {
      summary,
      'x-access': access,
      ...(access === 'public' ? {} : { security: [{ session: [] }] }),
      responses: {
        '200': { description: 'Done (201 for something added, 204 for something removed)' },
        '400': {
          description: 'A bad field, named in the message',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
        ...(access === 'public'
          ? {}
          : {
              '401': { description: 'Not signed in' },
              '403': { description: 'No role for this here, or a request from another site' },
            }),
      },
    };
  }
  return paths;
}

/** Routes under /api the document leaves out: none should be. */
export function undocumentedApiRoutes(
  documented: Readonly<Record<string, Record<string, unknown>>>,
): string[] {
  return Object.keys(routePolicy)
    .map(openApiKey)
    .filter((key) => key.split(' ')[1]?.startsWith('/api/'))
    .filter((key) => {
      const [method = '', path = ''] = key.split(' ');
      return !documented[path]?.[method.toLowerCase()];
    });
}
