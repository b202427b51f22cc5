import { types as specTypes } from '@code4recovery/spec/lib/types.js';
import { describe, expect, it } from 'vitest';
import { extraTypes } from './extra-types.ts';
import { specLanguageCodes, specTypeDescriptions } from './type-descriptions.ts';
import { typeTranslations } from './type-translations.ts';
import { typeVocabulary } from './type-vocabulary.ts';

const languages = ['es', 'fr'] as const;

/** Codes whose name we translate: only the ones Greendoor adds (the spec names its own). */
const namedCodes = extraTypes.map((t) => t.code).sort();

/** Codes with a description of their own: every type but the languages, which use `heldIn`. */
const describedCodes = [
  ...new Set([
    ...Object.keys(specTypeDescriptions),
    ...extraTypes.map((t) => t.code),
    ...[...typeVocabulary.values()].filter((t) => t.category !== 'language').map((t) => t.code),
  ]),
].sort();

/** The English each translation replaces. */
const englishName = new Map(extraTypes.map((t) => [t.code, t.name]));
const englishDescription = new Map(
  [...typeVocabulary.values()].map((t) => [t.code, t.description]),
);

/**
 * Translations that may read exactly as the English (proper names, words the languages share).
 * None yet: add a code here only when the identical text is right in that language.
 */
const sameAsEnglish: Record<
  (typeof languages)[number],
  { names: string[]; descriptions: string[] }
> = {
  es: { names: [], descriptions: [] },
  fr: { names: [], descriptions: [] },
};

function texts(language: (typeof languages)[number]): [string, string][] {
  const t = typeTranslations[language];
  return [...Object.entries(t.names), ...Object.entries(t.descriptions)];
}

describe('type translations', () => {
  it('sets the required codes from the vocabulary, ASL included', () => {
    expect(describedCodes).toContain('ASL');
    expect(describedCodes).toContain('ONL');
    expect(describedCodes).not.toContain('S');
    expect(namedCodes).not.toContain('O');
  });

  for (const language of languages) {
    describe(language, () => {
      const t = typeTranslations[language];

      it('names every code Greendoor adds, and no other', () => {
        expect(Object.keys(t.names).sort()).toEqual(namedCodes);
      });

      it('describes every non-language type, and no other', () => {
        expect(Object.keys(t.descriptions).sort()).toEqual(describedCodes);
      });

      it('leaves nothing empty or untranslated', () => {
        for (const [code, name] of Object.entries(t.names)) {
          expect(name.trim(), code).not.toBe('');
          if (!sameAsEnglish[language].names.includes(code)) {
            expect(name, code).not.toBe(englishName.get(code));
          }
        }
        for (const [code, description] of Object.entries(t.descriptions)) {
          expect(description.trim().length, code).toBeGreaterThan(10);
          expect(description, code).toMatch(/[.!?]$/);
          expect(description, code).not.toMatch(/\b(TODO|TBD)\b/);
          if (!sameAsEnglish[language].descriptions.includes(code)) {
            expect(description, code).not.toBe(englishDescription.get(code));
          }
        }
      });

      it('lists as the same as English only what really is', () => {
        for (const code of sameAsEnglish[language].names) {
          expect(t.names[code], code).toBe(englishName.get(code));
        }
        for (const code of sameAsEnglish[language].descriptions) {
          expect(t.descriptions[code], code).toBe(englishDescription.get(code));
        }
      });

      it('keeps names from clashing with each other or with the spec names', () => {
        const specNames = Object.entries(specTypes).flatMap(([code, names]) =>
          Object.values(names).map((n) => [n.toLowerCase(), code] as const),
        );
        const taken = new Map(specNames);
        const ours = Object.values(t.names).map((n) => n.toLowerCase());
        expect(new Set(ours).size).toBe(ours.length);
        for (const [code, name] of Object.entries(t.names)) {
          expect(taken.get(name.toLowerCase()), `${code}: ${name}`).toBeUndefined();
        }
      });

      it('uses the quotation marks of the language', () => {
        for (const [code, text] of texts(language)) {
          expect(text, code).not.toMatch(/["“”]/);
          expect(text, code).not.toMatch(/\s{2,}|^\s|\s$/);
        }
      });
    });
  }

  it('follows French typography: no-break spaces, typographic apostrophes', () => {
    for (const [code, text] of texts('fr')) {
      expect(text, code).not.toMatch(/'/);
      expect(text, code).not.toMatch(/(?<!\u00a0)[:;!?»]/);
      expect(text, code).not.toMatch(/«(?!\u00a0)/);
    }
  });

  it('follows Spanish typography: « » without inner spaces', () => {
    for (const [code, text] of texts('es')) {
      expect(text, code).not.toMatch(/'/);
      expect(text, code).not.toMatch(/«\s|\s»/);
    }
  });

  it('says what language a meeting is held in, in running text', () => {
    expect(typeTranslations.es.heldIn('Inglés')).toBe('La reunión es en inglés.');
    expect(typeTranslations.es.heldIn('Español')).toBe('La reunión es en español.');
    expect(typeTranslations.fr.heldIn('Anglais')).toBe('La réunion a lieu en anglais.');
    expect(typeTranslations.fr.heldIn('Thaï')).toBe('La réunion a lieu en thaï.');
  });

  it('describes every spec language from its own name in that language', () => {
    for (const code of Object.keys(specLanguageCodes)) {
      if (code === 'ASL') continue; // has its own description
      for (const language of languages) {
        const name = specTypes[code as keyof typeof specTypes][language];
        expect(name, `${code} ${language}`).toBeTruthy();
        const sentence = typeTranslations[language].heldIn(name);
        expect(sentence, code).toMatch(/^La (reunión es|réunion a lieu) en \p{Ll}[\p{Ll} ]*\.$/u);
      }
    }
  });
});
