/** A coordinate as typed: the number, or null when empty or not a number. */
export function coordinate(text: string): number | null {
  const t = text.trim().replace(',', '.');
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}
