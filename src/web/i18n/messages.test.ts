import { describe, expect, it } from 'vitest';
import { en, type Messages } from './messages.en.ts';
import { es } from './messages.es.ts';
import { fr } from './messages.fr.ts';

const translations: Record<'es' | 'fr', Messages> = { es, fr };
const englishKeys = Object.keys(en).sort();

/** The names of the `{placeholders}` in a message, sorted, with repeats. */
function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}

describe('interface messages', () => {
  it('has placeholders only of the form {name} in English', () => {
    for (const [key, text] of Object.entries(en)) {
      expect(text.replace(/\{\w+\}/g, ''), key).not.toMatch(/[{}]/);
    }
  });

  for (const [locale, messages] of Object.entries(translations)) {
    describe(locale, () => {
      it('has every key of English, and no other', () => {
        expect(Object.keys(messages).sort()).toEqual(englishKeys);
      });

      it('leaves no message empty or padded', () => {
        for (const [key, text] of Object.entries(messages)) {
          expect(text.trim(), key).not.toBe('');
          expect(text, key).not.toMatch(/\s{2,}|^\s|\s$/);
        }
      });

      it('keeps the placeholders of English, by name', () => {
        for (const [key, text] of Object.entries(messages)) {
          expect(placeholders(text), key).toEqual(placeholders(en[key as keyof typeof en]));
        }
      });

      it('uses typographic quotation marks and apostrophes', () => {
        for (const [key, text] of Object.entries(messages)) {
          expect(text, key).not.toMatch(/["'“”]/);
        }
      });

      it('keeps the site name', () => {
        expect(messages.siteName).toBe('Greendoor');
      });
    });
  }

  it('follows French typography: a no-break space before : ; ! ? » and after «', () => {
    for (const [key, text] of Object.entries(fr)) {
      // The colon of a clock time (19:30, HH:MM) is not punctuation.
      const prose = text.replace(/\b(\d{1,2}|HH):(\d{2}|MM)\b/g, '');
      expect(prose, key).not.toMatch(/(?<!\u00a0)[:;!?»]/);
      expect(text, key).not.toMatch(/«(?!\u00a0)/);
    }
  });

  it('writes Spanish questions and exclamations with their opening marks', () => {
    for (const [key, text] of Object.entries(es)) {
      expect(text.split('?').length, key).toBe(text.split('¿').length);
      expect(text.split('!').length, key).toBe(text.split('¡').length);
    }
  });
});
