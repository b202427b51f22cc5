// The package's index exports only helpers; the table with every translation is lib/types.
import { types as specTypes } from '@code4recovery/spec/lib/types.js';
import { extraTypes } from './extra-types.ts';
import { specLanguageCodes, specTypeDescriptions } from './type-descriptions.ts';
import { type TypeTranslation, typeTranslations } from './type-translations.ts';

export type TypeCategory =
  | 'attendance'
  | 'format'
  | 'literature'
  | 'focus'
  | 'community'
  | 'language'
  | 'accessibility'
  | 'practical';

export interface MeetingTypeDefinition {
  readonly code: string;
  /** The name by language code ("en", "es", ...); "en" is always present. */
  readonly names: Readonly<Record<string, string>>;
  /** What the type means in practice, for a newcomer (English). */
  readonly description: string;
  readonly category: TypeCategory;
  /** The ISO 639 code of the language this type marks, for language types. */
  readonly language?: string;
  readonly origin: 'meeting-guide' | 'greendoor';
  readonly fellowships?: readonly string[];
}

const categoryBySpecCode: Readonly<Record<string, TypeCategory>> = {
  '11': 'format',
  '12x12': 'literature',
  A: 'focus',
  ABSI: 'literature',
  AL: 'practical',
  'AL-AN': 'practical',
  ASL: 'accessibility',
  B: 'literature',
  BA: 'practical',
  BE: 'focus',
  BRK: 'practical',
  C: 'format',
  CAN: 'format',
  CF: 'practical',
  D: 'format',
  DB: 'practical',
  DD: 'focus',
  DR: 'literature',
  FF: 'accessibility',
  GR: 'literature',
  H: 'format',
  LIT: 'literature',
  LS: 'literature',
  MED: 'format',
  O: 'format',
  OUT: 'practical',
  POA: 'practical',
  SM: 'practical',
  SP: 'format',
  ST: 'format',
  TC: 'attendance',
  TR: 'format',
  X: 'accessibility',
  XB: 'accessibility',
  XT: 'format',
};

function buildVocabulary(): ReadonlyMap<string, MeetingTypeDefinition> {
  const namesByCode = new Map<string, Record<string, string>>(
    Object.entries(specTypes).map(([code, names]) => [code, { ...names }]),
  );
  const vocabulary = new Map<string, MeetingTypeDefinition>();
  for (const [code, names] of namesByCode) {
    const language = specLanguageCodes[code];
    const english = names.en ?? code;
    const description =
      language !== undefined
        ? code === 'ASL'
          ? 'The meeting is held in, or interpreted into, American Sign Language.'
          : `The meeting is held in ${english}.`
        : specTypeDescriptions[code];
    if (description === undefined) {
      // A new spec release added a code: describe it before shipping (a test checks this).
      continue;
    }
    vocabulary.set(code, {
      code,
      names,
      description,
      category:
        language !== undefined && code !== 'ASL'
          ? 'language'
          : (categoryBySpecCode[code] ?? 'community'),
      ...(language !== undefined ? { language } : {}),
      origin: 'meeting-guide',
    });
  }
  for (const extra of extraTypes) {
    vocabulary.set(extra.code, {
      code: extra.code,
      names: { en: extra.name },
      description: extra.description,
      category: extra.category,
      origin: 'greendoor',
      ...(extra.fellowships ? { fellowships: extra.fellowships } : {}),
    });
  }
  return vocabulary;
}

/** Every known type, by code. Codes are case-sensitive, as in the spec ("12x12"). */
export const typeVocabulary: ReadonlyMap<string, MeetingTypeDefinition> = buildVocabulary();

export function isKnownType(code: string): boolean {
  return typeVocabulary.has(code);
}

function translationFor(language: string): TypeTranslation | undefined {
  return language === 'es' || language === 'fr' ? typeTranslations[language] : undefined;
}

/** What a type means, for a newcomer, in a language (English where it has no translation). */
export function typeDescription(code: string, language = 'en'): string | null {
  const def = typeVocabulary.get(code);
  if (!def) return null;
  const translation = translationFor(language);
  if (!translation) return def.description;
  if (def.category === 'language')
    return translation.heldIn(def.names[language] ?? def.names.en ?? code);
  return translation.descriptions[code] ?? def.description;
}

/** A type's name in a language: the spec's translation, ours for the codes we add, else English. */
export function typeName(code: string, language = 'en'): string {
  const def = typeVocabulary.get(code);
  return def?.names[language] ?? translationFor(language)?.names[code] ?? def?.names.en ?? code;
}

const typeCodeByLanguage: ReadonlyMap<string, string> = new Map(
  [...typeVocabulary.values()].flatMap((d) => (d.language ? [[d.language, d.code] as const] : [])),
);

/** The ISO 639 language a type code marks ("S" → "es"), if it is a language type. */
export function languageOfType(code: string): string | undefined {
  return typeVocabulary.get(code)?.language;
}

/** The type code that marks a language ("es" → "S"), if the vocabulary has one. */
export function typeForLanguage(language: string): string | undefined {
  return typeCodeByLanguage.get(language);
}

/**
 * Codes by every English name they have gone by, for tables (CSV) that write names rather than
 * codes. Includes the 12 Step Meeting List's older names.
 */
const legacyNames: Readonly<Record<string, string>> = {
  'online meeting': 'ONL',
  'temporary closure': 'TC',
  'step meeting': 'ST',
  'babysitting available': 'BA',
  'child care available': 'BA',
  lgbtq: 'LGBTQ',
  'lgbtqiaa+': 'LGBTQ',
  speaker: 'SP',
  'hybrid meeting': 'HY',
};

const codeByName: ReadonlyMap<string, string> = new Map([
  ...[...typeVocabulary.values()].flatMap((d) =>
    Object.values(d.names).map((n) => [n.toLowerCase(), d.code] as const),
  ),
  ...Object.entries(legacyNames),
]);

/** A code for a name or a code as written in a table; unknown text comes back unchanged. */
export function typeCodeFromText(text: string): string {
  const trimmed = text.trim();
  if (typeVocabulary.has(trimmed)) return trimmed;
  const upper = trimmed.toUpperCase();
  if (typeVocabulary.has(upper)) return upper;
  return codeByName.get(trimmed.toLowerCase()) ?? trimmed;
}
