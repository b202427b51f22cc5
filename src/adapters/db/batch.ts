/** Rows per statement so one statement stays under the database's bind-parameter limit. */
export function batchSize(maxParameters: number, columnsPerRow: number): number {
  return Math.max(1, Math.floor(maxParameters / Math.max(1, columnsPerRow)));
}

export function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
