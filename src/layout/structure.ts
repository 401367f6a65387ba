/**
 * The section parser: paragraphs → masthead, sections and record drafts.
 * Headings open sections (their styles nest in order of first appearance);
 * records are numbered items, date-led bullets, titled articles (title
 * paragraph(s), body, optional source line) and stray prose.
 */
import type { Masthead, Section, SectionKind, Warning } from '../schema/index.js';
import { sectionKind } from '../lexicon/sections.js';
import { Piece, PieceBuilder } from '../text/piece.js';
import { displayWidth } from '../text/lines.js';
import { emptyMasthead, readMasthead, takePublicationDate, takeRecipients } from './masthead.js';
import { headingStyle, isDateLed, metaSourceOf, numberedPrefix, shortExclaimedTitle, sourceOf, trailingSourceOf } from './patterns.js';
import { fold } from '../text/normalize.js';
import type { Paragraph, ParagraphQueue } from './reflow.js';
import { keepShape } from '../text/shapes.js';

export interface RecordDraft {
  section: SectionKind;
  /** Shared by the drafts under the same headings: the record takes a copy of its own. */
  heading: readonly string[];
  title: Piece | null;
  /**
   * The title's lines as printed (joined in `title`) when there are several:
   * entities read them apart. Null for a title of one line (the title itself)
   * or none: most drafts, and a large file holds every draft at once.
   */
  titleParts: readonly Piece[] | null;
  body: Piece;
  source: string | null;
  /** The record's span, as two numbers (a large file holds every draft at once). */
  start: number;
  end: number;
}

export interface Layout {
  masthead: Masthead;
  sections: Section[];
  records: RecordDraft[];
  warnings: Warning[];
}

interface Open {
  /** Set when a skipped line (navigation, credit, meta …) followed the last title line: the title cannot continue across it. */
  gap: boolean;
  titles: Piece[];
  body: Piece[];
  numbered: boolean;
  source: string | null;
  closed: boolean;
  /**
   * A web article: its headline has a stamp or meta line under it. Its own
   * short lines (sub-headings, captions) are its text, not new items, unless a
   * stamp follows one of them too.
   */
  article: boolean;
  /** A section label printed at the item's head (`【校企合作】…`). */
  label: { text: string; kind: SectionKind } | undefined;
  start: number;
  end: number;
}

