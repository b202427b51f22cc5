import { describe, expect, it } from 'vitest';
import { type RoomText, roomEn } from './room-text.en.ts';
import { roomEs } from './room-text.es.ts';
import { roomFr } from './room-text.fr.ts';

const placeholders = (text: string) =>
  [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
const translations: Record<'es' | 'fr', RoomText> = { es: roomEs, fr: roomFr };

describe('the room’s text', () => {
  for (const [locale, text] of Object.entries(translations)) {
    it(`${locale} has every key of English, with its placeholders, typographic marks and no padding`, () => {
      expect(Object.keys(text).sort()).toEqual(Object.keys(roomEn).sort());
      for (const [key, value] of Object.entries(text)) {
        expect(placeholders(value), key).toEqual(placeholders(roomEn[key as keyof typeof roomEn]));
        expect(value, key).not.toMatch(/["'“”]|\s{2,}|^\s|\s$/);
      }
    });
  }

  it('follows French and Spanish typography', () => {
    for (const [key, value] of Object.entries(roomFr))
      expect(value, key).not.toMatch(/(?<!\u00a0)[:;!?»]/);
    for (const [key, value] of Object.entries(roomEs))
      expect(value.split('?').length, key).toBe(value.split('¿').length);
  });
});
