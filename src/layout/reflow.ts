/**
 * Reflow: physical lines → paragraphs. A paragraph continues across line
 * breaks, blank lines and page numbers while it is mid-sentence and the next
 * line does not start something of its own (a heading, a numbered item, a
 * date-led bullet, a source or credit line …). A short title-like line ends
 * its paragraph unless the file is hard-wrapped and the line fills the width.
 */
import { Piece, PieceBuilder } from '../text/piece.js';
import { displayWidth, splitLines, type Line } from '../text/lines.js';
import { fold, isCjk } from '../text/normalize.js';
import { endsSentence, isDateLed, lineKind, numberedPrefix, shortExclaimedTitle, type LineKind } from './patterns.js';

export interface Paragraph {
  /** Display text: as printed, less layout blanks and line breaks. */
  piece: Piece;
  /** The folded matching view of piece.text (same length). */
  view: string;
  /** Kind of the first line. */
  kind: LineKind;
  /** Physical lines joined into it. */
  lineCount: number;
  /** 1-based number of its first source line. */
  line: number;
  /** Raw source of the first line, trimmed: headings are shown as printed. */
  raw: string;
}

/** Kinds that are always a paragraph of their own. */
const SINGLE_LINE: ReadonlySet<LineKind> = new Set([
  'heading', 'source', 'meta', 'credit', 'image', 'nav', 'toc', 'recipients', 'issue', 'masthead-noise',
]);

/** The wrap width of a hard-wrapped file (lines cut at a fixed width), or 0. */
export function wrapWidth(lines: Array<{ width: number; kind: LineKind }>): number {
  const counts = new Map<number, number>();
  let textLines = 0;
  for (const l of lines) {
    if (l.kind !== 'text' && l.kind !== 'date-led') continue;
    textLines++;
    if (l.width >= 30) counts.set(l.width, (counts.get(l.width) ?? 0) + 1);
  }
  let best = 0;
  let bestCount = 0;
  for (const [w, c] of counts) {
    if (c > bestCount || (c === bestCount && w > best)) {
      best = w;
      bestCount = c;
    }
  }
  let near = 0;
  for (let d = -2; d <= 2; d++) near += counts.get(best + d) ?? 0;
  return near >= 5 && near >= textLines * 0.3 ? best : 0;
}

/** Display width under which a line in a file that is not hard-wrapped counts as short. */
const SHORT_LINE = 40;

interface Prepared {
  line: Line;
  view: string;
  kind: LineKind;
  width: number;
}

/**
 * One physical line that reads like a title (short, no sentence inside, not
 * ending mid-clause): it ends its paragraph. Looser than structure.ts's
 * paragraph test, which judges whole reflowed paragraphs.
 */
function lineLooksLikeTitle(p: Prepared): boolean {
  let v = p.view;
  const num = numberedPrefix(v);
  if (num) v = v.slice(num.length);
  const w = displayWidth(v);
  if (w > 84 || isDateLed(v)) return false;
  if (/[。；]/.test(v) || (/[！？]/.test(v) && !shortExclaimedTitle(v))) return false;
  // A long line with a clause break inside is a sentence cut by the page width, not a headline.
  if (w >= 50 && /[，]/.test(v)) return false;
  return !/[，、：；（(“《—\-]$/.test(v);
}

export function reflow(source: string): { paragraphs: Paragraph[]; lines: Line[] } {
  const lines = splitLines(source);
  const prepared: Prepared[] = lines.map((line) => {
    const view = fold(line.piece.text);
    // Visual width as printed, blanks included (`8 月 18 日` is wider than `8月18日`).
    return { line, view, kind: lineKind(view), width: displayWidth(source.slice(line.start, line.end).trim()) };
  });
  const width = wrapWidth(prepared);
  const paragraphs: Paragraph[] = [];
  let current: Prepared[] = [];

  const flush = () => {
    if (current.length === 0) return;
    paragraphs.push(makeParagraph(source, current));
    current = [];
  };

  for (const p of prepared) {
    if (p.kind === 'blank' || p.kind === 'page-number') continue;
    if (current.length > 0 && !continues(current, p, width)) flush();
    current.push(p);
  }
  flush();
  return { paragraphs, lines };
}

function continues(current: Prepared[], next: Prepared, width: number): boolean {
  const first = current[0]!;
  const last = current[current.length - 1]!;
  // A list of recipients ending in a separator goes on to the next line (`抄送：校领导，各学院、` / `各部门`).
  if (first.kind === 'recipients') return next.kind === 'text' && /[，、,]$/.test(last.view);
  if (SINGLE_LINE.has(first.kind) || SINGLE_LINE.has(next.kind)) return false;
  if (next.kind !== 'text') return false;
  if (endsSentence(last.view)) return false;
  // Not hard-wrapped: a short line ending in a character (not in a comma) ends its
  // paragraph; page breaks cut long paragraphs, not short lines like `一是加强平台建设`.
  if (width === 0 && last.width < SHORT_LINE && /[\p{Script=Han}A-Za-z0-9”）)》]$/u.test(last.view)) return false;
  if (current.length === 1 && lineLooksLikeTitle(first)) {
    // Hard-wrapped files lose the paragraph indent: a first line may be two
    // characters short of the width and still be cut mid-sentence.
    return width > 0 && last.width >= width - 6;
  }
  return true;
}

function makeParagraph(source: string, lines: Prepared[]): Paragraph {
  const first = lines[0]!;
  if (lines.length === 1) {
    // One line: its own piece and view serve (no copy for each of a file's many short lines).
    return { piece: first.line.piece, view: first.view, kind: first.kind, lineCount: 1, line: first.line.number, raw: source.slice(first.line.start, first.line.end).trim() };
  }
  const b = new PieceBuilder();
  // The fold is one character to one, so the paragraph's view is its lines' views joined the same way.
  const views: string[] = [];
  let prevLast = -1;
  for (const p of lines) {
    const text = p.line.piece.text;
    if (text.length === 0) continue;
    // Two Latin letters or digits meeting across a break were two words.
    if (prevLast !== -1 && !isCjk(prevLast) && !isCjk(text.charCodeAt(0)) && /[A-Za-z0-9]/.test(String.fromCharCode(prevLast))) {
      b.appendSynthetic(' ', Math.max(p.line.start - 1, 0));
      views.push(' ');
    }
    b.appendPiece(p.line.piece);
    views.push(p.view);
    prevLast = text.charCodeAt(text.length - 1);
  }
  const piece = b.build(lines[0]!.line.start);
  return {
    piece,
    view: views.length === 1 ? views[0]! : views.join(''),
    kind: first.kind,
    lineCount: lines.length,
    line: first.line.number,
    raw: source.slice(first.line.start, first.line.end).trim(),
  };
}