/** A paragraph that reads as a title: short, no sentence inside, not mid-clause. */
function paragraphLooksLikeTitle(view: string): boolean {
  if (view.length === 0 || displayWidth(view) > 120 || isDateLed(view)) return false;
  if (/[。；]/.test(view) || (/[！？]/.test(view) && !shortExclaimedTitle(view))) return false;
  return !/[，、：；（(“《—]$/.test(view);
}

function joinPieces(parts: readonly Piece[], separator: string): Piece {
  // One part is its own join (a piece never changes).
  if (parts.length === 1) return parts[0]!;
  const b = new PieceBuilder();
  parts.forEach((p, k) => {
    if (k > 0 && separator) b.appendSynthetic(separator, parts[k - 1]!.sourceEnd);
    b.appendPiece(p);
  });
  return b.build(parts[0]?.sourceStart ?? 0);
}

/**
 * The items parseLayout is building: the heading stack, the open item and the
 * records closed so far, with the steps that open and close items. Methods of
 * a class rather than closures made afresh for every document: V8 keeps the
 * optimised code of a closure only while some closure of it is alive, so the
 * closures were optimised again after most full collections of a long run
 * (about a tenth of a run's CPU went to compiling the same functions again).
 * The other rules that run per record follow the same habit.
 */
class ItemReader {
  /** Headings nest by rank: 第X部分 above 一、 and 【…】, which are above (一). */
  readonly stack: Array<{ style: string; rank: number; text: string; kind: SectionKind }> = [];
  readonly records: RecordDraft[] = [];
  open: Open | null = null;
  /** The heading path of the last draft, shared by the next ones while the headings stay the same. */
  private lastHeading: readonly string[] = [];

  constructor(
    readonly warnings: Warning[],
    readonly fallbackKind: SectionKind,
  ) {}

  currentKind(): SectionKind {
    const stack = this.stack;
    for (let k = stack.length - 1; k >= 0; k--) if (stack[k]!.kind !== 'other') return stack[k]!.kind;
    return stack.length > 0 ? 'other' : this.fallbackKind;
  }

  close(): void {
    if (!this.open) return;
    const o: Open = this.open;
    this.open = null;
    if (o.body.length === 0 && !o.numbered) {
      const t = o.titles[0]!;
      this.warnings.push({
        code: 'title-without-body',
        message: `a title-like line with no text after it: "${joinPieces(o.titles, '').text.slice(0, 40)}"`,
        span: [t.sourceStart, t.sourceEnd],
      });
      return;
    }
    if (!o.source && o.body.length > 0) {
      // `…深化合作。（来源：南山大学新闻网）`: a source credited at the end of the last paragraph.
      const last = o.body[o.body.length - 1]!;
      const src = trailingSourceOf(fold(last.text));
      if (src) o.source = last.text.slice(src.index, src.index + src.text.length);
    }
    this.records.push({
      section: o.label ? o.label.kind : this.currentKind(),
      heading: this.headingOf(o),
      title: o.titles.length > 0 ? joinPieces(o.titles, '') : null,
      // An exact-size copy: a pushed-to array keeps room for 17.
      titleParts: o.titles.length > 1 ? o.titles.slice() : null,
      body: o.body.length > 0 ? joinPieces(o.body, '\n') : new PieceBuilder().build(o.end),
      source: o.source,
      start: o.start,
      end: o.end,
    });
  }

  /** The open item's heading path: the last draft's array when it is the same path. */
  private headingOf(o: Open): readonly string[] {
    const path = headingTexts(this.stack, o.label ? o.label.text : null);
    const last = this.lastHeading;
    if (sameStrings(path, last)) return last;
    this.lastHeading = path;
    return path;
  }

  /** The open item when it is a titled article still taking text (not a numbered item): its own sub-parts go into it. */
  openArticle(): Open | null {
    const o = this.open;
    return o && !o.closed && !o.numbered && o.titles.length > 0 ? o : null;
  }

  begin(p: Paragraph, numbered: boolean): Open {
    this.close();
    // Every field from the start: one shape for every item (a field added later makes another).
    const o: Open = { gap: false, titles: [], body: [], numbered, source: null, closed: false, article: false, label: undefined, start: p.piece.sourceStart, end: p.piece.sourceEnd };
    this.open = o;
    return o;
  }
}

/**
 * The texts of a heading stack, and `last` after them when given, in an array
 * built by push: every heading path then has one of the same two shapes (empty,
 * or holding strings). A path made by `map` or spread, or the frozen empty one,
 * has shapes of its own, and each new one threw away the optimised code of the
 * layout functions that read it.
 */
function headingTexts(stack: ReadonlyArray<{ text: string }>, last: string | null): string[] {
  const out: string[] = [];
  for (let k = 0; k < stack.length; k++) out.push(stack[k]!.text);
  if (last !== null) out.push(last);
  return out;
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

/** The open item takes paragraph `p` in: its span reaches to `p`'s end. */
function extendTo(o: Open, p: Paragraph): void {
  o.end = Math.max(o.end, p.piece.sourceEnd);
}

/**
 * The masthead, sections and record drafts of a document's paragraphs. They
 * are read once, as they are gathered, and let go as they are read: once a
 * record is drafted, each paragraph behind the one before the current is let
 * go (the drafts keep the pieces they took), so a large file never holds all
 * its paragraphs and all its drafts at once. Until a record is drafted, every paragraph is
 * kept: a text with no record at all becomes the body of one.
 */
export function parseLayout(paragraphs: ParagraphQueue): Layout {
  const masthead = emptyMasthead();
  const sections: Section[] = [];
  const warnings: Warning[] = [];
  // Nothing is let go before the loop below.
  let start = readMasthead(paragraphs, masthead);

  const fallbackKind: SectionKind = masthead.title ? defaultKind(masthead.title) : 'news';
  const b = new ItemReader(warnings, fallbackKind);
  const { stack, records } = b;

  for (let i = start, p = paragraphs.at(i); p; p = paragraphs.at(++i)) {
    // The one before stays (a caption follows an image line); the ones after are read ahead.
    if (records.length > 0) paragraphs.release(i - 1);
    switch (p.kind) {
      case 'recipients':
        b.close();
        takeRecipients(p, masthead);
        continue;
      case 'heading': {
        const style = headingStyle(p.view)!;
        // Inside a titled article (a case: `（一）基本情况`, `（二）主要做法`), a heading that names
        // no kind of section, in a numbering style no open section uses, is the article's own
        // sub-heading: it stays in its text. (`二、重要会议` after `一、工作动态` is the next section.)
        const inArticle = b.openArticle();
        const subHeading = style !== 'part' && style !== 'bracket' && !stack.some((h) => h.style === style) && sectionKind(p.view) === 'other';
        if (inArticle && subHeading) {
          inArticle.body.push(p.piece);
          extendTo(inArticle, p);
          continue;
        }
        b.close();
        const rank = HEADING_RANK[style] ?? 1;
        while (stack.length > 0 && stack[stack.length - 1]!.rank >= rank) stack.pop();
        stack.push({ style, rank, text: p.raw, kind: sectionKind(p.view) });
        sections.push({ heading: p.raw, kind: stack[stack.length - 1]!.kind, path: stack.map((h) => h.text), span: [p.piece.sourceStart, p.piece.sourceEnd] });
        continue;
      }
      case 'source': {
        const src = sourceOf(p.view)!;
        const o = b.open as Open | null;
        if (o) o.gap = true;
        if (o && !o.source) {
          o.source = p.piece.text.slice(src.index, src.index + src.text.length);
          // A source line closes an item's text; under a headline (`来源：新华社` before the body) it is the article's meta.
          if (o.body.length > 0 || o.titles.length === 0) o.closed = true;
          else o.article = true;
          extendTo(o, p);
        }
        takePublicationDate(p, masthead);
        continue;
      }
      case 'meta':
      case 'stamp': {
        takePublicationDate(p, masthead);
        const o = b.open as Open | null;
        if (o) {
          o.gap = true;
          // A stamp or meta line under a headline makes the item a web article (see `article`).
          if (o.titles.length > 0 && o.body.length === 0) o.article = true;
          // `时间：… 来源：合作发展处 …` under a headline credits the article's source.
          const m = metaSourceOf(p.view);
          if (m && !o.source) o.source = p.piece.text.slice(m.index, m.index + m.text.length);
        }
        continue;
      }
      case 'credit':
      case 'caption':
      case 'widget':
      case 'furniture':
      case 'image':
      case 'nav':
      case 'toc':
      case 'masthead-noise':
      case 'issue':
        if (p.kind === 'issue' && b.open) break; // an issue-like line inside an article is prose
        if (b.open) (b.open as Open).gap = true;
        continue;
      default:
        break;
    }
    const num = numberedPrefix(p.view);
    // Inside a titled case or peer article (`典型案例`, `他山之石`), its numbered points
    // (`（一）强化顶层设计。…`, `1.…`) are its text, unless an open section numbers that way.
    const article = b.openArticle();
    if (p.kind === 'numbered' && num && article && num.style !== 'label') {
      const kind = article.label ? article.label.kind : b.currentKind();
      const sectionStyle = NUMBERED_AS_HEADING[num.style];
      if ((kind === 'case-study' || kind === 'peer-practice') && !(sectionStyle && stack.some((h) => h.style === sectionStyle))) {
        article.body.push(p.piece);
        extendTo(article, p);
        continue;
      }
    }
    if (p.kind === 'numbered' && num) {
      const o = b.begin(p, true);
      // `【校地合作】6月5日，…`: a label naming a section places this item (only) in it.
      let cut = num.length;
      if (num.style === 'label') {
        const text = p.piece.text.slice(0, num.length).trim();
        const kind = sectionKind(text);
        if (kind !== 'other') {
          o.label = { text, kind };
          sections.push({ heading: text, kind, path: headingTexts(stack, text), span: p.piece.span(0, text.length) });
        } else if (paragraphLooksLikeTitle(p.view)) {
          // `【测试数据】某某签约仪式`: a label that names no section is part of the headline as printed.
          cut = 0;
        }
      }
      const rest = p.piece.slice(cut, p.piece.text.length);
      const restView = p.view.slice(cut);
      // `1. 东岭大学与南港市签署协议。6月5日，…` (or `…签约：6月5日`, `…推进会 6月8日`):
      // a short headline before a dated sentence.
      const head = INLINE_HEADLINE.exec(restView);
      if (paragraphLooksLikeTitle(restView)) o.titles.push(rest);
      else if (head && isDateLed(restView.slice(head[0].length)) && paragraphLooksLikeTitle(head[1]!)) {
        o.titles.push(rest.slice(0, head[1]!.length));
        o.body.push(rest.slice(head[0].length, rest.text.length));
      } else o.body.push(rest);
      continue;
    }
    const o = b.open as Open | null;
    if (p.kind === 'date-led') {
      if (o && !o.closed && (o.titles.length > 0 && (o.body.length === 0 || o.numbered || !o.closed))) {
        o.body.push(p.piece);
        extendTo(o, p);
      } else {
        b.begin(p, false).body.push(p.piece);
      }
      continue;
    }
    // A short line right under a photo's file name is its caption, not a title.
    if (paragraphs.at(i - 1)?.kind === 'image' && p.view.length <= 30 && paragraphLooksLikeTitle(p.view)) {
      if (o) o.gap = true;
      continue;
    }
    // Inside a body, a short line that enumerates (`一是加强平台建设`) or follows a colon is still body.
    const lastBody = o && !o.closed && o.body.length > 0 ? o.body[o.body.length - 1]! : null;
    const continuesBody = lastBody !== null && (/[：:]$/.test(lastBody.text) || ENUMERATION.test(p.view));
    // `原标题：…` under a headline restates it: the headline stands. Alone, it is the headline.
    if (ORIGINAL_TITLE.test(p.view) && o && o.titles.length > 0 && o.body.length === 0 && !o.closed) {
      o.gap = true;
      continue;
    }
    if (paragraphLooksLikeTitle(p.view) && !continuesBody) {
      // `某某研究院揭牌成立` printed again under its stamp (the page's title, then the article's):
      // one headline, the fuller print kept.
      const printedAgain =
        o && o.titles.length > 0 && o.body.length === 0 && !o.closed &&
        (o.gap ? sameHeadline(joinPieces(o.titles, '').text, p.piece.text) : squeeze(o.titles[o.titles.length - 1]!.text) === squeeze(p.piece.text));
      if (o && printedAgain) {
        // The later print stands when it is as full (its lines then go on from it); else the earlier, closed to more lines.
        if (squeeze(p.piece.text).length >= squeeze(joinPieces(o.titles, '').text).length) {
          o.titles = [p.piece];
          o.gap = false;
        } else o.gap = true;
        extendTo(o, p);
      } else if (o && o.titles.length > 0 && o.body.length === 0 && !o.gap && !o.closed) {
        o.titles.push(p.piece);
        extendTo(o, p);
      } else if (o && o.article && !o.closed && o.body.length > 0 && !stampFollows(paragraphs, i)) {
        // Inside a web article, a short line is a sub-heading or a caption: its text.
        o.body.push(p.piece);
        extendTo(o, p);
      } else {
        b.begin(p, false).titles.push(p.piece);
      }
      continue;
    }
    if (o && !o.closed) {
      o.body.push(p.piece);
      extendTo(o, p);
    } else {
      b.begin(p, false).body.push(p.piece);
    }
  }
  b.close();
  const drafts = withoutContentsEntries(records);
  // No draft at all (a contents entry is dropped only for an item with text), so no paragraph was let go.
  if (drafts.length === 0) {
    // A text always gives a record: a pasted sentence, a caption, a headline alone is the body of one.
    // Lines the masthead reader passed over without taking a field are text too.
    const from = masthead.title || masthead.issue || masthead.publisher || masthead.date ? start : 0;
    const text = paragraphs.rest(from).filter((p) => p.kind !== 'blank' && p.kind !== 'page-number' && p.kind !== 'masthead-noise' && /[\p{L}\p{N}]/u.test(p.view));
    if (text.length > 0) {
      const body = joinPieces(text.map((p) => p.piece), '\n');
      drafts.push({ section: fallbackKind, heading: [], title: null, titleParts: null, body, source: null, start: text[0]!.piece.sourceStart, end: text[text.length - 1]!.piece.sourceEnd });
      return { masthead, sections, records: drafts, warnings: warnings.filter((w) => w.code !== 'title-without-body') };
    }
  }
  return { masthead, sections, records: drafts, warnings };
}

/**
 * A table of contents without page numbers (`本期要目` over `★东岭大学与南港市…`)
 * reads as items with titles and no text: an item with no text whose title is
 * printed again over an item with text is a contents entry, not a record.
 */
function withoutContentsEntries(records: RecordDraft[]): RecordDraft[] {
  const key = titleKey;
  // Where each title is last printed over an item with text.
  const lastWithText = new Map<string, number>();
  records.forEach((r, k) => {
    if (r.title && r.body.text.length > 0) lastWithText.set(key(r), k);
  });
  return records.filter((r, k) => !(r.title && r.body.text.length === 0 && (lastWithText.get(key(r)) ?? -1) > k));
}

const squeeze = (t: string) => t.replace(/\s/g, '');

/** A record's title without blanks ('' with none): how a contents entry and its item are matched. */
function titleKey(r: RecordDraft): string {
  return r.title ? r.title.text.replace(/\s/g, '') : '';
}

/** `原标题：…`, `原题：…`: the headline an article first ran under. */
const ORIGINAL_TITLE = /^[（(【]?(?:原标题|原题|原文标题)[：:]/;

/** Is `b` the headline `a` printed again (the same, or one starting with the other)? */
function sameHeadline(a: string, b: string): boolean {
  const x = squeeze(a);
  const y = squeeze(b);
  return x.length >= 6 && y.length >= 6 && (x.startsWith(y) || y.startsWith(x));
}

/** Kinds of lines skipped between a headline and its stamp (widgets, pictures, furniture). */
const SKIPPED: ReadonlySet<string> = new Set(['credit', 'caption', 'widget', 'furniture', 'image', 'nav', 'masthead-noise']);

/** Does a stamp or meta line follow paragraph `i` (past skipped lines)? Then `i` is a new article's headline. */
function stampFollows(paragraphs: ParagraphQueue, i: number): boolean {
  for (let k = i + 1, p = paragraphs.at(k); p && k <= i + 4; p = paragraphs.at(++k)) {
    const kind = p.kind;
    if (kind === 'stamp' || kind === 'meta') return true;
    if (!SKIPPED.has(kind)) return false;
  }
  return false;
}

/** A headline of 6 to 40 characters and what parts it from a dated body: `。`, a colon or blanks. */
const INLINE_HEADLINE = /^([^。：:\s]{6,40}?)(?:。|[：:]\s*|\s+)/;

/** Openers of an enumeration inside a body: `一是…`, `首先…`, `第二，…`. */
const ENUMERATION = /^(?:[一二三四五六七八九十]+是|首先|其次|再次|最后|另外|此外|同时|第[一二三四五六七八九十]+[，、：])/;

const HEADING_RANK: { [style: string]: number } = { part: 0, 'cn-dun': 1, bracket: 1, 'cn-paren': 2 };
/** The heading style an item numbering shares its numbers with (`（一）` numbers sections and items alike). */
const NUMBERED_AS_HEADING: { [style: string]: string } = { 'cn-paren-item': 'cn-paren', 'cn-dun-item': 'cn-dun' };

function defaultKind(title: string): SectionKind {
  const k = sectionKind(title);
  return k === 'other' ? 'news' : k;
}

export { emptyMasthead };

// A document's item reader lives only as long as its layout: see shapes.ts.
keepShape(new ItemReader([], 'news'));
