/**
 * The masthead: title, issue, publisher and date at the head of a briefing,
 * and the recipients (主送/抄送) usually at its foot.
 */
import type { Issue, Masthead, Span } from '../schema/index.js';
import { findDates, numeral } from '../extract/dates.js';
import { BRIEFING_TITLE_ENDINGS, PUBLISHER_WORDS } from '../lexicon/layout.js';
import type { Paragraph, ParagraphQueue } from './reflow.js';
import { fold } from '../text/normalize.js';
import { ISSUE_RE, recipientsOf } from './patterns.js';

export function emptyMasthead(): Masthead {
  return {
    title: null,
    issue: null,
    publisher: null,
    date: null,
    recipients: { to: [], cc: [] },
    spans: { title: null, publisher: null, date: null },
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A full date (with year) in the paragraph: [index, length, ISO]. */
export function fullDateIn(view: string): { index: number; length: number; iso: string } | null {
  for (const f of findDates(view)) {
    if (f.year !== null) return { index: f.index, length: f.length, iso: `${f.year}-${pad(f.month)}-${pad(f.day)}` };
  }
  return null;
}

/** `（总第38期）` on a line of its own. */
const TOTAL_ONLY = /^[（(]?\s*总\s*第\s*(\d{1,5}|[一二三四五六七八九十百千零〇]{1,8})\s*期\s*[）)]?$/;

function parseIssue(p: Paragraph): { issue: Issue; index: number; length: number } | null {
  const total = TOTAL_ONLY.exec(p.view);
  if (total) {
    const text = p.piece.text;
    return { index: 0, length: text.length, issue: { text, year: null, number: null, total: countingNumber(total[1]!, false), span: p.piece.span(0, text.length) } };
  }
  const m = ISSUE_RE.exec(p.view);
  if (!m) return null;
  const lead = m[0].length - m[0].trimStart().length;
  const start = m.index + lead;
  const end = m.index + m[0].trimEnd().length;
  const yearFromDate = m[1] ? null : fullDateIn(p.view);
  return {
    index: start,
    length: end - start,
    issue: {
      text: p.piece.text.slice(start, end),
      year: m[1] ? countingNumber(m[1], true) : yearFromDate ? Number(yearFromDate.iso.slice(0, 4)) : null,
      number: countingNumber(m[3]!, false),
      total: m[4] ? countingNumber(m[4], false) : null,
      span: p.piece.span(start, end),
    },
  };
}

const CN_DIGIT: Record<string, number> = { 〇: 0, 零: 0, '○': 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** `38`, `二〇二三` (digit by digit), `十二`, `一百零四` → number. */
function countingNumber(s: string, digitwise: boolean): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (digitwise) return Number([...s].map((c) => CN_DIGIT[c] ?? 0).join(''));
  let total = 0;
  let current = 0;
  for (const c of s) {
    if (c === '千') {
      total += (current || 1) * 1000;
      current = 0;
    } else if (c === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else if (c === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else current = CN_DIGIT[c] ?? 0;
  }
  return total + current || numeral(s);
}

/** Mastheads whose date so far is a web page's stamp, not a date the briefing prints. */
const STAMP_DATED = new WeakSet<Masthead>();

/** How much of an issue a line prints (number, year, total). */
const printed = (i: Issue) => (i.number !== null ? 2 : 0) + (/(?:19|20)\d{2}|[一二][〇零○九]/.test(i.text) ? 1 : 0) + (i.total !== null ? 1 : 0);

/** Two issue lines (`2023年第3期`, `（总第38期）`) describe one issue; the fuller print is its text. */
function mergeIssues(a: Issue, b: Issue): Issue {
  const [main, extra] = printed(b) > printed(a) ? [b, a] : [a, b];
  return {
    text: main.text,
    year: main.year ?? extra.year,
    number: main.number ?? extra.number,
    total: main.total ?? extra.total,
    span: main.span,
  };
}

/** Short, no clause inside: a line that can be a briefing's name. */
function titleShaped(v: string): boolean {
  return v.length <= 30 && !/[。，；！？：]/.test(v);
}

/** A briefing's name by its own words (`…工作简报`, `高校动态`). */
function namesBriefing(v: string): boolean {
  return titleShaped(v) && BRIEFING_TITLE_ENDINGS.some((w) => v.endsWith(w));
}

/** A briefing's name by its words, or by the issue line under it. */
function isBriefingTitle(p: Paragraph, next: Paragraph | undefined): boolean {
  return namesBriefing(p.view) || (titleShaped(p.view) && next?.kind === 'issue');
}

/** A short line naming an organization and nothing else (`东岭大学`, `东岭大学地方合作处`). */
function isNameLine(view: string): boolean {
  return view.length >= 4 && view.length <= 20 && !/[。，；！？：、\d]/.test(view) && /(?:大学|学院|学校|研究院|办公室|处|部)$/.test(view);
}

/** Words that make a line news, not a publisher's name (`…与南川市共建研究院`). */
const NEWS_VERBS = /签署|签订|签约|共建|举行|召开|举办|携手|揭牌|成立|赴|调研/;

function isPublisher(view: string): boolean {
  return view.length <= 40 && !/[。；！？]/.test(view) && !NEWS_VERBS.test(view) && PUBLISHER_WORDS.some((w) => view.includes(w));
}

/**
 * Reads masthead paragraphs from the top; returns how many it consumed.
 * Stops at the first paragraph that is not a masthead line.
 */
export function readMasthead(paragraphs: ParagraphQueue, masthead: Masthead): number {
  let i = 0;
  let sawField = false;
  for (let p = paragraphs.at(i); p; p = paragraphs.at(++i)) {
    if (p.kind === 'masthead-noise' || p.kind === 'toc' || p.kind === 'nav' || p.kind === 'image' || p.kind === 'widget' || p.kind === 'furniture') continue;
    if (p.kind === 'issue') {
      const found = parseIssue(p);
      if (found) {
        masthead.issue = masthead.issue ? mergeIssues(masthead.issue, found.issue) : found.issue;
        // `服务地方工作简报（2024年第3期）`: the briefing's name before the issue on one line.
        const head = p.view.slice(0, found.index).trimEnd();
        if (!masthead.title && !sawField && head.length > 0 && namesBriefing(head)) {
          masthead.title = p.piece.text.slice(0, head.length);
          masthead.spans.title = p.piece.span(0, head.length);
        }
        sawField = true;
        // The rest of an issue line may hold the publisher or the date.
        takeDateAndPublisher(p, masthead, [found.index, found.index + found.length]);
        continue;
      }
    }
    if (p.kind === 'meta' || p.kind === 'stamp') {
      takePublicationDate(p, masthead);
      continue;
    }
    if (!masthead.title && !sawField && isBriefingTitle(p, paragraphs.at(i + 1))) {
      masthead.title = p.piece.text;
      masthead.spans.title = p.piece.span(0, p.piece.text.length);
      sawField = true;
      continue;
    }
    // The university's name on a line of its own above the briefing's name
    // (`东岭大学` / `地方合作工作简报`): one title, printed on two lines.
    const next = paragraphs.at(i + 1);
    if (!masthead.title && !sawField && next && isNameLine(p.view) && namesBriefing(next.view)) {
      masthead.title = p.piece.text + next.piece.text;
      masthead.spans.title = [p.piece.sourceStart, next.piece.sourceEnd];
      sawField = true;
      i++;
      continue;
    }
    if (sawField && p.kind === 'text' && p.view.length <= 60) {
      const date = fullDateIn(p.view);
      const dateOnly = date && p.view.replace(/[\s]/g, '').length <= date.length + 2;
      if (dateOnly || (isPublisher(p.view) && !masthead.publisher) || (date && isPublisher(p.view.slice(0, date.index) + p.view.slice(date.index + date.length)))) {
        takeDateAndPublisher(p, masthead, null);
        continue;
      }
    }
    if (sawField && p.kind === 'date-led' && p.view.length <= 20) {
      const date = fullDateIn(p.view);
      if (date && p.view.length <= date.length + 2) {
        takeDateAndPublisher(p, masthead, null);
        continue;
      }
    }
    break;
  }
  return i;
}

/** A date and a publisher printed on one masthead line (`服务山东办公室  2023年10月26日`). */
function takeDateAndPublisher(p: Paragraph, masthead: Masthead, exclude: [number, number] | null): void {
  const date = fullDateIn(p.view);
  let rest: Array<[number, number]> = [[0, p.view.length]];
  const cut = (a: number, b: number) => {
    rest = rest.flatMap(([s, e]) => (b <= s || a >= e ? [[s, e] as [number, number]] : [[s, a] as [number, number], [b, e] as [number, number]].filter(([x, y]) => y > x)));
  };
  if (exclude) cut(exclude[0], exclude[1]);
  // The briefing's own printed date outranks a web page's stamp over it (a copy posted months later).
  if (date && (!masthead.date || STAMP_DATED.has(masthead))) {
    STAMP_DATED.delete(masthead);
    masthead.date = date.iso;
    masthead.spans.date = p.piece.span(date.index, date.index + date.length);
  }
  if (date) cut(date.index, date.index + date.length);
  if (masthead.publisher) return;
  for (const [s, e] of rest) {
    // `…办公室编`, `…合作处主办`: the verb of publishing is not part of the name.
    const text = p.piece.text
      .slice(s, e)
      .replace(/^[\s，,、]+|[\s，,、]+$/g, '')
      .replace(/^(?:主办单位|编印单位|主办|编印|编辑|印发|编)\s*[：:]\s*/, '')
      .replace(/(?<=..)(?:编印|编辑|主办|印发|编)$/, '');
    if (text && isPublisher(fold(text))) {
      const at = p.piece.text.indexOf(text, s);
      masthead.publisher = text;
      masthead.spans.publisher = p.piece.span(at, at + text.length);
      return;
    }
  }
}

/** `发布时间：2025-09-19`, `时间：2022-07-19` give the date of a web article. */
export function takePublicationDate(p: Paragraph, masthead: Masthead): void {
  if (masthead.date) return;
  const date = fullDateIn(p.view);
  if (!date) return;
  STAMP_DATED.add(masthead);
  masthead.date = date.iso;
  masthead.spans.date = p.piece.span(date.index, date.index + date.length);
}

/** `主送：校领导`, `抄送：全校各单位党政主要负责人` → recipients. */
export function takeRecipients(p: Paragraph, masthead: Masthead): boolean {
  const r = recipientsOf(p.view);
  if (!r) return false;
  const list = masthead.recipients[r.field];
  const re = /[^，、；,;\s]+/g;
  const rest = p.piece.text.slice(r.rest);
  const tail = p.view.slice(r.rest);
  for (let m = re.exec(tail); m; m = re.exec(tail)) {
    const name = rest.slice(m.index, m.index + m[0].length).replace(/[。.]$/, '');
    if (name) list.push(name);
  }
  return true;
}

export type { Span };
