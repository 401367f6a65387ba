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
import { classifyLine, endsSentence, isDateLed, numberedPrefix, shortExclaimedTitle, type LineKind } from './patterns.js';
import { splitFlattened } from './segments.js';

export interface Paragraph {
  /** Display text: as printed, less layout blanks and line breaks. */
  piece: Piece;
  /** The folded matching view of piece.text (same length). */
  view: string;
  /** Kind of the first line. */
  kind: LineKind;
  /** The classifier that gave that kind (see LINE_CLASSIFIERS). */
  by: string;
  /** Physical lines joined into it. */
  lineCount: number;
  /** 1-based number of its first source line. */
  line: number;
  /** Raw source of the first line, trimmed: headings are shown as printed. */
  raw: string;
}

/** Kinds that are always a paragraph of their own. */
const SINGLE_LINE: ReadonlySet<LineKind> = new Set([
  'heading', 'source', 'meta', 'stamp', 'credit', 'image', 'caption', 'widget', 'furniture', 'nav', 'toc', 'recipients', 'issue', 'masthead-noise',
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

/** A line with what reflow reads of it: one object per line (a large file holds every line at once). */
interface Prepared extends Line {
  view: string;
  kind: LineKind;
  by: string;
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

export function reflow(source: string): { paragraphs: Paragraph[] } {
  const prepared: Prepared[] = [];
  for (const printed of splitLines(source)) {
    // A line that holds a headline, a stamp and a body (or a masthead and contents) is split first.
    for (const line of splitFlattened(source, printed)) {
      const view = fold(line.piece.text);
      const { kind, by } = classifyLine(view);
      // Visual width as printed, blanks included (`8 月 18 日` is wider than `8月18日`).
      prepared.push({ start: line.start, end: line.end, number: line.number, piece: line.piece, view, kind, by, width: displayWidth(source.slice(line.start, line.end).trim()) });
    }
  }
  markContents(prepared);
  markRepeats(prepared);
  markRelatedLists(prepared);
  const width = wrapWidth(prepared);
  const paragraphs: Paragraph[] = [];
  // Lines gather into a paragraph until one does not continue it (no closure per document: see ItemReader).
  let current: Prepared[] = [];
  for (const p of prepared) {
    if (p.kind === 'blank' || p.kind === 'page-number') continue;
    if (current.length > 0 && !continues(current, p, width)) {
      paragraphs.push(makeParagraph(source, current));
      current = [];
    }
    current.push(p);
  }
  if (current.length > 0) paragraphs.push(makeParagraph(source, current));
  return { paragraphs };
}

/** `目录`, `目 录`, `本期要目`: the marker line over a table of contents. */
const CONTENTS_MARK = /^(?:目\s*录|本期(?:导读|要目|目录)|要目|导读)$/;
/** Longest line of a contents list (an entry, a section label). */
const CONTENTS_ENTRY_MAX = 60;

/**
 * The lines under a contents marker are its entries (section labels and item
 * titles, with or without page numbers, a comma or not) until a line prints an
 * entry again (the first item's section or title) or reads as prose.
 */
/** An entry as its item prints it: no leaders, page number, numbering or ornaments (`校地合作……1` = `一、校地合作`). */
function contentsKey(view: string): string {
  let v = view.replace(/[\s.…·]+\d{0,4}$/, '').replace(/\s/g, '');
  const num = numberedPrefix(v);
  if (num) v = v.slice(num.length);
  v = v.replace(/^(?:[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十]{1,3}[）)])/, '');
  return v.replace(/^[◆◇●•■□▲△★☆▶►▸▪○◎◉❖✦✧※➢➤♦▷【\[〖]+|[◆◇●•■□▲△★☆◀◁▪○◎◉❖✦✧※】\]〗]+$/g, '');
}

function markContents(lines: Prepared[]): void {
  for (let i = 0; i < lines.length; i++) {
    if (!CONTENTS_MARK.test(lines[i]!.view.replace(/\s/g, ''))) continue;
    const seen = new Set<string>();
    let entries = 0;
    let leadered = 0;
    for (let k = i + 1; k < lines.length; k++) {
      const l = lines[k]!;
      if (l.kind === 'blank' || l.kind === 'page-number') continue;
      const key = contentsKey(l.view);
      if (seen.has(key) || l.view.length > CONTENTS_ENTRY_MAX || /[。；]/.test(l.view) || endsSentence(l.view)) break;
      // Entries printed with leaders and page numbers end where a line has none.
      const hasLeaders = l.kind === 'toc' && l.by === 'contents-leaders';
      if (entries > 0 && leadered === entries && !hasLeaders) break;
      if (hasLeaders) leadered++;
      if (l.kind !== 'text' && l.kind !== 'heading' && l.kind !== 'toc' && l.kind !== 'numbered' && l.kind !== 'lead') break;
      seen.add(key);
      // A heading in the contents is a section's name listed, not the section.
      l.kind = 'toc';
      l.by = 'contents-entry';
      entries++;
    }
    void entries;
  }
}

/** `相关阅读`, `推荐阅读：`, `延伸阅读`: the marker over a list of other pages' headlines. */
const RELATED_MARK = /^[【\[]?(?:相关新闻|相关阅读|相关文章|相关链接|推荐阅读|延伸阅读|热点新闻|热门文章|猜你喜欢|往期回顾|往期推荐|更多新闻)[】\]]?\s*[：:]?$/;

/** The headlines listed under a related-reading marker are other pages' (furniture), up to the first line of prose. */
function markRelatedLists(lines: Prepared[]): void {
  for (let i = 0; i < lines.length; i++) {
    if (!RELATED_MARK.test(lines[i]!.view.replace(/\s/g, ''))) continue;
    for (let k = i + 1; k < lines.length; k++) {
      const l = lines[k]!;
      if (l.kind === 'blank') continue;
      if (l.view.length > CONTENTS_ENTRY_MAX || endsSentence(l.view) || !['text', 'numbered', 'date-led', 'stamp', 'meta', 'lead'].includes(l.kind)) break;
      l.kind = 'furniture';
      l.by = 'related-list';
    }
  }
}

/** A short line printed three times or more (a site's name, a slogan, spam): page furniture, not text. */
const REPEAT_MIN = 3;
const REPEAT_MAX_LENGTH = 30;
function markRepeats(lines: Prepared[]): void {
  const counts = new Map<string, number>();
  for (const l of lines) {
    if (l.kind !== 'text' || l.view.length > REPEAT_MAX_LENGTH || l.view.length < 2) continue;
    counts.set(l.view, (counts.get(l.view) ?? 0) + 1);
  }
  for (const l of lines) {
    if (l.kind === 'text' && (counts.get(l.view) ?? 0) >= REPEAT_MIN && !endsSentence(l.view)) {
      l.kind = 'furniture';
      l.by = 'repeated-line';
    }
  }
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

/** A line's source, trimmed: its piece's text when that is the same (most lines), so the two are one string. */
function rawOf(source: string, line: Line): string {
  const raw = source.slice(line.start, line.end).trim();
  return raw === line.piece.text ? line.piece.text : raw;
}

function makeParagraph(source: string, lines: Prepared[]): Paragraph {
  const first = lines[0]!;
  if (lines.length === 1) {
    // One line: its own piece and view serve (no copy for each of a file's many short lines).
    return { piece: first.piece, view: first.view, kind: first.kind, by: first.by, lineCount: 1, line: first.number, raw: rawOf(source, first) };
  }
  const b = new PieceBuilder();
  // The fold is one character to one, so the paragraph's view is its lines' views joined the same way.
  const views: string[] = [];
  let prevLast = -1;
  for (const p of lines) {
    const text = p.piece.text;
    if (text.length === 0) continue;
    // Two Latin letters or digits meeting across a break were two words.
    if (prevLast !== -1 && !isCjk(prevLast) && !isCjk(text.charCodeAt(0)) && /[A-Za-z0-9]/.test(String.fromCharCode(prevLast))) {
      b.appendSynthetic(' ', Math.max(p.start - 1, 0));
      views.push(' ');
    }
    b.appendPiece(p.piece);
    views.push(p.view);
    prevLast = text.charCodeAt(text.length - 1);
  }
  const piece = b.build(first.start);
  return {
    piece,
    view: views.length === 1 ? views[0]! : views.join(''),
    kind: first.kind,
    by: first.by,
    lineCount: lines.length,
    line: first.number,
    raw: rawOf(source, first),
  };
}
