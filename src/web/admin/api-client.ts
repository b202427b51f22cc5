import type {
  ApiErrorBody,
  ApproveRequest,
  BulkAnswer,
  BulkRequest,
  ChangeRequestsAnswer,
  Created,
  EditableMeetingsPage,
  EditedMeeting,
  Geocoded,
  GroupDetails,
  GroupsPage,
  GroupWrite,
  HistoryAnswer,
  HostKeyAnswer,
  Invitation,
  InvitationRequest,
  LoginRequest,
  Me,
  MeetingRoom,
  MeetingRoomAnswer,
  MeetingRoomWrite,
  MeetingWrite,
  MemberRole,
  PlaceDetails,
  PlacesPage,
  PlaceWrite,
  QualityFix,
  QualityReport,
  RoomOpening,
  ServiceBodiesAnswer,
  ServiceBodyDetails,
  ServiceBodyWrite,
  StatusAnswer,
  TotpSetup,
  TypesAnswer,
  VolunteersAnswer,
} from './admin-api-types.ts';

/** An answer that was not a success: the API's code, its message, and the field it names. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | null;

  constructor(status: number, body: Partial<ApiErrorBody>) {
    super(body.message ?? `the server answered ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.error ?? 'internal';
    this.field = body.field ?? null;
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Told when a signed-in request finds the session gone, so the app can ask to sign in again. */
let onSignedOut: (() => void) | null = null;
export function whenSignedOut(listener: (() => void) | null): void {
  onSignedOut = listener;
}

/**
 * One request to the API. Writes must say they come from this site (the API refuses a write with
 * a session otherwise): under a no-referrer policy the Fetch standard has a browser send
 * `Origin: null` on a write, so each request asks for the same-origin policy (the site's own), by
 * which every browser sends this site's origin, and its Referer, to this site only.
 */
export async function request<T>(method: Method, url: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      credentials: 'same-origin',
      referrerPolicy: 'same-origin',
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiError(0, {
      error: 'offline',
      message: 'The server could not be reached: check your connection and try again.',
    });
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? (JSON.parse(text) as unknown) : null;
  } catch {
    json = null;
  }
  if (!response.ok) {
    const body = json !== null && typeof json === 'object' ? (json as Partial<ApiErrorBody>) : {};
    const error = new ApiError(response.status, body);
    if (error.status === 401 && !url.startsWith('/api/v1/auth/login')) onSignedOut?.();
    throw error;
  }
  return json as T;
}

const path = (strings: TemplateStringsArray, ...values: (string | number)[]) =>
  strings.reduce(
    (out, s, i) => out + s + (i < values.length ? encodeURIComponent(values[i] ?? '') : ''),
    '',
  );

/** A list's page: up to `limit` matching the text, from the offset. */
const pageQuery = (q: string, offset: number, limit: number) =>
  new URLSearchParams({
    ...(q.trim() ? { q: q.trim() } : {}),
    limit: String(limit),
    ...(offset > 0 ? { offset: String(offset) } : {}),
  }).toString();

