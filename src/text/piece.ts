/**
 * A Piece is text derived from the source by dropping characters (line breaks,
 * stray blanks, zero-width marks) and occasionally inserting one. It remembers,
 * run by run, where each of its characters came from, so any substring maps
 * back to a source span.
 */
import type { Span } from '../schema/index.js';

export class Piece {
  readonly text: string;
  /**
   * The runs, packed: [textStart0, sourceStart0, textStart1, sourceStart1, …],
   * ascending, in an array of exactly that length (a document holds a piece per
   * line and per paragraph: two growable arrays each would cost hundreds of bytes).
   */
  private readonly runs_: number[];

  constructor(text: string, runs: number[]) {
    this.text = text;
    this.runs_ = runs;
  }

  private get count(): number {
    return this.runs_.length >> 1;
  }

  /** The run holding text[i]: the last run starting at or before i. */
  private runAt(i: number): number {
    const r = this.runs_;
    let lo = 0;
    let hi = (r.length >> 1) - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (r[mid * 2]! <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Source index of text[i]. */
  sourceIndex(i: number): number {
    const k = this.runAt(i) * 2;
    return this.runs_[k + 1]! + (i - this.runs_[k]!);
  }

  /** The runs overlapping text[start, end): [textStart, textEnd, sourceStart] each. */
  *runs(start: number, end: number): Generator<[number, number, number]> {
    const r = this.runs_;
    const n = this.count;
    for (let k = this.runAt(start); k < n && r[k * 2]! < end; k++) {
      const runEnd = k + 1 < n ? r[k * 2 + 2]! : this.text.length;
      const s = Math.max(start, r[k * 2]!);
      const e = Math.min(end, runEnd);
      if (e > s) yield [s, e, r[k * 2 + 1]! + (s - r[k * 2]!)];
    }
  }

  /** Calls `f` for every run: [textStart, textEnd, sourceStart]. */
  eachRun(f: (start: number, end: number, source: number) => void): void {
    const r = this.runs_;
    const n = this.count;
    for (let k = 0; k < n; k++) {
      const s = r[k * 2]!;
      const e = k + 1 < n ? r[k * 2 + 2]! : this.text.length;
      if (e > s) f(s, e, r[k * 2 + 1]!);
    }
  }

  /** Source span of text[start, end). */
  span(start: number, end: number): Span {
    if (end <= start) {
      const s = this.text.length === 0 ? 0 : this.sourceIndex(Math.min(start, this.text.length - 1));
      return [s, s];
    }
    return [this.sourceIndex(start), this.sourceIndex(end - 1) + 1];
  }

  get sourceStart(): number {
    return this.text.length === 0 ? (this.runs_[1] ?? 0) : this.sourceIndex(0);
  }

  get sourceEnd(): number {
    return this.text.length === 0 ? (this.runs_[1] ?? 0) : this.sourceIndex(this.text.length - 1) + 1;
  }

  /** The piece for text[start, end). */
  slice(start: number, end: number): Piece {
    const b = new PieceBuilder();
    b.appendPiece(this, start, end);
    return b.build(this.text.length === 0 ? (this.runs_[1] ?? 0) : this.sourceIndex(Math.min(start, this.text.length - 1)));
  }
}

export class PieceBuilder {
  private parts: string[] = [];
  private runs: number[] = [];
  private length = 0;
  private nextSource = -1;

  get size(): number {
    return this.length;
  }

  /** Appends source[start, end) verbatim. */
  appendSource(source: string, start: number, end: number): void {
    if (end <= start) return;
    this.parts.push(source.slice(start, end));
    this.mark(start, end - start);
  }

  /** Appends a character that stands for source position `sourceAt` (e.g. a joined line break). */
  appendSynthetic(ch: string, sourceAt: number): void {
    this.parts.push(ch);
    this.runs.push(this.length, sourceAt);
    this.length += ch.length;
    this.nextSource = -1;
  }

  appendPiece(p: Piece, start = 0, end = p.text.length): void {
    if (start === 0 && end === p.text.length) {
      // The whole piece: copy its runs directly.
      p.eachRun((s, e, src) => {
        this.parts.push(p.text.slice(s, e));
        this.mark(src, e - s);
      });
      return;
    }
    for (const [s, e, src] of p.runs(start, end)) {
      this.parts.push(p.text.slice(s, e));
      this.mark(src, e - s);
    }
  }

  private mark(sourceStart: number, n: number): void {
    if (this.nextSource !== sourceStart || this.runs.length === 0) {
      this.runs.push(this.length, sourceStart);
    }
    this.length += n;
    this.nextSource = sourceStart + n;
  }

  build(emptyAt = 0): Piece {
    if (this.runs.length === 0) return new Piece('', [0, emptyAt]);
    const text = this.parts.length === 1 ? this.parts[0]! : this.parts.join('');
    // An exact-size copy: a growable array keeps its spare capacity.
    return new Piece(text, this.runs.length === 2 ? [this.runs[0]!, this.runs[1]!] : this.runs.slice());
  }
}
