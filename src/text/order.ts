/**
 * Stable in-place sorts by a number, for the small arrays every record makes
 * (its mentions, drafts, sides and cuts: mostly fewer than twenty). The
 * built-in sort with a comparator sets up a work copy and calls the
 * comparator through a generic call for every pair it compares; for a short
 * array insertion costs a few comparisons inline. Insertion is quadratic, so
 * an array longer than SHORT goes to the built-in sort (a record with
 * thousands of names stays n log n). Both are stable, so the order is the
 * built-in sort's either way: `sortBy(xs, key)` is `xs.sort((a, b) => key(a) - key(b))`
 * for keys that are not NaN.
 */

/** Longest array sorted by insertion. */
const SHORT = 32;

/** Sorts `items` ascending by `key` (stable, in place) and returns it. */
export function sortBy<T>(items: T[], key: (item: T) => number): T[] {
  const n = items.length;
  if (n < 2) return items;
  if (n > SHORT) return items.sort((a, b) => key(a) - key(b));
  for (let i = 1; i < n; i++) {
    const x = items[i]!;
    const k = key(x);
    let j = i - 1;
    while (j >= 0 && key(items[j]!) > k) {
      items[j + 1] = items[j]!;
      j--;
    }
    items[j + 1] = x;
  }
  return items;
}

/** Sorts spans, mentions and the like by where they start (stable, in place). */
export function sortByStart<T extends { start: number }>(items: T[]): T[] {
  const n = items.length;
  if (n < 2) return items;
  if (n > SHORT) return items.sort((a, b) => a.start - b.start);
  for (let i = 1; i < n; i++) {
    const x = items[i]!;
    const k = x.start;
    let j = i - 1;
    while (j >= 0 && items[j]!.start > k) {
      items[j + 1] = items[j]!;
      j--;
    }
    items[j + 1] = x;
  }
  return items;
}

/** Sorts numbers ascending (in place). */
export function sortNumbers(items: number[]): number[] {
  const n = items.length;
  if (n < 2) return items;
  if (n > SHORT) return items.sort((a, b) => a - b);
  for (let i = 1; i < n; i++) {
    const x = items[i]!;
    let j = i - 1;
    while (j >= 0 && items[j]! > x) {
      items[j + 1] = items[j]!;
      j--;
    }
    items[j + 1] = x;
  }
  return items;
}

/** How many of the ascending numbers `sorted` are less than `x` (the index of the first at or above it). */
export function countBelow(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