/** Every call the volunteer area makes, by what it does. */
export const api = {
  // accounts
  me: () => request<Me>('GET', '/api/v1/auth/me'),
  login: (body: LoginRequest) => request<Me>('POST', '/api/v1/auth/login', body),
  logout: () => request<undefined>('POST', '/api/v1/auth/logout'),
  logoutEverywhere: () =>
    request<{ sessions_ended: number }>('POST', '/api/v1/auth/logout-everywhere'),
  setPasswordFromLink: (token: string, password: string) =>
    request<StatusAnswer>('POST', '/api/v1/auth/password', { token, password }),
  askPasswordReset: (email: string) =>
    request<StatusAnswer>('POST', '/api/v1/auth/password-reset', { email }),
  changePassword: (current: string, next: string) =>
    request<StatusAnswer>('PUT', '/api/v1/auth/password', {
      current_password: current,
      password: next,
    }),
  totpSetup: () => request<TotpSetup>('POST', '/api/v1/auth/totp/setup'),
  totpOn: (secret: string, code: string) =>
    request<{ totp: true }>('PUT', '/api/v1/auth/totp', { secret, code }),
  totpOff: (password: string) =>
    request<{ totp: false }>('DELETE', '/api/v1/auth/totp', { password }),

  // volunteers
  volunteers: () => request<VolunteersAnswer>('GET', '/api/v1/users'),
  invite: (body: InvitationRequest) => request<Invitation>('POST', '/api/v1/invitations', body),
  setRole: (userId: number, bodyId: number, role: MemberRole) =>
    request<{ role: MemberRole }>('PUT', path`/api/v1/users/${userId}/roles/${bodyId}`, { role }),
  removeRole: (userId: number, bodyId: number) =>
    request<undefined>('DELETE', path`/api/v1/users/${userId}/roles/${bodyId}`),

  // meetings
  editableMeetings: () =>
    request<EditableMeetingsPage>('GET', '/api/v1/editable-meetings?limit=500'),
  meeting: (slug: string) => request<EditedMeeting>('GET', path`/api/v1/meetings/${slug}/editable`),
  createMeeting: (body: MeetingWrite) => request<EditedMeeting>('POST', '/api/v1/meetings', body),
  preview: (body: MeetingWrite & { slug?: string }) =>
    request<EditedMeeting>('POST', '/api/v1/meetings/preview', body),
  saveMeeting: (slug: string, body: MeetingWrite) =>
    request<EditedMeeting>('PATCH', path`/api/v1/meetings/${slug}`, body),
  deleteMeeting: (slug: string) => request<undefined>('DELETE', path`/api/v1/meetings/${slug}`),
  bulk: (body: BulkRequest) => request<BulkAnswer>('POST', '/api/v1/meetings/bulk', body),
  openRoom: (body: RoomOpening) => request<HostKeyAnswer>('POST', '/api/v1/rooms', body),
  meetingRoom: (slug: string) => request<MeetingRoom>('GET', path`/api/v1/meetings/${slug}/room`),
  saveMeetingRoom: (slug: string, body: MeetingRoomWrite) =>
    request<MeetingRoomAnswer>('PUT', path`/api/v1/meetings/${slug}/room`, body),
  newHostKey: (slug: string) =>
    request<HostKeyAnswer>('POST', path`/api/v1/meetings/${slug}/room/host-key`),
  removeMeetingRoom: (slug: string) =>
    request<undefined>('DELETE', path`/api/v1/meetings/${slug}/room`),
  meetingHistory: (slug: string) =>
    request<HistoryAnswer>('GET', path`/api/v1/meetings/${slug}/history`),
  types: () => request<TypesAnswer>('GET', '/api/v1/types'),
  geocode: (address: string) =>
    request<Geocoded>('GET', `/api/v1/geocode?address=${encodeURIComponent(address)}`),

  // places, groups, bodies
  places: (q = '', offset = 0, limit = 100) =>
    request<PlacesPage>('GET', `/api/v1/locations?${pageQuery(q, offset, limit)}`),
  place: (id: number) => request<PlaceDetails>('GET', path`/api/v1/locations/${id}`),
  createPlace: (body: PlaceWrite) => request<Created>('POST', '/api/v1/locations', body),
  deletePlace: (id: number) => request<undefined>('DELETE', path`/api/v1/locations/${id}`),
  savePlace: (id: number, body: PlaceWrite) =>
    request<PlaceDetails>('PATCH', path`/api/v1/locations/${id}`, body),
  groups: (q = '', offset = 0, limit = 100) =>
    request<GroupsPage>('GET', `/api/v1/groups?${pageQuery(q, offset, limit)}`),
  group: (id: number) => request<GroupDetails>('GET', path`/api/v1/groups/${id}`),
  createGroup: (body: GroupWrite) => request<Created>('POST', '/api/v1/groups', body),
  deleteGroup: (id: number) => request<undefined>('DELETE', path`/api/v1/groups/${id}`),
  saveGroup: (id: number, body: GroupWrite) =>
    request<GroupDetails>('PATCH', path`/api/v1/groups/${id}`, body),
  serviceBodies: () => request<ServiceBodiesAnswer>('GET', '/api/v1/service-bodies'),
  serviceBody: (id: number) =>
    request<ServiceBodyDetails>('GET', path`/api/v1/service-bodies/${id}`),
  createServiceBody: (body: ServiceBodyWrite) =>
    request<Created>('POST', '/api/v1/service-bodies', body),
  saveServiceBody: (id: number, body: ServiceBodyWrite) =>
    request<ServiceBodyDetails>('PATCH', path`/api/v1/service-bodies/${id}`, body),
  deleteServiceBody: (id: number) =>
    request<undefined>('DELETE', path`/api/v1/service-bodies/${id}`),
  quality: (bodyId: number) =>
    request<QualityReport>('GET', path`/api/v1/service-bodies/${bodyId}/quality`),
  /** A data-quality fix: exactly the request the finding names. */
  fix: (fix: QualityFix) => request<unknown>(fix.method, fix.url, fix.body),

  // change requests and history
  changeRequests: () =>
    request<ChangeRequestsAnswer>('GET', '/api/v1/change-requests?status=open,held'),
  approve: (id: number, body: ApproveRequest) =>
    request<{ status: 'approved'; meeting: EditedMeeting }>(
      'POST',
      path`/api/v1/change-requests/${id}/approve`,
      body,
    ),
  reject: (id: number, reply: string | null) =>
    request<{ status: 'rejected' }>('POST', path`/api/v1/change-requests/${id}/reject`, {
      reply,
    }),
  release: (id: number) =>
    request<{ status: 'open' }>('POST', path`/api/v1/change-requests/${id}/release`),
  history: (before?: number) =>
    request<HistoryAnswer>('GET', `/api/v1/history${before ? `?before=${before}` : ''}`),
  revert: (id: number) => request<{ reverted: number }>('POST', path`/api/v1/history/${id}/revert`),
};
