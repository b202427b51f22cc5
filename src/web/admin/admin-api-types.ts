/**
 * What the volunteer API (docs/volunteer-api.md) takes and answers, in one place. Where the
 * server has a presenter or service whose answer is the JSON, the type is derived from it, so a
 * change there is a compile error here; the rest is written out as the document says. These are
 * type imports only: nothing of the server reaches the browser bundle, which speaks to the JSON
 * API alone (admin-imports.test.ts checks it).
 */
import type { MemberRole } from '../../domain/account/permissions.ts';
import type { FieldChange } from '../../domain/history/field-changes.ts';
import type { ServiceBodyKind } from '../../domain/service-body/service-body.ts';
import type { TypeCategory } from '../../domain/vocabulary/type-vocabulary.ts';
import type { presentHistory } from '../../edges/http/history.presenter.ts';
import type { presentEdited } from '../../edges/http/meeting-edit.routes.ts';
import type { inviteVolunteer, volunteersFor } from '../../services/account/volunteer.service.ts';
import type { BulkAction, editableMeetings } from '../../services/editing/bulk-edit.service.ts';
import type { Geocoded } from '../../services/editing/geocode.service.ts';
import type {
  GroupFields,
  LocationFields,
  ServiceBodyFields,
} from '../../services/editing/shared-edit.service.ts';
import type { editableGroups, editablePlaces } from '../../services/editing/shared-list.service.ts';
import type { QualityFix, qualityReport } from '../../services/quality.service.ts';
import type { RoomFormat } from '../../domain/room/room-format.ts';
import type { presentRoom } from '../../services/room/room-setup.service.ts';

export type {
  BulkAction,
  FieldChange,
  Geocoded,
  MemberRole,
  QualityFix,
  ServiceBodyKind,
  TypeCategory,
};

/** The error answer of every route. */
export interface ApiErrorBody {
  readonly error: string;
  readonly message: string;
  readonly field?: string;
}

// ---- accounts ---------------------------------------------------------------------------------

/** GET /api/v1/auth/me, and the answer of POST /api/v1/auth/login. */
export interface Me {
  readonly id: number;
  readonly email: string;
  readonly is_admin: boolean;
  readonly totp: boolean;
  readonly roles: readonly {
    readonly service_body_id: number;
    readonly service_body: string | null;
    readonly role: MemberRole;
  }[];
}

export interface LoginRequest {
  readonly email: string;
  readonly password: string;
  readonly totp?: string;
}

/** The answers that say how it went in words (password set, changed, reset asked). */
export interface StatusAnswer {
  readonly status: string;
  readonly message: string;
}

export interface TotpSetup {
  readonly secret: string;
  readonly uri: string;
}

// ---- meetings ---------------------------------------------------------------------------------

/** A meeting's fields by their Meeting Guide names (private contacts included). */
export type MeetingFields = Readonly<Record<string, unknown>>;

/**
 * GET /api/v1/meetings/{slug}/editable, and what a write or a preview answers. The ids of its
 * place and group are read when the server sends them (a later version of the API does; this
 * one does not, so the editor links to them only then).
 */
export type EditedMeeting = ReturnType<typeof presentEdited> & {
  readonly location_id?: number | null;
  readonly group_id?: number | null;
};

/** One page of GET /api/v1/editable-meetings. */
export type EditableMeetingsPage = Awaited<ReturnType<typeof editableMeetings>>;
export type EditableMeetingSummary = EditableMeetingsPage['meetings'][number];
/** A meeting's write: fields to change, and what is not a record field. */
export type MeetingWrite = Readonly<Record<string, unknown>> & {
  readonly published?: boolean;
  readonly service_body_id?: number | null;
};

export interface BulkRequest {
  readonly slugs: readonly string[];
  readonly action: BulkAction;
  readonly group_id?: number;
  readonly location_id?: number;
}
export interface BulkAnswer {
  readonly results: readonly {
    readonly slug: string;
    readonly ok: boolean;
    readonly message?: string;
  }[];
}

/** GET /api/v1/types. */
export interface MeetingType {
  readonly code: string;
  readonly name: string;
  readonly description: string;
  readonly category: TypeCategory;
  readonly language?: string;
  readonly origin: string;
}
export interface TypesAnswer {
  readonly language: string;
  readonly types: readonly MeetingType[];
}

// ---- places, groups, service bodies ----------------------------------------------------------

type Present<T> = { readonly [K in keyof T]-?: Exclude<T[K], undefined> };
type UsedBy = { readonly id: number; readonly meetings: readonly { slug: string; name: string }[] };

