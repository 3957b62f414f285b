/** isoInstant formats exactly like Date#toISOString, which the window view used before. */
import { describe, expect, it } from 'vitest';
import { isoInstant } from '../../server/src/core/window/iso-instant.js';

describe('isoInstant', () => {
  it('matches toISOString at the edges of its range, leap days and around the epoch', () => {
    const edges = [
      0,
      -1,
      1,
      999,
      1000,
      86_399_999,
      86_400_000,
      -62_167_219_200_000,
      -62_167_219_200_001,
      253_402_300_799_999,
      253_402_300_800_000,
      Date.UTC(2000, 1, 29, 23, 59, 59, 999),
      Date.UTC(1900, 1, 28, 12),
      Date.UTC(2100, 2, 1),
      Date.UTC(2024, 11, 31, 23, 59, 59, 999),
      Date.UTC(1600, 0, 1),
      8.64e15,
      -8.64e15,
    ];
    for (const ms of edges) expect(isoInstant(ms)).toBe(new Date(ms).toISOString());
  });

  it('matches toISOString on many instants across years 0–9999 and beyond', () => {
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let i = 0; i < 20_000; i++) {
      const ms = Math.floor((next() * 2 - 1) * 3e14);
      expect(isoInstant(ms)).toBe(new Date(ms).toISOString());
    }
  });

  it('leaves fractions and invalid instants to Date', () => {
    expect(isoInstant(1.7)).toBe(new Date(1.7).toISOString());
    expect(() => isoInstant(Number.NaN)).toThrow(RangeError);
  });
});
