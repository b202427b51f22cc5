import { describe, expect, it } from 'vitest';
import { coordinate, pointOf } from './coordinates.ts';

describe('coordinates as typed', () => {
  it('reads a number with a point or a comma, and nothing else', () => {
    expect(coordinate(' 51.5074 ')).toBe(51.5074);
    expect(coordinate('-0,1278')).toBe(-0.1278);
    expect(coordinate('')).toBeNull();
    expect(coordinate('north')).toBeNull();
  });

  it('names a point only when both are given and on the globe', () => {
    expect(pointOf('51.5', '-0.12')).toEqual({ latitude: 51.5, longitude: -0.12 });
    expect(pointOf('90', '180')).toEqual({ latitude: 90, longitude: 180 });
    expect(pointOf('123', '-0.12')).toBeNull();
    expect(pointOf('51.5', '-180.5')).toBeNull();
    expect(pointOf('51.5', '')).toBeNull();
  });
});