/** GET /api/v1/locations/{id}. */
export type PlaceDetails = Present<LocationFields> & UsedBy;
/** GET /api/v1/groups/{id}. */
export type GroupDetails = Present<GroupFields> & UsedBy;
/** GET /api/v1/service-bodies/{id}. */
export type ServiceBodyDetails = Present<ServiceBodyFields> & UsedBy;
export type ServiceBodyWrite = ServiceBodyFields;
export type PlaceWrite = LocationFields;
export type GroupWrite = GroupFields;
export type GroupContact = NonNullable<GroupFields['contacts']>[number];
/** A page of GET /api/v1/groups and of GET /api/v1/locations. */
export type GroupsPage = Awaited<ReturnType<typeof editableGroups>>;
export type PlacesPage = Awaited<ReturnType<typeof editablePlaces>>;
export type GroupSummary = GroupsPage['groups'][number];
export type PlaceSummary = PlacesPage['locations'][number];
/** What POST /api/v1/groups and /api/v1/locations answer: the new one's id and fields. */
export type Created = { readonly id: number };

export interface ServiceBody {
  readonly id: number;
  readonly name: string;
  readonly kind: ServiceBodyKind;
  readonly parent_id: number | null;
  readonly fellowship: string | null;
}
export interface ServiceBodiesAnswer {
  readonly service_bodies: readonly ServiceBody[];
}

// ---- change requests, history, quality ---------------------------------------------------------

export type ChangeRequestStatus = 'open' | 'held' | 'approved' | 'rejected';

/** One entry of GET /api/v1/change-requests. */
export interface ChangeRequest {
  readonly id: number;
  readonly status: ChangeRequestStatus;
  /** The meeting's slug; null for a suggested new meeting. */
  readonly meeting: string | null;
  readonly meeting_name: string | null;
  readonly message: string;
  readonly changes: Readonly<Record<string, unknown>>;
  readonly diff: readonly FieldChange[];
  readonly email: string | null;
  readonly service_body_id: number | null;
  readonly at: string;
  readonly decided_at: string | null;
  readonly reply: string | null;
}
export interface ChangeRequestsAnswer {
  readonly change_requests: readonly ChangeRequest[];
}
export interface ApproveRequest {
  readonly changes?: Readonly<Record<string, unknown>>;
  readonly service_body_id?: number | null;
  readonly reply?: string | null;
}

export type HistoryEntry = ReturnType<typeof presentHistory>;
export interface HistoryAnswer {
  readonly history: readonly HistoryEntry[];
}

export type QualityReport = Awaited<ReturnType<typeof qualityReport>>;
export type QualityFinding = QualityReport['findings'][number];
export type QualityKind = QualityFinding['kind'];

// ---- volunteers -------------------------------------------------------------------------------

export type Volunteer = Awaited<ReturnType<typeof volunteersFor>>[number];
export interface VolunteersAnswer {
  readonly users: readonly Volunteer[];
}
export interface InvitationRequest {
  readonly email: string;
  readonly service_body_id: number;
  readonly role: MemberRole;
}
export type Invitation = Awaited<ReturnType<typeof inviteVolunteer>>;

// ---- online meeting rooms (docs/rooms-protocol.md) --------------------------------------------

/** GET and PUT /api/v1/meetings/{slug}/room. */
export type MeetingRoom = ReturnType<typeof presentRoom>;
/** PUT /api/v1/meetings/{slug}/room: what changes (a first PUT also answers the host key). */
export interface MeetingRoomWrite {
  readonly format?: RoomFormat;
  readonly passcode?: string | null;
  readonly waiting_room?: boolean;
  readonly private_messages?: boolean;
  readonly share_minutes?: number;
  readonly fellowship_minutes?: number;
  /** The group's confidentiality statement; null: Greendoor's own. */
  readonly statement?: string | null;
  /** The group's steps with its readings; null: the format's template. */
  readonly steps?: readonly { title: string; text: string; shares?: boolean }[] | null;
}
export type MeetingRoomAnswer = MeetingRoom & {
  readonly host_key?: string;
  readonly host_url?: string;
};
/** POST /api/v1/rooms: an ad-hoc room, for no listed meeting (answered as a new host key is). */
export type RoomOpening = Omit<MeetingRoomWrite, 'steps'> & { readonly name: string };
/** POST /api/v1/meetings/{slug}/room/host-key. */
export interface HostKeyAnswer {
  readonly room_id: string;
  readonly join_url: string;
  readonly host_url: string;
  readonly host_key: string;
}
