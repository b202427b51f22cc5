import type { Locale } from '../vocabulary/locales.ts';
import { fellowshipTranslations } from './fellowship-translations.ts';
import { builtinFellowships } from './fellowships.builtin.ts';

const builtin = new Map(builtinFellowships.map((f) => [f.id, f]));

/** A built-in fellowship's name in a language; null for fellowships an operator added. */
export function fellowshipName(id: string, locale: Locale): string | null {
  if (locale !== 'en') {
    const translated = fellowshipTranslations[locale][id]?.name;
    if (translated) return translated;
  }
  return builtin.get(id)?.name ?? null;
}

/** A built-in fellowship's description for newcomers in a language; null for added ones. */
export function fellowshipDescription(id: string, locale: Locale): string | null {
  if (locale !== 'en') {
    const translated = fellowshipTranslations[locale][id]?.description;
    if (translated) return translated;
  }
  return builtin.get(id)?.description ?? null;
}
