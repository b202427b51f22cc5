/**
 * A LIKE pattern matching text anywhere in a lower-cased column. Wildcards typed by a person
 * are taken as text: dropped, not matched (the same on SQLite and PostgreSQL).
 */
export const containsPattern = (text: string): string =>
  `%${text.toLowerCase().replace(/[%_\\]/g, '')}%`;
