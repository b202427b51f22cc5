import type { HistoryEntry } from '../../adapters/db/repositories/history.repository.ts';

/** A history entry as volunteers see it: who, when, and each field before and after. */
export function presentHistory(entry: HistoryEntry) {
  return {
    id: entry.id,
    what: entry.entity,
    id_of: entry.entityId,
    name: entry.label,
    change: entry.action,
    by: entry.actor,
    at: entry.at,
    changes: entry.changes.map((c) => ({ field: c.field, before: c.before, after: c.after })),
  };
}
