/**
 * The young generation of this thread, held at a worker's size.
 *
 * V8 doubles a thread's young generation each time as many bytes as it holds
 * have survived a collection, and never shrinks it in a run like ours. Every
 * file this thread extracts leaves some survivors (whatever was live when a
 * collection came), so over a long enough run it always reaches V8's maximum
 * (two 16 MB halves): a run of 10,000 small files held 16 MB more than one of
 * 1,000, for no gain in speed. A worker's is capped by its resource limits
 * (WORKER_YOUNG_MB); this thread's limit is fixed when Node starts, so here the
 * growth is stopped instead, once the young generation is as large as a
 * worker's: V8 reads its growth factor at every growth.
 */
import { nodeV8 } from './builtins.js';

/** A worker of WORKER_YOUNG_MB has two halves of a third each: the size this thread stops at. */
export function heldNewSpaceBytes(youngMb: number): number {
  return Math.floor((youngMb * 2) / 3) * 1024 * 1024;
}

let held = false;

/**
 * Checks this thread's young generation and stops its growth once it reaches
 * `limitBytes`; true once held (every later call returns at once).
 */
export function holdYoungGeneration(limitBytes: number): boolean {
  if (held) return true;
  const v8 = nodeV8();
  const space = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
  if (space && space.space_size >= limitBytes) {
    // Process-wide: a worker keeps the size its young generation has by then (at
    // most this one). A 10 MB file in a worker whose young generation never grew
    // took the same time (8.4-8.6 s against 8.5-8.6 s).
    v8.setFlagsFromString('--semi-space-growth-factor=1');
    held = true;
  }
  return held;
}
