/**
 * Flattened lines: a PDF or a web copy may print a headline, its publication
 * stamp and the body on one line, or a masthead, its contents and the first
 * article. Each rule below finds where such a line is cut (offsets into the raw
 * line, blanks kept); the pieces are then lines of their own, classified and
 * reflowed like any other. Every piece keeps its span into the source.
 */
import { cleanLine, type Line } from '../text/lines.js';
import { fold } from '../text/normalize.js';
import { BRIEFING_TITLE_ENDINGS, LEAD_OPENERS } from '../lexicon/layout.js';
import { FULL_DATE, ISSUE_RE, TIME_OF_DAY, isDateLed, stampShaped } from './patterns.js';
import { sortNumbers } from '../text/order.js';

/** A line shorter than this is never cut. */
const CUT_MIN = 24;

interface CutRule {
  name: string;
  /** Offsets in `raw` (the folded raw line, blanks kept) where the line is cut. */
  cuts: (raw: string) => number[];
}

/** Tokens (blank-separated) of `raw` as [start, end] pairs. */
function tokens(raw: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const re = /[^\s\u3000]+/g;
  for (let m = re.exec(raw); m; m = re.exec(raw)) out.push([m.index, m.index + m[0].length]);
  return out;
}

/** A token that goes with a stamp: a labelled field, a short word (a site, a widget), a separator. */
function stampToken(text: string): boolean {
  return text.length <= 6 || /^[^：:]{1,8}[：:]/.test(text) || /^[|｜/／·]+$/.test(text);
}

const STAMP_CORE = new RegExp(`${FULL_DATE.source}\\s*${TIME_OF_DAY.source}`, 'g');

/**
 * `“东出西进”又有名校开启合作模式 2024-06-20 19:33:31 这些年，…`: a date and
 * a time inside a longer line, with the labelled fields and short words next to
 * them (`来源：某某网`, `大字`), are a stamp of their own; the headline before
 * and the body after are cut from it.
 */
const inlineStamp: CutRule = {
  name: 'inline-stamp',
  cuts(raw) {
    const out: number[] = [];
    // The time of day prints a colon: a line without one holds no stamp.
    if (!raw.includes(':') && !raw.includes('：')) return out;
    STAMP_CORE.lastIndex = 0;
    for (let m = STAMP_CORE.exec(raw); m; m = STAMP_CORE.exec(raw)) {
      const all = tokens(raw);
      let first = all.findIndex(([, e]) => e > m!.index);
      let last = all.findIndex(([, e]) => e >= m!.index + m![0].length);
      if (first < 0 || last < 0) continue;
      while (first > 0 && stampToken(raw.slice(...all[first - 1]!))) first--;
      while (last < all.length - 1 && stampToken(raw.slice(...all[last + 1]!))) last++;
      // The date may be glued to the words before it (`作者：某某大学2021-12-14`): cut at the date then.
      let s = all[first]![0];
      if (first === all.findIndex(([, e]) => e > m!.index) && !stampShaped(raw.slice(s, m.index + m[0].length))) s = m.index;
      const e = all[last]![1];
      if (s > 0) out.push(s);
      if (e < raw.length) out.push(e);
    }
    return out;
  },
};

/** An item's body starting: a date (`19日，`, `7月16日，`), a lead (`本报讯`, `日前，`), a dateline (`某地5月1日电`). */
const LEAD_START = new RegExp(`^(?:\\d{1,2}日[，,]|${LEAD_OPENERS.map((w) => w.replace(/[，]/g, '[，,]')).join('|')}|[\\p{Script=Han}]{2,8}\\d{1,2}月\\d{1,2}日电)`, 'u');

/**
 * `某某研究院揭牌成立 某某致辞 某某参加 19日，某某研究院在…`: a title-shaped
 * head, a blank, then a body opening as a lead does: cut before the body.
 */
const headlineLead: CutRule = {
  name: 'headline-lead',
  cuts(raw) {
    for (const [s] of tokens(raw)) {
      if (s < 6 || s > 90) continue;
      const rest = raw.slice(s);
      if (!(LEAD_START.test(rest) || isDateLed(rest)) || !/[，。,]/.test(rest.slice(0, 60)) || stampShaped(rest)) continue;
      const head = raw.slice(0, s).trim();
      if (/[。；！？]/.test(head) || /[，、：,:]$/.test(head) || isDateLed(head)) continue;
      // `某某处讯 8月28日，…`, `新华社某地电`: a dateline opens the body, it is not a headline.
      if (/(?:讯|电|报道|消息)$/.test(head) || LEAD_START.test(head)) continue;
      // The body must be longer than the head: a short line is a headline alone.
      if (raw.length - s <= head.length) continue;
      return [s];
    }
    return [];
  },
};

/** `……12`, `.......3`: contents leaders and a page number, with more of the line after them. */
const contentsLeaders: CutRule = {
  name: 'contents-leaders',
  cuts(raw) {
    const out: number[] = [];
    // Leaders are four dots, two ellipses or four middle dots in a row.
    if (!raw.includes('....') && !raw.includes('……') && !raw.includes('····')) return out;
    const re = /(?:\.{4,}|…{2,}|·{4,})\s*\d{1,4}(?!\d)/g;
    for (let m = re.exec(raw); m; m = re.exec(raw)) {
      const e = m.index + m[0].length;
      if (raw.slice(e).trim().length > 0) out.push(e);
    }
    return out;
  },
};

