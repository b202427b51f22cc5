import { z } from 'zod';
import type { Clock } from '../adapters/clock.ts';
import type { Store } from '../adapters/db/database.ts';
import { AppError } from '../domain/errors.ts';
import { meetingBodyOf } from './editing/editing-context.ts';
import { proofHolds } from './spam/proof-of-work.ts';

/**
 * The "report a problem" and "suggest a meeting" forms. `website` is a honeypot: hidden from
 * people, filled in by bots; a request that fills it is accepted and dropped.
 */
export const changeRequestSchema = z.object({
  meeting: z.string().trim().min(1).max(200).optional(),
  message: z
    .string({ error: 'say what is wrong or what to add' })
    .trim()
    .min(1, 'say what is wrong or what to add')
    .max(5000, 'keep it under 5,000 characters'),
  changes: z
    .record(
      z
        .string()
        .regex(
          /^[a-z][a-z0-9_]{0,40}$/,
          'use Meeting Guide field names, like "time" or "conference_url"',
        ),
      z.union([
        z.string().max(2000),
        z.number(),
        z.boolean(),
        z.null(),
        z.array(z.union([z.string().max(200), z.number()])).max(50),
      ]),
    )
    .refine((c) => Object.keys(c).length <= 40, 'at most 40 changed fields')
    .optional(),
  email: z.email('must be an e-mail address, or leave it out').max(254).optional(),
  website: z.string().optional(),
  /** The form's proof of work (see proof-of-work.ts); without it the request is held. */
  proof: z.object({ challenge: z.string().max(200), nonce: z.string().max(40) }).optional(),
});

export type ChangeRequestInput = z.infer<typeof changeRequestSchema>;

/**
 * The "suggest a meeting" form's fields, as a person fills them in (only the name is needed;
 * volunteers ask for the rest). Field names are the Meeting Guide feed's.
 */
export const meetingSuggestionSchema = z.object({
  name: z
    .string({ error: 'give the meeting’s name' })
    .trim()
    .min(1, 'give the meeting’s name')
    .max(200, 'keep the name under 200 characters'),
  fellowship: z.string().trim().max(40).optional(),
  day: z.enum(['0', '1', '2', '3', '4', '5', '6'], { error: 'choose a day' }).optional(),
  time: z
    .string()
    .regex(/^([01]?\d|2[0-3]):[0-5]\d$/, 'write the time as HH:MM, such as 19:30')
    .optional(),
  formatted_address: z.string().trim().max(300, 'keep the address under 300 characters').optional(),
  conference_url: z
    .url({ protocol: /^https?$/, error: 'give the link to join as https://…' })
    .max(2000)
    .optional(),
  message: z.string().trim().max(5000, 'keep it under 5,000 characters').optional(),
  email: z.email('must be an e-mail address, or leave it out').max(254).optional(),
  website: z.string().optional(),
  proof_challenge: z.string().max(200).optional(),
  proof_nonce: z.string().max(40).optional(),
});

export type MeetingSuggestion = z.infer<typeof meetingSuggestionSchema>;

/** A suggestion as a change request: a new meeting (no `meeting`), its fields as `changes`. */
export function suggestionRequest(s: MeetingSuggestion): ChangeRequestInput {
  const changes: Record<string, string | number> = { name: s.name };
  if (s.fellowship) changes.fellowship = s.fellowship;
  if (s.day !== undefined) changes.day = Number(s.day);
  if (s.time) changes.time = s.time.padStart(5, '0');
  if (s.formatted_address) changes.formatted_address = s.formatted_address;
  if (s.conference_url) changes.conference_url = s.conference_url;
  return {
    message: s.message || `A meeting to add: ${s.name}`,
    changes,
    ...(s.email ? { email: s.email } : {}),
    ...(s.website ? { website: s.website } : {}),
    ...(s.proof_challenge && s.proof_nonce
      ? { proof: { challenge: s.proof_challenge, nonce: s.proof_nonce } }
      : {}),
  };
}

/**
 * Stores a request in the queue of the body that answers for the meeting (administrators' for a
 * suggested meeting), answering its id; null when the honeypot caught a bot. Without a proof of
 * work it is held apart as likely spam.
 */
export async function submitChangeRequest(
  store: Store,
  input: ChangeRequestInput,
  clock: Clock,
): Promise<number | null> {
  if (input.website) return null;
  let meetingId: number | null = null;
  let serviceBodyId: number | null = null;
  if (input.meeting !== undefined) {
    const found = await store.listings.load({ slug: input.meeting });
    const meeting = found[0];
    if (!meeting) {
      throw new AppError(
        'not_found',
        `there is no meeting "${input.meeting}": check the link, or leave "meeting" out to suggest a new one`,
        {
          field: 'meeting',
        },
      );
    }
    meetingId = meeting.meetingId;
    serviceBodyId = await meetingBodyOf(store, meeting);
  }
  const proven = await proofHolds(store, clock, input.proof);
  return store.changeRequests.add({
    serviceBodyId,
    status: proven ? 'open' : 'held',
    meetingId,
    meetingSlug: input.meeting ?? null,
    message: input.message,
    changes: input.changes ?? {},
    email: input.email ?? null,
    at: clock.now().toISOString(),
  });
}
