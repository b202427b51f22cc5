import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** A seeded random source: the same seed always gives the same sequence. */
export class Random {
  readonly #rng: ReturnType<typeof xoroshiro128plus>;

  constructor(seed: number) {
    this.#rng = xoroshiro128plus(seed);
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return uniformInt(this.#rng, min, max);
  }

  /** A number in [0, 1). */
  fraction(): number {
    return uniformInt(this.#rng, 0, 0x3fffffff) / 0x40000000;
  }

  chance(probability: number): boolean {
    return this.fraction() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(0, items.length - 1)];
    if (item === undefined) throw new RangeError('pick from an empty list');
    return item;
  }

  /** One of the items, each as likely as its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((sum, [, w]) => sum + w, 0);
    let at = this.fraction() * total;
    for (const [item, weight] of items) {
      at -= weight;
      if (at < 0) return item;
    }
    const last = items[items.length - 1];
    if (last === undefined) throw new RangeError('weighted pick from an empty list');
    return last[0];
  }

  /** Up to `count` distinct items, in a random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < count && pool.length > 0)
      out.push(...pool.splice(this.int(0, pool.length - 1), 1));
    return out;
  }
}
