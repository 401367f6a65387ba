/**
 * A Piece is text derived from the source by dropping characters (line breaks,
 * stray blanks, zero-width marks) and occasionally inserting one. It remembers,
 * run by run, where each of its characters came from, so any substring maps
 * back to a source span.
 */
import type { Span } from '../schema/index.js';

export class Piece {
  readonly text: string;
  /** Run starts in `text`, ascending. */
  private readonly at: number[];
  /** Source index of each run's first character. */
  private readonly from: number[];

  constructor(text: string, at: number[], from: number[]) {
    this.text = text;
    this.at = at;
    this.from = from;
  }

  /** The run holding text[i]: the last run starting at or before i. */
  private runAt(i: number): number {
    const at = this.at;
    let lo = 0;
    let hi = at.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (at[mid]! <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Source index of text[i]. */
  sourceIndex(i: number): number {
    const r = this.runAt(i);
    return this.from[r]! + (i - this.at[r]!);
  }

  /** The runs overlapping text[start, end): [textStart, textEnd, sourceStart] each. */
  *runs(start: number, end: number): Generator<[number, number, number]> {
    const at = this.at;
    for (let r = this.runAt(start); r < at.length && at[r]! < end; r++) {
      const runEnd = r + 1 < at.length ? at[r + 1]! : this.text.length;
      const s = Math.max(start, at[r]!);
      const e = Math.min(end, runEnd);
      if (e > s) yield [s, e, this.from[r]! + (s - at[r]!)];
    }
  }

  /** Calls `f` for every run: [textStart, textEnd, sourceStart]. */
  eachRun(f: (start: number, end: number, source: number) => void): void {
    const n = this.at.length;
    for (let r = 0; r < n; r++) {
      const s = this.at[r]!;
      const e = r + 1 < n ? this.at[r + 1]! : this.text.length;
      if (e > s) f(s, e, this.from[r]!);
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
    return this.text.length === 0 ? (this.from[0] ?? 0) : this.sourceIndex(0);
  }

  get sourceEnd(): number {
    return this.text.length === 0 ? (this.from[0] ?? 0) : this.sourceIndex(this.text.length - 1) + 1;
  }

  /** The piece for text[start, end). */
  slice(start: number, end: number): Piece {
    const b = new PieceBuilder();
    b.appendPiece(this, start, end);
    return b.build(this.text.length === 0 ? (this.from[0] ?? 0) : this.sourceIndex(Math.min(start, this.text.length - 1)));
  }
}

export class PieceBuilder {
  private parts: string[] = [];
  private at: number[] = [];
  private from: number[] = [];
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
    this.at.push(this.length);
    this.from.push(sourceAt);
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
    if (this.nextSource !== sourceStart || this.at.length === 0) {
      this.at.push(this.length);
      this.from.push(sourceStart);
    }
    this.length += n;
    this.nextSource = sourceStart + n;
  }

  build(emptyAt = 0): Piece {
    if (this.at.length === 0) return new Piece('', [0], [emptyAt]);
    return new Piece(this.parts.join(''), this.at, this.from);
  }
}
