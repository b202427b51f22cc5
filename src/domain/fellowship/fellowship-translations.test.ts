import { describe, expect, it } from 'vitest';
import { fellowshipSchema } from './fellowship.ts';
import { fellowshipTranslations } from './fellowship-translations.ts';
import { builtinFellowships } from './fellowships.builtin.ts';

const languages = ['es', 'fr'] as const;

const builtinIds = builtinFellowships.map((f) => f.id).sort();
const english = new Map(builtinFellowships.map((f) => [f.id, f]));

/**
 * Fellowships whose name stays as it is in English, because they have no established name in
 * that language: proper names, not untranslated text.
 */
const nameSameAsEnglish: Record<(typeof languages)[number], string[]> = {
  es: ['smart', 'recovery-dharma', 'refuge-recovery', 'lifering', 'women-for-sobriety'],
  fr: [
    'smart',
    'recovery-dharma',
    'refuge-recovery',
    'celebrate-recovery',
    'lifering',
    'women-for-sobriety',
  ],
};

describe('fellowship translations', () => {
  for (const language of languages) {
    describe(language, () => {
      const translations = fellowshipTranslations[language];

      it('covers every built-in fellowship, and no other', () => {
        expect(Object.keys(translations).sort()).toEqual(builtinIds);
      });

      it('leaves nothing empty or untranslated, and fits the fellowship schema', () => {
        for (const [id, t] of Object.entries(translations)) {
          const original = english.get(id);
          if (original === undefined) throw new Error(`unknown fellowship ${id}`);
          expect(t.name.trim(), id).not.toBe('');
          expect(t.description.trim().length, id).toBeGreaterThan(20);
          expect(t.description, id).not.toBe(original.description);
          if (!nameSameAsEnglish[language].includes(id)) {
            expect(t.name, id).not.toBe(original.name);
          }
          expect(fellowshipSchema.safeParse({ ...original, ...t }).success, id).toBe(true);
        }
      });

      it('lists as the same as English only names that really are', () => {
        for (const id of nameSameAsEnglish[language]) {
          expect(translations[id]?.name, id).toBe(english.get(id)?.name);
        }
      });

      it('uses the quotation marks and apostrophes of the language', () => {
        for (const [id, t] of Object.entries(translations)) {
          for (const text of [t.name, t.description]) {
            expect(text, id).not.toMatch(/["“”']/);
            expect(text, id).not.toMatch(/\s{2,}|^\s|\s$/);
          }
        }
      });
    });
  }

  it('follows French typography: a no-break space before : ; ! ? » and after «', () => {
    for (const [id, t] of Object.entries(fellowshipTranslations.fr)) {
      for (const text of [t.name, t.description]) {
        expect(text, id).not.toMatch(/(?<!\u00a0)[:;!?»]/);
        expect(text, id).not.toMatch(/«(?!\u00a0)/);
      }
    }
  });

  it('uses the established names of the big fellowships', () => {
    expect(fellowshipTranslations.es.aa?.name).toBe('Alcohólicos Anónimos');
    expect(fellowshipTranslations.fr.aa?.name).toBe('Alcooliques anonymes');
    expect(fellowshipTranslations.es.na?.name).toBe('Narcóticos Anónimos');
    expect(fellowshipTranslations.fr.na?.name).toBe('Narcotiques Anonymes');
  });
});
