import { z } from 'zod';

/** Scalars feeds write as text or numbers interchangeably ("slug": 6 and "slug": "6"). */
const text = z.union([z.string(), z.number(), z.null()]);
// Lists sometimes hold nulls ("regions": [null]); those entries are skipped when read.
const textList = z.array(z.union([z.string(), z.number(), z.null()]));

const contactFields = Object.fromEntries(
  [1, 2, 3].flatMap((n) =>
    ['name', 'email', 'phone'].map((f) => [`contact_${n}_${f}`, text.optional()]),
  ),
) as Record<`contact_${1 | 2 | 3}_${'name' | 'email' | 'phone'}`, z.ZodOptional<typeof text>>;

/** Greendoor's marker on a contact exported for a trusted copy: keep it private on re-import. */
const contactPrivacy = Object.fromEntries(
  [1, 2, 3].map((n) => [`contact_${n}_private`, z.boolean().optional()]),
) as Record<`contact_${1 | 2 | 3}_private`, z.ZodOptional<z.ZodBoolean>>;

/**
 * One meeting of a Meeting Guide feed, with the field variants real feeds use. Everything is
 * optional here; what a meeting needs is checked when it is read into a listing, so one bad
 * meeting is reported by its slug instead of failing the feed. Unknown fields are allowed.
 */
export const meetingGuideRecordSchema = z.looseObject({
  name: text.optional(),
  slug: text.optional(),
  day: z.union([text, textList]).optional(),
  time: text.optional(),
  end_time: text.optional(),
  timezone: text.optional(),
  types: z.union([z.string(), textList, z.null()]).optional(),
  notes: text.optional(),
  conference_url: text.optional(),
  conference_url_notes: text.optional(),
  conference_phone: text.optional(),
  conference_phone_notes: text.optional(),
  attendance_option: text.optional(),
  location: text.optional(),
  location_notes: text.optional(),
  location_id: text.optional(),
  formatted_address: text.optional(),
  address: text.optional(),
  city: text.optional(),
  state: text.optional(),
  postal_code: text.optional(),
  country: text.optional(),
  latitude: text.optional(),
  longitude: text.optional(),
  approximate: z.union([z.string(), z.boolean(), z.null()]).optional(),
  region: text.optional(),
  sub_region: text.optional(),
  regions: z.union([textList, z.string(), z.null()]).optional(),
  group: text.optional(),
  group_id: text.optional(),
  group_notes: text.optional(),
  district: text.optional(),
  website: text.optional(),
  email: text.optional(),
  phone: text.optional(),
  venmo: text.optional(),
  paypal: text.optional(),
  square: text.optional(),
  homegroup_online: text.optional(),
  last_contact: text.optional(),
  ...contactFields,
  ...contactPrivacy,
  entity: text.optional(),
  entity_email: text.optional(),
  entity_phone: text.optional(),
  entity_location: text.optional(),
  entity_logo: text.optional(),
  entity_url: text.optional(),
  entity_website_url: text.optional(),
  feedback_emails: z.union([z.array(z.string()), z.string(), z.null()]).optional(),
  feedback_url: text.optional(),
  url: text.optional(),
  updated: text.optional(),
  // Greendoor's extensions: fields the spec lacks, ignored by other readers.
  fellowship: text.optional(),
  languages: z.union([z.array(z.string()), z.string(), z.null()]).optional(),
  weeks_of_month: z.array(z.union([z.number(), z.string()])).optional(),
});

export type MeetingGuideRecord = z.infer<typeof meetingGuideRecordSchema>;
