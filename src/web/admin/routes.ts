/** The volunteer area's pages, by address. */
export type Route =
  | { readonly page: 'meetings' }
  | { readonly page: 'new-meeting' }
  | { readonly page: 'new-room' }
  | { readonly page: 'meeting'; readonly slug: string }
  | { readonly page: 'meeting-history'; readonly slug: string }
  | { readonly page: 'requests' }
  | { readonly page: 'history' }
  | { readonly page: 'quality'; readonly bodyId: number | null }
  | { readonly page: 'places' }
  | { readonly page: 'place'; readonly id: number }
  | { readonly page: 'new-place' }
  | { readonly page: 'group'; readonly id: number }
  | { readonly page: 'new-group' }
  | { readonly page: 'bodies' }
  | { readonly page: 'body'; readonly id: number }
  | { readonly page: 'new-body' }
  | { readonly page: 'volunteers' }
  | { readonly page: 'account' }
  | { readonly page: 'password' }
  | { readonly page: 'not-found' };

export const href = {
  meetings: '/admin',
  newMeeting: '/admin/meetings/new',
  newRoom: '/admin/rooms/new',
  meeting: (slug: string) => `/admin/meetings/${encodeURIComponent(slug)}`,
  meetingHistory: (slug: string) => `/admin/meetings/${encodeURIComponent(slug)}/history`,
  requests: '/admin/requests',
  history: '/admin/history',
  quality: (bodyId?: number) => (bodyId ? `/admin/quality/${bodyId}` : '/admin/quality'),
  places: '/admin/places',
  place: (id: number) => `/admin/places/${id}`,
  newPlace: '/admin/places/new',
  groups: '/admin/groups',
  group: (id: number) => `/admin/groups/${id}`,
  newGroup: '/admin/groups/new',
  bodies: '/admin/bodies',
  body: (id: number) => `/admin/bodies/${id}`,
  /** A new body, beneath this one (none: a top body). */
  newBody: (parent: number | null) =>
    parent === null ? '/admin/bodies/new' : `/admin/bodies/new?parent=${parent}`,
  volunteers: '/admin/volunteers',
  account: '/admin/account',
  publicMeeting: (slug: string) => `/meetings/${encodeURIComponent(slug)}`,
} as const;

const id = (text: string | undefined) =>
  text && /^\d{1,12}$/.test(text) ? Number(text) : Number.NaN;

function decoded(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** The page an address shows (trailing slashes do not matter). */
export function routeOf(pathname: string): Route {
  const parts = pathname.replace(/\/+$/, '').split('/').slice(2);
  const [first = '', second, third] = parts;
  if (parts.length === 0) return { page: 'meetings' };
  if (parts.length === 1) {
    switch (first) {
      case 'meetings':
        return { page: 'meetings' };
      case 'requests':
        return { page: 'requests' };
      case 'history':
        return { page: 'history' };
      case 'quality':
        return { page: 'quality', bodyId: null };
      case 'places':
      case 'groups':
        return { page: 'places' };
      case 'volunteers':
        return { page: 'volunteers' };
      case 'bodies':
        return { page: 'bodies' };
      case 'account':
        return { page: 'account' };
      case 'password':
        return { page: 'password' };
      default:
        return { page: 'not-found' };
    }
  }
  if (first === 'meetings' && second) {
    if (second === 'new' && parts.length === 2) return { page: 'new-meeting' };
    const slug = decoded(second);
    if (slug && parts.length === 2) return { page: 'meeting', slug };
    if (slug && parts.length === 3 && third === 'history') return { page: 'meeting-history', slug };
  }
  if (parts.length === 2 && second === 'new') {
    if (first === 'rooms') return { page: 'new-room' };
    if (first === 'places') return { page: 'new-place' };
    if (first === 'groups') return { page: 'new-group' };
    if (first === 'bodies') return { page: 'new-body' };
  }
  if (parts.length === 2) {
    const n = id(second);
    if (Number.isSafeInteger(n) && n > 0) {
      if (first === 'quality') return { page: 'quality', bodyId: n };
      if (first === 'places') return { page: 'place', id: n };
      if (first === 'groups') return { page: 'group', id: n };
      if (first === 'bodies') return { page: 'body', id: n };
    }
  }
  return { page: 'not-found' };
}
