/**
 * A typed array reused from call to call: most records are short, and a fresh
 * position table for each costs more than the scan it serves. `take(n)` grows
 * the array when needed and sets [0, n) to the fill value before handing it out.
 */
/** Up to this many entries, take() sets them by a loop. */
const SHORT_FILL = 256;

export class ScratchArray<A extends Uint8Array | Uint16Array | Int32Array> {
  private array: A;

  constructor(
    private readonly make: (n: number) => A,
    private readonly value: number,
  ) {
    this.array = make(1024);
  }

  take(n: number): A {
    const a = this.room(n);
    // A short table is set by a loop: fill() is a call into the runtime, which costs more than the loop for most records.
    if (n <= SHORT_FILL) {
      const v = this.value;
      for (let i = 0; i < n; i++) a[i] = v;
    } else a.fill(this.value, 0, n);
    return a;
  }

  /** The array, at least `n` long, as the last user left it: for a caller that writes all of [0, n) before it reads any. */
  room(n: number): A {
    if (this.array.length < n) this.array = this.make(Math.max(n, this.array.length * 2));
    return this.array;
  }
}
