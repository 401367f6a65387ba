/** The shared output stream: what a write waits for, and what waiting holds. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Output } from '../src/cli/output.js';
import { tempDir } from './helpers.js';

/** An interrupt promise that counts the reactions put on it. */
class CountingPromise<T> extends Promise<T> {
  static reactions = 0;
  override then<A = T, B = never>(ok?: ((v: T) => A | PromiseLike<A>) | null, no?: ((e: unknown) => B | PromiseLike<B>) | null): Promise<A | B> {
    CountingPromise.reactions++;
    return super.then(ok, no);
  }
}

describe('Output', () => {
  it('puts one reaction on the interrupt for the whole run, not one a write (each would hold its buffer until the run ends)', async () => {
    const path = join(tempDir(), 'out.ndjson');
    const out = await Output.file(Buffer.from(path).toString('latin1'), 'out.ndjson');
    const stop = new CountingPromise<void>(() => {});
    CountingPromise.reactions = 0;
    const buffer = Buffer.alloc(64);
    for (let k = 0; k < 200; k++) {
      buffer.write(`{"index":${k}}`.padEnd(63, " ") + "\n");
      await out.writeBorrowed(buffer.subarray(0, 64), stop);
      await out.write('', stop);
    }
    await out.finish(true);
    expect(CountingPromise.reactions).toBe(1);
    // The buffer was filled again only once the stream had the bytes: every line came out whole.
    const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim());
    expect(lines).toHaveLength(200);
    expect(lines.map((l) => JSON.parse(l).index)).toEqual(Array.from({ length: 200 }, (_, k) => k));
  });
});