const ISSUE_G = new RegExp(ISSUE_RE.source, 'g');

/**
 * `某某动态 2018年第7期(总第7期) 某某大学发展规划处 2018年10月15日 目录 【新政推送】 …`:
 * a line that opens with a masthead (the briefing's name, its issue) is cut at
 * the issue, a date standing alone, `目录`, and each bracketed label standing alone.
 */
const mastheadRun: CutRule = {
  name: 'masthead-run',
  cuts(raw) {
    // The issue stands near the start: only the head is searched (the pattern is costly to try everywhere).
    const headOf = raw.slice(0, 90);
    if (!headOf.includes('期') || !headOf.includes('第')) return [];
    ISSUE_G.lastIndex = 0;
    const issue = ISSUE_G.exec(headOf);
    if (!issue || issue.index > 40 || !/\d|[一二三四五六七八九十]/.test(issue[3] ?? '')) return [];
    const head = raw.slice(0, issue.index).trim();
    if (head && !BRIEFING_TITLE_ENDINGS.some((w) => head.endsWith(w))) return [];
    const out: number[] = [];
    const lead = issue[0].length - issue[0].trimStart().length;
    if (issue.index + lead > 0) out.push(issue.index + lead);
    const end = issue.index + issue[0].trimEnd().length;
    out.push(end);
    for (const [s, e] of tokens(raw)) {
      if (s < end) continue;
      const text = raw.slice(s, e);
      if (FULL_DATE.test(text) && FULL_DATE.exec(text)![0].length + 1 >= text.length) out.push(s, e);
      else if (/^目录$|^【[^】]{1,12}】$/.test(text)) out.push(s, e);
    }
    return out;
  },
};

/**
 * `【新政推送】 某某发布…`: a bracketed label standing at the head of a cut
 * piece, a blank after it, is a heading of its own.
 */
const leadingLabel: CutRule = {
  name: 'leading-label',
  cuts(raw) {
    const m = /^\s*【[^】]{1,12}】(?=[\s\u3000])/.exec(raw);
    return m && raw.slice(m[0].length).trim().length > 0 ? [m[0].length] : [];
  },
};

/** The cut rules over a whole line, in order; their cuts are merged. */
export const LINE_CUTS: readonly CutRule[] = [contentsLeaders, mastheadRun, inlineStamp];
/** The cut rules over each piece cut so far (a piece's head is where a headline may stand). */
export const PIECE_CUTS: readonly CutRule[] = [leadingLabel, headlineLead];

/** Lines near the top of a text, where a page's headline stands. */
const HEADLINE_LINES = 12;

/** The cuts the rules make inside `raw`, ascending, each once. */
function cutsOf(rules: readonly CutRule[], raw: string): number[] {
  const cuts: number[] = [];
  for (const rule of rules) for (const c of rule.cuts(raw)) if (c > 0 && c < raw.length) cuts.push(c);
  if (cuts.length < 2) return cuts;
  sortNumbers(cuts);
  let n = 1;
  for (let k = 1; k < cuts.length; k++) if (cuts[k] !== cuts[n - 1]) cuts[n++] = cuts[k]!;
  cuts.length = n;
  return cuts;
}

/** Cut one physical line where a rule says; one line when no rule applies. */
export function splitFlattened(source: string, line: Line): Line[] {
  // Folding keeps the length: a raw line shorter than CUT_MIN is short trimmed too (most lines), and is not sliced.
  if (line.end - line.start < CUT_MIN) return [line];
  const raw = fold(source.slice(line.start, line.end));
  if (raw.trim().length < CUT_MIN) return [line];
  const lineCuts = cutsOf(LINE_CUTS, raw);
  // Below the headline lines, a line no whole-line rule cuts is not cut at all.
  if (lineCuts.length === 0 && line.number > HEADLINE_LINES) return [line];
  const ranges: Array<[number, number]> = [];
  let from = 0;
  for (const c of [...lineCuts, raw.length]) {
    ranges.push([from, c]);
    from = c;
  }
  const pieces: Array<[number, number]> = [];
  for (const [a, b] of ranges) {
    const sub = raw.slice(a, b);
    const inner = line.number <= HEADLINE_LINES || ranges.length > 1 ? cutsOf(PIECE_CUTS, sub) : [];
    let f = a;
    for (let k = 0; k <= inner.length; k++) {
      const c = k < inner.length ? a + inner[k]! : b;
      pieces.push([f, c]);
      f = c;
    }
  }
  if (pieces.length === 1) return [line];
  const out: Line[] = [];
  for (const [a, b] of pieces) {
    const piece = cleanLine(source, line.start + a, line.start + b);
    if (piece.text.length > 0) out.push({ start: line.start + a, end: line.start + b, number: line.number, piece });
  }
  return out.length > 0 ? out : [line];
}

/** Every cut rule, whole-line ones first (for the tests that name them). */
export const CUT_RULES_FOR_TESTS: readonly CutRule[] = [...LINE_CUTS, ...PIECE_CUTS];
