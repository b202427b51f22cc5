/** Sorted keys by the object's own key order: objects of one shape share one sorted list. */
const sortedKeysByShape = new Map<string, readonly string[]>();

function sortedKeys(value: object): readonly string[] {
  const keys = Object.keys(value);
  // The JSON of the key list: joining with a separator would let {"": 1} pass for {}.
  const shape = JSON.stringify(keys);
  let sorted = sortedKeysByShape.get(shape);
  if (sorted === undefined) {
    sorted = [...keys].sort();
    if (sortedKeysByShape.size < 10_000) sortedKeysByShape.set(shape, sorted);
  }
  return sorted;
}

/**
 * JSON with object keys sorted, so equal values always give equal text whatever order their
 * keys were written in. Called for every meeting of every import, hence the care over speed.
 */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + stableStringify(value[i]);
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  let out = '{';
  let first = true;
  for (const key of sortedKeys(record)) {
    const item = record[key];
    if (item === undefined) continue;
    out += `${first ? '' : ','}${JSON.stringify(key)}:${stableStringify(item)}`;
    first = false;
  }
  return `${out}}`;
}
