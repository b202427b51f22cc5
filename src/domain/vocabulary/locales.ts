/** The languages Greendoor's interface speaks. */
export const locales = ['en', 'es', 'fr'] as const;
export type Locale = (typeof locales)[number];

export function isLocale(value: string): value is Locale {
  return (locales as readonly string[]).includes(value);
}
