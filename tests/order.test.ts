/**
 * The small stable sorts (src/text/order.ts) give the order the built-in
 * stable sort gives, below and above the length where they hand over to it.
 */
import { describe, expect, it } from 'vitest';
import { countBelow, sortBy, sortByStart, sortNumbers } from '../src/text/order.js';

/** Seeded items with many equal keys, so stability shows. */
function items(n: number, seed: number): Array<{ start: number; id: number }> {
  let a = seed >>> 0;
  const out: Array<{ start: number; id: number }> = [];
  for (let id = 0; id < n; id++) {
    a = (Math.imul(a, 1103515245) + 12345) >>> 0;
    out.push({ start: (a >>> 8) % 7, id });
  }
  return out;
}

describe('small stable sorts', () => {
  for (const n of [0, 1, 2, 5, 31, 32, 33, 200]) {
    it(`order ${n} items as the built-in sort does, equal keys kept in their order`, () => {
      const xs = items(n, n + 1);
      const expected = [...xs].sort((a, b) => a.start - b.start).map((x) => x.id);
      expect(sortByStart([...xs]).map((x) => x.id)).toEqual(expected);
      expect(sortBy([...xs], (x) => x.start).map((x) => x.id)).toEqual(expected);
      const nums = xs.map((x) => x.start * 1000 - x.id);
      expect(sortNumbers([...nums])).toEqual([...nums].sort((a, b) => a - b));
    });
  }

  it('sorts in place and returns the same array', () => {
    const xs = [{ start: 3 }, { start: 1 }, { start: 2 }];
    expect(sortByStart(xs)).toBe(xs);
    expect(xs.map((x) => x.start)).toEqual([1, 2, 3]);
    const nums = [5, -1, 3];
    expect(sortNumbers(nums)).toBe(nums);
    expect(nums).toEqual([-1, 3, 5]);
  });
});

describe('countBelow', () => {
  it('counts the sorted numbers below x, as a filter does, at and between every value', () => {
    const sorted = [1, 3, 3, 7, 10];
    for (let x = -1; x <= 12; x++) expect(countBelow(sorted, x)).toBe(sorted.filter((v) => v < x).length);
    expect(countBelow([], 5)).toBe(0);
  });
});
