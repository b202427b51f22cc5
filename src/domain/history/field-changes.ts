import { stableStringify } from '../listing/listing-fingerprint.ts';

export const historyEntities = ['meeting', 'group', 'location', 'service_body'] as const;
export type HistoryEntity = (typeof historyEntities)[number];

/** One field's change: what it said before and after (null: absent). */
export interface FieldChange {
  readonly field: string;
  readonly before: unknown;
  readonly after: unknown;
}

const present = (value: unknown) =>
  value !== undefined &&
  value !== null &&
  value !== '' &&
  !(Array.isArray(value) && value.length === 0);

/**
 * The fields two descriptions of the same thing differ in, in the order of `after`'s fields
 * then `before`'s. Absent, null, empty text and empty lists are all "nothing".
 */
export function fieldChanges(
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
): FieldChange[] {
  const fields = [...new Set([...Object.keys(after), ...Object.keys(before)])];
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const b = present(before[field]) ? before[field] : null;
    const a = present(after[field]) ? after[field] : null;
    if (stableStringify(b) !== stableStringify(a)) changes.push({ field, before: b, after: a });
  }
  return changes;
}

/** The values that undo a set of changes: each field as it was before. */
export function undoing(changes: readonly FieldChange[]): Record<string, unknown> {
  return Object.fromEntries(changes.map((c) => [c.field, c.before]));
}
