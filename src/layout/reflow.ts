/**
 * Reflow: physical lines → paragraphs. A paragraph continues across line
 * breaks, blank lines and page numbers while it is mid-sentence and the next
 * line does not start something of its own (a heading, a numbered item, a
 * date-led bullet, a source or credit line …). A short title-like line ends
 * its paragraph unless the file is hard-wrapped and the line fills the width.
 */
import { Piece, PieceBuilder } from '../text/piece.js';
import { cleanLine, displayWidth, splitLines, trimmedWidth, type Line } from '../text/lines.js';
import { fold, isCjk } from '../text/normalize.js';
import { BLANK_LINE, LINE_CLASSIFIERS, TEXT_LINE, classifierOf, endsSentence, isDateLed, numberedPrefix, shortExclaimedTitle, type LineKind } from './patterns.js';
import { splitFlattened } from './segments.js';
import { keepShape } from '../text/shapes.js';

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
function wrapWidth(lines: LineTable): number {
  const counts = new Map<number, number>();
  let textLines = 0;
  for (let k = 0; k < lines.length; k++) {
    const kind = lines.kind(k);
    if (kind !== 'text' && kind !== 'date-led') continue;
    textLines++;
    const w = lines.widths[k]!;
    if (w >= 30) counts.set(w, (counts.get(w) ?? 0) + 1);
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

/** A line with what reflow reads of it, made when its paragraph is gathered. */
interface Prepared extends Line {
  view: string;
  kind: LineKind;
  by: string;
  width: number;
}

/**
 * A line's kind and the classifier that gave it, as one small number: the
 * line table keeps numbers, not strings. The pairs are few (one a classifier,
 * and the marks below) and shared by every document.
 */
const CLASS_KINDS: LineKind[] = [];
const CLASS_BYS: string[] = [];
const CLASS_IDS = new Map<string, number>();
function classId(kind: LineKind, by: string): number {
  const key = kind + '\u0000' + by;
  let id = CLASS_IDS.get(key);
  if (id === undefined) {
    id = CLASS_KINDS.length;
    CLASS_KINDS.push(kind);
    CLASS_BYS.push(by);
    CLASS_IDS.set(key, id);
  }
  return id;
}

/** The class id of each line classifier's answer, by its index (see classifierOf). */
const CLASSIFIER_IDS = LINE_CLASSIFIERS.map((c) => classId(c.kind, c.name));
const BLANK_ID = classId('blank', 'blank');
const TEXT_ID = classId('text', 'text');
function lineClassId(view: string): number {
  const i = classifierOf(view);
  return i === BLANK_LINE ? BLANK_ID : i === TEXT_LINE ? TEXT_ID : CLASSIFIER_IDS[i]!;
}

/**
 * Every line of a document as numbers (about 21 bytes a line): where it
 * starts and ends, its number, width and class, and for a short line the id of
 * its view among the short lines' views. Reflow reads the whole document
 * before it gathers a paragraph (a repeated line, a table of contents and the
 * wrap width are known only then), and a large file's lines held as objects,
 * each with its piece and view, came to some 190 bytes a line: 46 MB for one
 * 20 MB file. A line's piece and view are made again when its paragraph is
 * gathered: they are a function of its bounds.
 */
class LineTable {
  length = 0;
  starts: Int32Array;
  ends: Int32Array;
  numbers: Int32Array;
  widths: Int32Array;
  classes: Uint16Array;
  /** The id of a line's view among the short views (see markRepeats), or -1. */
  shortViews: Int32Array;
  /** 1 where a short line's view ends a sentence. */
  sentenceEnds: Uint8Array;
  /** 1 where the line's view is its text (nothing in it folds): prepared() need not fold it again. */
  foldsToSelf: Uint8Array;
  /**
   * For a document of up to KEEP_LINES_UNDER characters, each line's piece and view as first
   * read (prepared() then neither cleans nor folds it again); null for a larger one, whose
   * lines are read again from their bounds (see above).
   */
  readonly kept: Array<{ piece: Piece; view: string }> | null;

  /** `size`: the lines expected (the source's line breaks, plus one): a table that need not grow frees no copies. */
  constructor(size: number, keep = false) {
    this.kept = keep ? [] : null;
    const n = Math.max(16, size);
    this.starts = new Int32Array(n);
    this.ends = new Int32Array(n);
    this.numbers = new Int32Array(n);
    this.widths = new Int32Array(n);
    this.classes = new Uint16Array(n);
    this.shortViews = new Int32Array(n);
    this.sentenceEnds = new Uint8Array(n);
    this.foldsToSelf = new Uint8Array(n);
  }

  push(line: Line, view: string, cls: number, width: number, shortView: number, endsSentence: boolean, foldsToSelf: boolean): void {
    if (this.length === this.starts.length) this.grow();
    const k = this.length++;
    this.kept?.push({ piece: line.piece, view });
    this.starts[k] = line.start;
    this.ends[k] = line.end;
    this.numbers[k] = line.number;
    this.widths[k] = width;
    this.classes[k] = cls;
    this.shortViews[k] = shortView;
    this.sentenceEnds[k] = endsSentence ? 1 : 0;
    this.foldsToSelf[k] = foldsToSelf ? 1 : 0;
  }

  kind(k: number): LineKind {
    return CLASS_KINDS[this.classes[k]!]!;
  }

  by(k: number): string {
    return CLASS_BYS[this.classes[k]!]!;
  }

  mark(k: number, kind: LineKind, by: string): void {
    this.classes[k] = classId(kind, by);
  }

  /** Line k's piece, as splitLines (or splitFlattened) made it: cleanLine over its bounds. */
  piece(source: string, k: number): Piece {
    return this.kept !== null ? this.kept[k]!.piece : cleanLine(source, this.starts[k]!, this.ends[k]!);
  }

  view(source: string, k: number): string {
    return this.kept !== null ? this.kept[k]!.view : fold(this.piece(source, k).text);
  }

  /** Line k as reflow's paragraph rules read it. */
  prepared(source: string, k: number): Prepared {
    const piece = this.piece(source, k);
    const view = this.kept !== null ? this.kept[k]!.view : this.foldsToSelf[k] === 1 ? piece.text : fold(piece.text);
    return { start: this.starts[k]!, end: this.ends[k]!, number: this.numbers[k]!, piece, view, kind: this.kind(k), by: this.by(k), width: this.widths[k]! };
  }

  private grow(): void {
    const size = this.starts.length * 2;
    const more = <T extends Int32Array | Uint16Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.starts = more(this.starts, (n) => new Int32Array(n));
    this.ends = more(this.ends, (n) => new Int32Array(n));
    this.numbers = more(this.numbers, (n) => new Int32Array(n));
    this.widths = more(this.widths, (n) => new Int32Array(n));
    this.classes = more(this.classes, (n) => new Uint16Array(n));
    this.shortViews = more(this.shortViews, (n) => new Int32Array(n));
    this.sentenceEnds = more(this.sentenceEnds, (n) => new Uint8Array(n));
    this.foldsToSelf = more(this.foldsToSelf, (n) => new Uint8Array(n));
  }
}

/**
 * The largest document whose lines' pieces and views the line table keeps (in
 * UTF-16 units): a briefing or a page, whose lines then are cleaned and folded
 * once. A larger file's are made again when their paragraph is gathered, so
 * that they are never all held at once (see LineTable).
 */
const KEEP_LINES_UNDER = 256 * 1024;

/** How many line feeds the source holds (a flattened line may split in pieces: the table still grows then). */
function lineBreaks(source: string): number {
  let n = 0;
  for (let at = source.indexOf('\n'); at !== -1; at = source.indexOf('\n', at + 1)) n++;
  return n;
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

/** Every paragraph of the source at once (the layout reads them through a ParagraphQueue instead). */
export function reflow(source: string): { paragraphs: Paragraph[] } {
  return { paragraphs: [...paragraphsOf(source)] };
}

/**
 * The paragraphs of the source, each gathered when it is asked for: the
 * lines are read whole first (into a LineTable), the paragraphs one at a time.
 */
export function* paragraphsOf(source: string): Generator<Paragraph> {
  const lines = new LineTable(lineBreaks(source) + 1, source.length <= KEEP_LINES_UNDER);
  const contentsMarks: number[] = [];
  const relatedMarks: number[] = [];
  const shortViews = new Map<string, number>();
  for (const printed of splitLines(source)) {
    // A line that holds a headline, a stamp and a body (or a masthead and contents) is split first.
    for (const line of splitFlattened(source, printed)) {
      const view = fold(line.piece.text);
      const cls = lineClassId(view);
      let shortView = -1;
      if (view.length >= REPEAT_MIN_LENGTH && view.length <= REPEAT_MAX_LENGTH) {
        shortView = shortViews.get(view) ?? shortViews.size;
        if (shortView === shortViews.size) shortViews.set(view, shortView);
      }
      // Both marks are anchored at the line's first non-blank character: most lines are ruled out by it.
      if (MARK_HEAD.test(view)) {
        const squeezed = view.replace(/\s/g, '');
        if (CONTENTS_MARK.test(squeezed)) contentsMarks.push(lines.length);
        if (RELATED_MARK.test(squeezed)) relatedMarks.push(lines.length);
      }
      // Visual width as printed, blanks included (`8 月 18 日` is wider than `8月18日`).
      lines.push(line, view, cls, trimmedWidth(source, line.start, line.end), shortView, shortView !== -1 && endsSentence(view), view === line.piece.text);
    }
  }
  markContents(source, lines, contentsMarks);
  markRepeats(lines, shortViews.size);
  shortViews.clear();
  markRelatedLists(source, lines, relatedMarks);
  const width = wrapWidth(lines);
  // Lines gather into a paragraph until one does not continue it (no closure per document: see ItemReader).
  let current: Prepared[] = [];
  for (let k = 0; k < lines.length; k++) {
    const kind = lines.kind(k);
    if (kind === 'blank' || kind === 'page-number') continue;
    const p = lines.prepared(source, k);
    if (current.length > 0 && !continues(current, p, width)) {
      yield makeParagraph(source, current);
      current = [];
    }
    current.push(p);
  }
  if (current.length > 0) yield makeParagraph(source, current);
}

/**
 * Paragraphs as the layout reads them: by index, read from their source as
 * far ahead as it asks, and let go behind it (`release`), so that a large
 * file's paragraphs are never all held at once.
 */
export class ParagraphQueue {
  private readonly source: Iterator<Paragraph>;
  private readonly items: Array<Paragraph | undefined> = [];
  private ended = false;
  /** Paragraphs before this one are let go. */
  private kept = 0;

  constructor(paragraphs: Iterable<Paragraph>) {
    this.source = paragraphs[Symbol.iterator]();
  }

  /** Paragraph i, or undefined past the last (or once let go). */
  at(i: number): Paragraph | undefined {
    while (this.items.length <= i && !this.ended) {
      const next = this.source.next();
      if (next.done) this.ended = true;
      else this.items.push(next.value);
    }
    return i >= 0 && i < this.items.length ? this.items[i] : undefined;
  }

  /** Lets every paragraph before i go. */
  release(i: number): void {
    for (; this.kept < i; this.kept++) this.items[this.kept] = undefined;
  }

  /** Whether paragraph i is not read yet, read and held, or let go. */
  state(i: number): 'unread' | 'held' | 'released' {
    return i >= this.items.length ? 'unread' : this.items[i] === undefined ? 'released' : 'held';
  }

  /** Paragraphs i to the last, all read (none of them may have been let go). */
  rest(i: number): Paragraph[] {
    if (i < this.kept) throw new Error('paragraphs were read after they were let go');
    while (!this.ended) this.at(this.items.length);
    return this.items.slice(i) as Paragraph[];
  }
}

/** `目录`, `目 录`, `本期要目`: the marker line over a table of contents. */
const CONTENTS_MARK = /^(?:目\s*录|本期(?:导读|要目|目录)|要目|导读)$/;
/** The characters CONTENTS_MARK and RELATED_MARK can start with, after blanks (kept in step with both). */
const MARK_HEAD = /^\s*[目本要导【[相推延热猜往更]/;
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

/** Marks the entries under each contents marker (`marks`: the marker lines, in order). */
function markContents(source: string, lines: LineTable, marks: readonly number[]): void {
  for (const i of marks) {
    const seen = new Set<string>();
    let entries = 0;
    let leadered = 0;
    for (let k = i + 1; k < lines.length; k++) {
      const kind = lines.kind(k);
      if (kind === 'blank' || kind === 'page-number') continue;
      const view = lines.view(source, k);
      const key = contentsKey(view);
      if (seen.has(key) || view.length > CONTENTS_ENTRY_MAX || /[。；]/.test(view) || endsSentence(view)) break;
      // Entries printed with leaders and page numbers end where a line has none.
      const hasLeaders = kind === 'toc' && lines.by(k) === 'contents-leaders';
      if (entries > 0 && leadered === entries && !hasLeaders) break;
      if (hasLeaders) leadered++;
      if (kind !== 'text' && kind !== 'heading' && kind !== 'toc' && kind !== 'numbered' && kind !== 'lead') break;
      seen.add(key);
      // A heading in the contents is a section's name listed, not the section.
      lines.mark(k, 'toc', 'contents-entry');
      entries++;
    }
  }
}

/** `相关阅读`, `推荐阅读：`, `延伸阅读`: the marker over a list of other pages' headlines. */
const RELATED_MARK = /^[【\[]?(?:相关新闻|相关阅读|相关文章|相关链接|推荐阅读|延伸阅读|热点新闻|热门文章|猜你喜欢|往期回顾|往期推荐|更多新闻)[】\]]?\s*[：:]?$/;

/** The headlines listed under a related-reading marker are other pages' (furniture), up to the first line of prose. */
function markRelatedLists(source: string, lines: LineTable, marks: readonly number[]): void {
  for (const i of marks) {
    for (let k = i + 1; k < lines.length; k++) {
      const kind = lines.kind(k);
      if (kind === 'blank') continue;
      const view = lines.view(source, k);
      if (view.length > CONTENTS_ENTRY_MAX || endsSentence(view) || !RELATED_KINDS.has(kind)) break;
      lines.mark(k, 'furniture', 'related-list');
    }
  }
}

/** Kinds of the lines a related-reading list is made of. */
const RELATED_KINDS: ReadonlySet<LineKind> = new Set(['text', 'numbered', 'date-led', 'stamp', 'meta', 'lead']);

/** A short line printed three times or more (a site's name, a slogan, spam): page furniture, not text. */
const REPEAT_MIN = 3;
const REPEAT_MIN_LENGTH = 2;
const REPEAT_MAX_LENGTH = 30;
/** `views`: how many short views the table's ids number. */
function markRepeats(lines: LineTable, views: number): void {
  const counts = new Int32Array(views);
  for (let k = 0; k < lines.length; k++) {
    const id = lines.shortViews[k]!;
    if (id !== -1 && lines.kind(k) === 'text') counts[id]!++;
  }
  for (let k = 0; k < lines.length; k++) {
    const id = lines.shortViews[k]!;
    if (id !== -1 && lines.kind(k) === 'text' && counts[id]! >= REPEAT_MIN && lines.sentenceEnds[k] === 0) lines.mark(k, 'furniture', 'repeated-line');
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

// A document's line table and paragraph queue live only as long as its layout: see shapes.ts.
keepShape(new LineTable(0));
keepShape(new ParagraphQueue([]));
