import { describe, expect, it } from 'vitest';
import { guideKinds, type GuideContent } from './guide-content.ts';
import { guideEn } from './guide.en.ts';
import { guideEs } from './guide.es.ts';
import { guideFr } from './guide.fr.ts';

const guides: Record<'en' | 'es' | 'fr', GuideContent> = { en: guideEn, es: guideEs, fr: guideFr };
const translations: Record<'es' | 'fr', GuideContent> = { es: guideEs, fr: guideFr };

/** Every piece of text in a guide, each with where it is. */
function texts(guide: GuideContent): [string, string][] {
  return [
    ['title', guide.title],
    ...guide.intro.map((p, i): [string, string] => [`intro ${i}`, p]),
    ['whatHappens heading', guide.whatHappens.heading],
    ...guide.whatHappens.paragraphs.map((p, i): [string, string] => [`whatHappens ${i}`, p]),
    ['kindsHeading', guide.kindsHeading],
    ['kindsIntro', guide.kindsIntro],
    ...Object.entries(guide.kinds).flatMap(([kind, k]): [string, string][] => [
      [`${kind} heading`, k.heading],
      [`${kind} text`, k.text],
    ]),
    ...guide.sections.flatMap((s, i): [string, string][] => [
      [`section ${i} heading`, s.heading],
      ...s.paragraphs.map((p, j): [string, string] => [`section ${i} paragraph ${j}`, p]),
    ]),
    ['closing', guide.closing],
  ];
}

describe('guide', () => {
  for (const [locale, guide] of Object.entries(guides)) {
    describe(locale, () => {
      it('describes the five kinds, and no other', () => {
        expect(Object.keys(guide.kinds).sort()).toEqual([...guideKinds].sort());
      });

      it('leaves nothing empty or padded', () => {
        for (const [where, text] of texts(guide)) {
          expect(text.trim(), where).not.toBe('');
          expect(text, where).not.toMatch(/\s{2,}|^\s|\s$/);
        }
      });
    });
  }

  for (const [locale, guide] of Object.entries(translations)) {
    describe(locale, () => {
      it('has the structure of the English guide', () => {
        expect(guide.intro).toHaveLength(guideEn.intro.length);
        expect(guide.whatHappens.paragraphs).toHaveLength(guideEn.whatHappens.paragraphs.length);
        expect(guide.sections).toHaveLength(guideEn.sections.length);
        guideEn.sections.forEach((section, i) => {
          expect(guide.sections[i]?.paragraphs, `section ${i}`).toHaveLength(
            section.paragraphs.length,
          );
        });
      });

      it('translates the text: only proper names read as in English', () => {
        const english = new Map(texts(guideEn));
        for (const [where, text] of texts(guide)) {
          if (where === 'smart heading') continue; // SMART Recovery, a name
          expect(text, where).not.toBe(english.get(where));
        }
      });

      it('uses typographic quotation marks and apostrophes', () => {
        for (const [where, text] of texts(guide)) {
          expect(text, where).not.toMatch(/["'“”]/);
        }
      });
    });
  }

  it('follows French typography: a no-break space before : ; ! ? » and after «', () => {
    for (const [where, text] of texts(guideFr)) {
      expect(text, where).not.toMatch(/(?<!\u00a0)[:;!?»]/);
      expect(text, where).not.toMatch(/«(?!\u00a0)/);
    }
  });
});
