import { z } from 'zod';

/** The kinds a newcomer can tell apart: how a meeting of the fellowship is likely to run. */
export const fellowshipKinds = ['twelve_step', 'smart', 'buddhist', 'other'] as const;
export type FellowshipKind = (typeof fellowshipKinds)[number];

export const fellowshipKindNames: Record<FellowshipKind, string> = {
  twelve_step: 'Twelve-step',
  smart: 'SMART Recovery',
  buddhist: 'Buddhist-inspired',
  other: 'Other',
};

export const fellowshipIdSchema = z
  .string()
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    'use lower-case letters, digits and hyphens, like "aa" or "recovery-dharma"',
  )
  .max(40);

export const fellowshipSchema = z.object({
  id: fellowshipIdSchema,
  name: z.string().trim().min(1).max(120),
  kind: z.enum(fellowshipKinds),
  description: z.string().trim().min(1).max(2000),
  website: z.url({ protocol: /^https?$/ }).nullable(),
});

export type Fellowship = z.infer<typeof fellowshipSchema>;
