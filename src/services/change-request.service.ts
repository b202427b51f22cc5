import { z } from 'zod';
import type { Clock } from '../adapters/clock.ts';
import type { Store } from '../adapters/db/database.ts';
import { AppError } from '../domain/errors.ts';

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
});

export type ChangeRequestInput = z.infer<typeof changeRequestSchema>;

/** Stores a request for volunteers, answering its id (null when the honeypot caught a bot). */
export async function submitChangeRequest(
  store: Store,
  input: ChangeRequestInput,
  clock: Clock,
): Promise<number | null> {
  if (input.website) return null;
  let meetingId: number | null = null;
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
  }
  return store.changeRequests.add({
    meetingId,
    meetingSlug: input.meeting ?? null,
    message: input.message,
    changes: input.changes ?? {},
    email: input.email ?? null,
    at: clock.now().toISOString(),
  });
}
