/**
 * Flood limits: each participant has a bucket per kind of message that refills over time, so
 * anyone can talk at a human pace and no one can drown a room. Pure: the caller gives the time.
 */
export interface Rate {
  /** How many may come at once. */
  readonly burst: number;
  /** How many more each second after that. */
  readonly perSecond: number;
}

export interface Bucket {
  readonly tokens: number;
  readonly at: number;
}

export const floodRates = {
  /** Chat and shares: a burst of a few lines, then one every two seconds. */
  chat: { burst: 6, perSecond: 0.5 },
  reaction: { burst: 5, perSecond: 0.5 },
  /** Raising hands, the host's controls. */
  command: { burst: 20, perSecond: 4 },
} as const satisfies Record<string, Rate>;

export type FloodKind = keyof typeof floodRates;

/** The longest message anyone may send to the room, in characters. */
export const TEXT_MAX = 2000;

/** After this many refused messages a connection is closed. */
export const STRIKES_MAX = 30;

/**
 * One participant's buckets: the participant's, not the connection's, so coming back with the
 * resume token (or a second window) does not refill them.
 */
export interface FloodLimits {
  readonly buckets: Map<FloodKind, Bucket>;
}

export const newFloodLimits = (): FloodLimits => ({ buckets: new Map() });

export function fullBucket(rate: Rate, now: number): Bucket {
  return { tokens: rate.burst, at: now };
}

/** The bucket after one more message, or null when it is empty (the message is refused). */
export function take(bucket: Bucket, rate: Rate, now: number): Bucket | null {
  const refilled = Math.min(
    rate.burst,
    bucket.tokens + (Math.max(0, now - bucket.at) / 1000) * rate.perSecond,
  );
  return refilled < 1 ? null : { tokens: refilled - 1, at: now };
}

/**
 * A chat message as the room shows it: control characters removed (line breaks kept), at
 * most three blank lines in a row, trimmed; null when nothing is left.
 */
export function cleanText(text: string): string | null {
  const clean = text
    .replace(/\r\n?/g, '\n')
    .replace(/[\p{Cc}\p{Cf}](?<!\n)/gu, '')
    .replace(/\n{4,}/g, '\n\n\n')
    .trim();
  return clean.length === 0 ? null : clean;
}

/** Quiet reactions: a sign, never words. */
export const reactions = ['thanks', 'heart', 'wave', 'clap'] as const;
export type Reaction = (typeof reactions)[number];
