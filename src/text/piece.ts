/**
 * A Piece is text derived from the source by dropping characters (line breaks,
 * stray blanks, zero-width marks) and occasionally inserting one. It remembers,
 * run by run, where each of its characters came from, so any substring maps
 * back to a source span.
 */
import type { Span } from '../schema/index.js';
import { keepShape } from './shapes.js';

export class Piece {
  readonly text: string;
  /**
   * The runs, packed: [textStart0, sourceStart0, textStart1, sourceStart1, …],
   * ascending, in an array of exactly that length; null for a piece of one run
   * (most of a document's pieces: a line, a one-line paragraph), whose source
   * start is `at_`. A document holds a piece per line and per paragraph, and an
   * array for each cost 64 bytes more than the number it held.
   */
  private readonly runs_: number[] | null;
  /** Where text[0] came from, when the piece is one run. */
  private readonly at_: number;

  /** `runs` as packed above (the first run starts at text index 0), or the source start of a piece of one run. */
  constructor(text: string, runs: number[] | number) {
    this.text = text;
    if (typeof runs === 'number') {
      this.runs_ = null;
      this.at_ = runs;
    } else if (runs.length === 2 && runs[0] === 0) {
      this.runs_ = null;
      this.at_ = runs[1]!;
    } else {
      this.runs_ = runs;
      this.at_ = 0;
    }
  }

  /** The run holding text[i]: the last run starting at or before i (runs_ is set). */
  private runAt(r: number[], i: number): number {
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
    const r = this.runs_;
    if (r === null) return this.at_ + i;
    const k = this.runAt(r, i) * 2;
    return r[k + 1]! + (i - r[k]!);
  }

  /** The runs overlapping text[start, end): [textStart, textEnd, sourceStart] each. */
  *runs(start: number, end: number): Generator<[number, number, number]> {
    const r = this.runs_;
    if (r === null) {
      const s = Math.max(start, 0);
      const e = Math.min(end, this.text.length);
      if (e > s) yield [s, e, this.at_ + s];
      return;
    }
    const n = r.length >> 1;
    for (let k = this.runAt(r, start); k < n && r[k * 2]! < end; k++) {
      const runEnd = k + 1 < n ? r[k * 2 + 2]! : this.text.length;
      const s = Math.max(start, r[k * 2]!);
      const e = Math.min(end, runEnd);
      if (e > s) yield [s, e, r[k * 2 + 1]! + (s - r[k * 2]!)];
    }
  }

  /** Calls `f` for every run: [textStart, textEnd, sourceStart]. */
  eachRun(f: (start: number, end: number, source: number) => void): void {
    const r = this.runs_;
    if (r === null) {
      if (this.text.length > 0) f(0, this.text.length, this.at_);
      return;
    }
    const n = r.length >> 1;
    for (let k = 0; k < n; k++) {
      const s = r[k * 2]!;
      const e = k + 1 < n ? r[k * 2 + 2]! : this.text.length;
      if (e > s) f(s, e, r[k * 2 + 1]!);
    }
  }

  /** Source span of text[start, end). */
  span(start: number, end: number): Span {
    if (end <= start) {
      const s = this.text.length === 0 ? this.emptyAt : this.sourceIndex(Math.min(start, this.text.length - 1));
      return [s, s];
    }
    return [this.sourceIndex(start), this.sourceIndex(end - 1) + 1];
  }

  /** Where an empty piece stands in the source. */
  private get emptyAt(): number {
    return this.runs_ === null ? this.at_ : (this.runs_[1] ?? 0);
  }

  get sourceStart(): number {
    return this.text.length === 0 ? this.emptyAt : this.sourceIndex(0);
  }

  get sourceEnd(): number {
    return this.text.length === 0 ? this.emptyAt : this.sourceIndex(this.text.length - 1) + 1;
  }

  /** The piece for text[start, end). */
  slice(start: number, end: number): Piece {
    const b = new PieceBuilder();
    b.appendPiece(this, start, end);
    return b.build(this.text.length === 0 ? this.emptyAt : this.sourceIndex(Math.min(start, this.text.length - 1)));
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
    if (this.runs.length === 0) return new Piece('', emptyAt);
    const text = this.parts.length === 1 ? this.parts[0]! : this.parts.join('');
    // An exact-size copy: a growable array keeps its spare capacity.
    return new Piece(text, this.runs.length === 2 ? this.runs[1]! : this.runs.slice());
  }
}

// Instances of both classes live only as long as their document: see shapes.ts.
keepShape(new Piece('', 0));
keepShape(new PieceBuilder());
