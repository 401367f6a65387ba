/**
 * A typed array reused from call to call: most records are short, and a fresh
 * position table for each costs more than the scan it serves. `take(n)` grows
 * the array when needed and sets [0, n) to the fill value before handing it out.
 */
export class ScratchArray<A extends Uint8Array | Uint16Array | Int32Array> {
  private array: A;

  constructor(
    private readonly make: (n: number) => A,
    private readonly value: number,
  ) {
    this.array = make(1024);
  }

  take(n: number): A {
    if (this.array.length < n) this.array = this.make(Math.max(n, this.array.length * 2));
    this.array.fill(this.value, 0, n);
    return this.array;
  }
}
