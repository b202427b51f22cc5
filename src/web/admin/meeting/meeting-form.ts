import type { MeetingFields, MeetingWrite } from '../admin-api-types.ts';

/**
 * A meeting as its editor's form holds it (text as typed, days and types as lists), and back:
 * the write sends only what changed, so a field the form does not show is never touched and the
 * history records exactly the volunteer's edit.
 */

/** Fields the form edits as one line or box of text each, by their Meeting Guide names. */
export const textFields = [
  'name',
  'time',
  'end_time',
  'notes',
  'attendance_option',
  'location',
  'formatted_address',
  'location_notes',
  'latitude',
  'longitude',
  'conference_url',
  'conference_url_notes',
  'conference_phone',
  'conference_phone_notes',
  'group',
  'group_notes',
  'website',
  'email',
  'phone',
  'venmo',
  'paypal',
  'square',
  'homegroup_online',
] as const;
export type TextFieldName = (typeof textFields)[number];

export const CONTACTS = [1, 2, 3] as const;

export interface ContactForm {
  readonly name: string;
  readonly email: string;
  readonly phone: string;
  readonly private: boolean;
}

export interface MeetingForm {
  readonly text: Readonly<Record<TextFieldName, string>>;
  /** 0 (Sunday) to 6, in order. */
  readonly days: readonly number[];
  readonly types: readonly string[];
  readonly contacts: readonly ContactForm[];
  readonly published: boolean;
}

/** Every field the form shows, so a problem naming one is shown beside it. */
export const formFields: ReadonlySet<string> = new Set([
  ...textFields,
  'day',
  'types',
  'published',
  'service_body_id',
  ...CONTACTS.flatMap((n) => ['name', 'email', 'phone', 'private'].map((p) => `contact_${n}_${p}`)),
]);

function asText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

export function daysOf(value: unknown): number[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return [...new Set(list.map(Number).filter((d) => Number.isInteger(d) && d >= 0 && d <= 6))].sort(
    (a, b) => a - b,
  );
}

export function formOf(fields: MeetingFields, published: boolean): MeetingForm {
  const text = Object.fromEntries(textFields.map((f) => [f, asText(fields[f])])) as Record<
    TextFieldName,
    string
  >;
  return {
    text,
    days: daysOf(fields.day),
    types: Array.isArray(fields.types) ? fields.types.map(String).sort() : [],
    contacts: CONTACTS.map((n) => ({
      name: asText(fields[`contact_${n}_name`]),
      email: asText(fields[`contact_${n}_email`]),
      phone: asText(fields[`contact_${n}_phone`]),
      private: fields[`contact_${n}_private`] === true,
    })),
    published,
  };
}

/** A new meeting's empty form: shown in the directory unless unticked. */
export const emptyForm: MeetingForm = formOf({ attendance_option: 'in_person' }, true);

/** A coordinate as typed: a number, nothing (""), or text that is neither. */
function coordinate(text: string): number | null | 'bad' {
  const t = text.trim().replace(',', '.');
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : 'bad';
}

/** A coordinate typed that is not a number: the field to say so beside, or null. */
export function badCoordinate(form: MeetingForm): 'latitude' | 'longitude' | null {
  if (coordinate(form.text.latitude) === 'bad') return 'latitude';
  if (coordinate(form.text.longitude) === 'bad') return 'longitude';
  return null;
}

function valueOf(field: TextFieldName, text: string): unknown {
  if (field === 'latitude' || field === 'longitude') {
    const c = coordinate(text);
    return c === 'bad' ? text.trim() : c;
  }
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}

const sameList = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * What to send for the edit from `before` to `after`: only the fields that differ, each as the
 * API takes it (an emptied field as null, which removes it; one day as a number, several as a
 * list). Coordinates go together: one changed sends both, so the zone follows the point.
 */
export function changesOf(before: MeetingForm, after: MeetingForm): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of textFields) {
    if (valueOf(field, before.text[field]) !== valueOf(field, after.text[field])) {
      out[field] = valueOf(field, after.text[field]);
    }
  }
  if ('latitude' in out || 'longitude' in out) {
    out.latitude = valueOf('latitude', after.text.latitude);
    out.longitude = valueOf('longitude', after.text.longitude);
  }
  if (!sameList(before.days, after.days)) {
    out.day =
      after.days.length === 0 ? null : after.days.length === 1 ? after.days[0] : [...after.days];
  }
  const types = [...after.types].sort();
  if (!sameList([...before.types].sort(), types)) out.types = types.length > 0 ? types : null;
  CONTACTS.forEach((n, i) => {
    const b = before.contacts[i];
    const a = after.contacts[i];
    if (!a || !b) return;
    for (const part of ['name', 'email', 'phone'] as const) {
      if (b[part].trim() !== a[part].trim()) out[`contact_${n}_${part}`] = a[part].trim() || null;
    }
    if (b.private !== a.private) out[`contact_${n}_private`] = a.private ? true : null;
  });
  return out;
}

/** The whole write of a meeting's edit: changed fields, and `published` if it changed. */
export function writeOf(before: MeetingForm, after: MeetingForm): MeetingWrite {
  return {
    ...changesOf(before, after),
    ...(before.published !== after.published ? { published: after.published } : {}),
  };
}

/** A new meeting's write: every field given, nothing for the empty ones. */
export function newMeetingWrite(form: MeetingForm, serviceBodyId: number): MeetingWrite {
  const fields = Object.fromEntries(
    Object.entries(changesOf(emptyForm, form)).filter(([, v]) => v !== null),
  );
  if (form.text.attendance_option) fields.attendance_option = form.text.attendance_option;
  return { ...fields, published: form.published, service_body_id: serviceBodyId };
}

export function isDirty(before: MeetingForm, after: MeetingForm): boolean {
  return Object.keys(writeOf(before, after)).length > 0;
}
