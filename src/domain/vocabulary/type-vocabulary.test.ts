import { getTypesForLanguage } from '@code4recovery/spec';
import { describe, expect, it } from 'vitest';
import {
  isKnownType,
  languageOfType,
  typeCodeFromText,
  typeForLanguage,
  typeName,
  typeVocabulary,
} from './type-vocabulary.ts';

describe('type vocabulary', () => {
  it('describes every code the Meeting Guide spec defines', () => {
    const specCodes = Object.keys(getTypesForLanguage('en'));
    const undescribed = specCodes.filter((c) => !typeVocabulary.has(c));
    expect(undescribed).toEqual([]);
    expect(specCodes.length).toBeGreaterThan(80);
  });

  it('gives every type a plain description and an English name', () => {
    for (const def of typeVocabulary.values()) {
      expect(def.names.en, def.code).toBeTruthy();
      expect(def.description.length, def.code).toBeGreaterThan(10);
      expect(def.description, def.code).not.toMatch(/\b(TODO|TBD)\b/);
    }
  });

  it('carries the spec translations', () => {
    expect(typeName('O', 'es')).toBe('Abierta');
    expect(typeName('C', 'fr')).toBe('Fermé');
    expect(typeName('ONL', 'es')).toBe('Reunión en línea');
    expect(typeName('ZZ-UNKNOWN', 'fr')).toBe('ZZ-UNKNOWN');
  });

  it('adds what other fellowships and online meetings need', () => {
    for (const code of ['ONL', 'HY', 'TC', 'BT', 'JFT', 'IW', 'SWG', 'LC', 'FAM', 'TOOLS']) {
      expect(isKnownType(code), code).toBe(true);
    }
  });

  it('maps language types both ways', () => {
    expect(languageOfType('S')).toBe('es');
    expect(languageOfType('EN')).toBe('en');
    expect(languageOfType('O')).toBeUndefined();
    expect(typeForLanguage('es')).toBe('S');
    expect(typeForLanguage('pl')).toBe('POL');
  });

  it('reads names and codes as a table writes them, keeping unknown text', () => {
    expect(typeCodeFromText('Wheelchair Access')).toBe('X');
    expect(typeCodeFromText('open')).toBe('O');
    expect(typeCodeFromText('Online Meeting')).toBe('ONL');
    expect(typeCodeFromText('Temporary Closure')).toBe('TC');
    expect(typeCodeFromText('12x12')).toBe('12x12');
    expect(typeCodeFromText('Spanish')).toBe('S');
    expect(typeCodeFromText('Zebra Crossing')).toBe('Zebra Crossing');
  });
});
