// The hold on this thread's young generation (src/cli/heap.ts). It sets a V8
// flag for the whole process: this file runs in a process of its own (vitest's
// forks), and nothing else is tested here.
import { getHeapSpaceStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { heldNewSpaceBytes, holdYoungGeneration } from '../src/cli/heap.js';
import { WORKER_YOUNG_MB } from '../src/cli/pool.js';

const newSpace = () => getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')!.space_size;

/** Allocates `rounds` batches of objects and keeps the last 20 alive, so that many survive collections. */
function churn(rounds: number): number {
  const keep: Array<Array<{ i: number; s: string }>> = [];
  let n = 0;
  for (let r = 0; r < rounds; r++) {
    const a: Array<{ i: number; s: string }> = [];
    for (let i = 0; i < 20_000; i++) a.push({ i, s: `x${i}` });
    keep.push(a);
    if (keep.length > 20) keep.shift();
    n += a.length;
  }
  return n + keep.length;
}

describe('holding the young generation', () => {
  it('stops at the size of a worker of WORKER_YOUNG_MB: two halves of a third each', () => {
    expect(heldNewSpaceBytes(24)).toBe(16 * 1024 * 1024);
    expect(heldNewSpaceBytes(WORKER_YOUNG_MB)).toBe(Math.floor((WORKER_YOUNG_MB * 2) / 3) * 1024 * 1024);
  });

  it('does nothing while the young generation is below the limit, then holds it where it is', () => {
    const before = newSpace();
    expect(holdYoungGeneration(before + 1024 * 1024 * 1024)).toBe(false);
    // Held at its present size: a churn that would double it several times leaves it as it was.
    expect(holdYoungGeneration(before)).toBe(true);
    churn(300);
    expect(newSpace()).toBeLessThanOrEqual(before);
    // Once held, it stays held.
    expect(holdYoungGeneration(Number.MAX_SAFE_INTEGER)).toBe(true);
  });
});
