/**
 * Physical lines of the source, each cleaned into a Piece: zero-width marks
 * dropped, outer blanks trimmed, blanks next to CJK text dropped (PDF and Word
 * copies scatter them: `8 月 18 日`, `重庆大 学`), other blank runs kept as one
 * space (`GaN 器件` stays two words).
 */
import { Piece, PieceBuilder } from './piece.js';
import { isBlank, isCjk, isInvisible } from './normalize.js';
import { glossAt } from './glosses.js';

export interface Line {
  /** Source offset of the first character and of the line end (before CR/LF). */
  start: number;
  end: number;
  /** 1-based line number in the source. */
  number: number;
  piece: Piece;
}

/**
 * The lines of the source that print something (a line of blanks or zero-width
 * marks alone cleans to nothing, and every reader skips it: leaving it out here
 * saves a large file's every other line). Numbers count every line. Made one at
 * a time: the reader keeps what it needs of each, and a large file's lines are
 * never all held twice.
 */
export function* splitLines(source: string): Generator<Line> {
  let start = 0;
  let number = 1;
  const n = source.length;
  if (!OTHER_BREAKS.test(source)) {
    // Only line feeds end lines (most texts): the runtime's search finds each, not a loop over every character.
    for (;;) {
      const i = source.indexOf('\n', start);
      const end = i === -1 ? n : i;
      const piece = cleanLine(source, start, end);
      if (piece.text.length > 0) yield { start, end, number, piece };
      if (i === -1) return;
      start = i + 1;
      number++;
    }
  }
  for (let i = 0; i <= n; i++) {
    const c = i < n ? source.charCodeAt(i) : 0x0a;
    if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029 || c === 0x85) {
      const piece = cleanLine(source, start, i);
      if (piece.text.length > 0) yield { start, end: i, number, piece };
      if (c === 0x0d && source.charCodeAt(i + 1) === 0x0a) i++;
      start = i + 1;
      number++;
    }
  }
}

/** Line ends other than a line feed (CR, CRLF, U+2028, U+2029, NEL). */
const OTHER_BREAKS = /[\r\u2028\u2029\x85]/;

/**
 * A line with no blank, zero-width mark or bracket (most lines of Chinese
 * prose: `东岭大学与南港集团签署合作协议。`) is its own piece, as printed; the
 * builder below would make the same piece from one run.
 */
function plainLine(source: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = source.charCodeAt(i);
    if (c === 0x28 || c === 0xff08 || isBlank(c) || isInvisible(c)) return false;
  }
  return true;
}

export function cleanLine(source: string, start: number, end: number): Piece {
  if (plainLine(source, start, end)) return new Piece(source.slice(start, end), start);
  const b = new PieceBuilder();
  let i = start;
  let lastKept = -1; // char code of the last character kept, -1 at line start
  while (i < end) {
    const c = source.charCodeAt(i);
    if (isInvisible(c)) {
      i++;
      continue;
    }
    // `大學(xué)`: a pinyin gloss is left out like a layout blank (see glosses.ts).
    const gloss = c === 0x28 || c === 0xff08 ? glossAt(source, i) : 0;
    if (gloss > 0 && i + gloss <= end) {
      i += gloss;
      continue;
    }
    if (isBlank(c)) {
      let j = i + 1;
      while (j < end && (isBlank(source.charCodeAt(j)) || isInvisible(source.charCodeAt(j)))) j++;
      const next = j < end ? source.charCodeAt(j) : -1;
      if (lastKept !== -1 && next !== -1 && !isCjk(lastKept) && !isCjk(next)) b.appendSynthetic(' ', i);
      i = j;
      continue;
    }
    let j = i + 1;
    while (j < end) {
      const d = source.charCodeAt(j);
      if (isBlank(d) || isInvisible(d) || ((d === 0x28 || d === 0xff08) && glossAt(source, j) > 0)) break;
      j++;
    }
    b.appendSource(source, i, j);
    lastKept = source.charCodeAt(j - 1);
    i = j;
  }
  return b.build(start);
}

/** Display width: CJK characters count two columns, others one. */
export function displayWidth(s: string): number {
  return rangeWidth(s, 0, s.length);
}

function rangeWidth(s: string, start: number, end: number): number {
  let w = 0;
  for (let i = start; i < end; i++) w += isCjk(s.charCodeAt(i)) ? 2 : 1;
  return w;
}

/** What String.prototype.trim removes (and `\s` matches): white space and line terminators. */
function trimmed(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * `displayWidth(s.slice(start, end).trim())` without making either string:
 * `trimmedWidth('  8 月 18 日 ', 0, 11)` is 10.
 */
export function trimmedWidth(s: string, start: number, end: number): number {
  while (start < end && trimmed(s.charCodeAt(start))) start++;
  while (end > start && trimmed(s.charCodeAt(end - 1))) end--;
  return rangeWidth(s, start, end);
}
