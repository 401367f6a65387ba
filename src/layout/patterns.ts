/**
 * Line patterns of the layout, matched on the folded view of a cleaned line
 * (full-width punctuation, ASCII digits, simplified characters, no blanks
 * beside CJK). Each pattern is small; `lineKind` tries them in order.
 */
import {
  CREDIT_LABELS,
  LEAD_OPENERS,
  MASTHEAD_NOISE,
  META_LABELS,
  RECIPIENT_LABELS,
  SECTION_NAMES,
  SOURCE_LABELS,
  WIDGET_WORDS,
  BOILERPLATE_LABELS,
} from '../lexicon/layout.js';

import { sidesJoinedAt } from '../extract/organizations.js';
import { CharSet, StartIndex, codeUnitTable } from '../lexicon/wordindex.js';
import { onLexicon } from '../lexicon/user.js';
import { isMainHan } from '../text/normalize.js';

const alt = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length).join('|');

export const CN_DIGIT = '[一二三四五六七八九十]';
/** Bullet glyphs that open an item as a number does. */
const BULLET = '●•◆◇■□▲△★☆▶►▸▪○◎◉❖✦✧※➢➤♦▷';
const ORNAMENT = `[${BULLET}▌▍▎│|\\s]`;
const CN_COUNT = '[一二三四五六七八九十百零〇]+';

/** A date at the very start: `6月16日`, `2023年7月26日`, `二〇二三年十月`, `2023-11-03`. */
const DATE_START = new RegExp(
  `^(?:[${BULLET}·\\-—*]\\s*)?(?:` +
    `(?:(?:\\d{4}|[〇零一二三四五六七八九]{4})年)?(?:\\d{1,2}|十[一二]?|[一二三四五六七八九])月(?:\\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])(?:日|号|[至到—–\\-~～])` +
    `|\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}(?!\\d))`,
);

export const HEADING_PATTERNS: Array<{ style: string; re: RegExp }> = [
  { style: 'part', re: new RegExp(`^第${CN_COUNT}(?:部分|篇|章)`) },
  { style: 'cn-dun', re: new RegExp(`^${CN_DIGIT}{1,3}[、．.]`) },
  { style: 'cn-paren', re: new RegExp(`^[（(]${CN_DIGIT}{1,3}[）)]`) },
  { style: 'bracket', re: /^【[^】]{1,24}】$|^\[[^\]]{1,24}\]$|^〖[^〗]{1,24}〗$/ },
  // A section's name alone on its line, perhaps between ornaments (`他山之石`, `◆校企合作◆`).
  { style: 'bracket', re: new RegExp(`^${ORNAMENT}*(?:${alt(SECTION_NAMES)})${ORNAMENT}*$`) },
];
/** What JavaScript's `\s` matches (ORNAMENT allows it before a section's name). */
const JS_SPACES = '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
/**
 * Every character a HEADING_PATTERNS pattern can start with: 第, a Chinese
 * numeral, an opening bracket, an ornament or blank, or the first character
 * of a section's name. A line starting with any other is no heading, and most
 * lines are turned away by one load (a test checks the patterns against it).
 */
const HEADING_FIRST = codeUnitTable();
function markHeadingStarts(): void {
  for (const c of `第一二三四五六七八九十（(【[〖${BULLET}▌▍▎│|${JS_SPACES}`) HEADING_FIRST[c.charCodeAt(0)] = 1;
  for (const w of SECTION_NAMES) if (w.length > 0) HEADING_FIRST[w.charCodeAt(0)] = 1;
}
markHeadingStarts();

/** Can a heading pattern match `view` at all (its first character)? */
export function headingMayStart(view: string): boolean {
  return view.length > 0 && HEADING_FIRST[view.charCodeAt(0)] === 1;
}

// A user lexicon's section names stand alone as headings too.
onLexicon((l) => {
  const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  SECTION_NAMES.push(...l.sections.map(([w]) => w));
  HEADING_PATTERNS[HEADING_PATTERNS.length - 1] = { style: 'bracket', re: new RegExp(`^${ORNAMENT}*(?:${alt(SECTION_NAMES.map(escape))})${ORNAMENT}*$`) };
  markHeadingStarts();
});

/** Numbered items' openings; `opens` lists the characters each can start with (see numberedPrefix). */
export const NUMBERED_PATTERNS: Array<{ style: string; re: RegExp; opens: string }> = [
  { style: 'num-paren', re: /^[（(]\d{1,3}[）)]\s*/, opens: '（(' },
  // Chinese numerals number items when what follows is a title, not a section name (see headingStyle).
  { style: 'cn-paren-item', re: new RegExp(`^[（(]${CN_DIGIT}{1,3}[）)]\\s*`), opens: '（(' },
  { style: 'cn-dun-item', re: new RegExp(`^${CN_DIGIT}{1,3}[、．.]\\s*`), opens: '一二三四五六七八九十' },
  // `1.` before a digit is a decimal (`1.5亿元`) unless a date follows (`1．12月9日，…`).
  { style: 'num-dot', re: /^\d{1,3}\s*(?:、|[.．](?![\d.．])|[.．](?=\s*\d{1,4}\s*[年月]))\s*/, opens: '0123456789' },
  { style: 'circled', re: /^[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]\s*/, opens: '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳' },
  // A bullet glyph marks an item as a number does (`●6月12日，…`): layout, not text.
  { style: 'bullet', re: new RegExp(`^[${BULLET}]\\s*`), opens: BULLET },
  // A bracketed label opening an item (`【校地合作】6月5日，…`); an editor's note is not an item.
  { style: 'label', re: /^【(?!编者|按语|卷首)[^】\n]{1,12}】\s*/, opens: '【' },
];

const SOURCE_RE = new RegExp(
  `^[（(]\\s*(?:${alt(SOURCE_LABELS)})\\s*[：:]\\s*([^）)]{1,60}?)\\s*[）)]$|^(?:${alt(SOURCE_LABELS)})\\s*[：:]\\s*(.{1,60})$`,
  'd',
);
/**
 * A bracketed credit without a colon: `（摘自《中国教育报》2024年5月10日）`,
 * `（据新华社报道）`. The source is the publication in book-title marks, or the
 * words after the verb less a trailing date and `报道`/`消息`.
 */
const SOURCE_BARE_RE = /^[（(]\s*(?:摘自|转自|摘编自|转载自|选自|据(?!统计|了解|悉|介绍|调查|测算))\s*(?:《([^》]{1,40})》[^）)]{0,20}|([^）)《》：:，。]{2,30}?)(?:\d{4}年\d{1,2}月\d{1,2}日)?(?:报道|消息|讯)?)\s*[）)]$/d;
const SOURCE_LEAD = new RegExp(`^[（(]?\\s*(?:${alt(SOURCE_LABELS)})\\s*[：:]`);
const OTHER_META = new RegExp(`.(?:${alt(META_LABELS.filter((w) => !w.includes('来源')))})\\s*[：:]`);
const META_RE = new RegExp(`^(?:${alt(META_LABELS)})\\s*[：:]`);
const CREDIT_RE = new RegExp(`^[（(\\[【]?\\s*(?:${alt(CREDIT_LABELS)})(?:[、/／和及](?:${alt(CREDIT_LABELS)}))*\\s*(?:[：:|｜/／]|\\s)`);
const RECIPIENT_RE = new RegExp(`^(${RECIPIENT_LABELS.map(([w]) => w).sort((a, b) => b.length - a.length).join('|')})\\s*[：:]\\s*(.*)$`);
const LEAD_RE = new RegExp(`^[（(]?(?:${alt(LEAD_OPENERS)})`);
export const IMAGE_RE = /^(?:img|dsc|image|pic|photo|微信图片)[_\-\s]?\w*|^\S{0,40}\.(?:jpe?g|png|gif|bmp|webp|tiff?)$|^\[(?:图片|image)\]|^图\s*\d+(?:\s|$|[：:])|^(?:图为|图片说明|[▲△](?!\s*(?:\d{4}年)?\d{1,2}月))/i;
export const NAV_RE = /^(?:首页|当前位置|您的位置|您现在的位置|位置)\s*[：:>＞»]|^首页\s*[>＞»/]|[>＞»]\s*正文$/;
/** The controls of a web page copied along with an article: font size, print, close, previous/next, share. */
export const WEB_CHROME = /^[【\[]?\s*(?:字体|字号)\s*[：:]\s*[大中小默认\s]+[】\]]?$|^(?:上一篇|下一篇|上一条|下一条|上篇|下篇)\s*[：:]|^(?:相关新闻|相关阅读|推荐阅读|热点新闻|分享到|扫一扫)\s*[：:]?|^(?:[【\[]?(?:打印本页|打印|关闭窗口|关闭|返回顶部|返回列表|收藏)[】\]]?\s*)+$/;
/** A rule drawn across the page (`━━━━`, `————`, `＿＿＿＿`, `====`). */
export const RULE_RE = /^[━─—–_＿=＝\-~～*＊·]{4,}$/;
export const TOC_RE = /(?:\.{3,}|…{2,}|·{3,}|-{4,}|_{4,}|—{3,})\s*\d{1,4}$|^目\s*录$|^本期(?:导读|要目)$/;
/** An editor's note (`编者按：…`) introduces the issue; it is not a news item. */
/** `共印20份`, `（共印发50份）`, `…处 2024年5月30日印发`: the print line at the foot of a paper briefing. */
export const PRINT_RUN = /^[（(]?共印(?:发|制)?\s*\d+\s*份[）)]?$|^.{0,30}(?:\d{1,2}|[一二三四五六七八九十]{1,3})日\s*印发$/;
/** `（完）`, `【全文完】`: the end mark of an article. */
export const END_MARK = /^[（(【\[]?(?:完|全文完|本文完|本期完|结束)[）)】\]]?$/;
export const EDITOR_NOTE = /^[【[（(]?(?:编者按|编者的话|编者|卷首语|按语)[】\]）)]?[：:]/;
const PAGE_RE = /^(?:[-—–]\s*\d{1,4}\s*[-—–]|\d{1,4}\s*\/\s*\d{1,4}|\d{1,3}|第\s*\d{1,4}\s*页(?:\s*[，,]?\s*共\s*\d{1,4}\s*页)?|共\s*\d{1,4}\s*页\s*第\s*\d{1,4}\s*页|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$/i;

/**
 * The issue line: `〔2023〕第3期(总第38期)`, `2016年第1期(总第1期)`,
 * `2021年1月第3期总第104期`, `第12期`.
 *
 * Each optional part carries the spaces after it, and a match opens a run of
 * spaces only at its start (`(?<!\s)`): written with a `\s*` between every two
 * optional parts, a run of spaces could be split among them in as many ways as
 * a power of its length, and every way was tried before a line failed
 * (`某某处编` and 20 spaces before a date took 3 ms, 160 spaces 75 s). It matches
 * what that form matched, at the same index, with the same groups.
 */
export const ISSUE_RE =
  /(?:[〔[（(【]\s*|(?<!\s)\s*)(?:((?:19|20)\d{2}|[一二][〇零○九][〇零○一二三四五六七八九]{2})\s*)?(?:[〕\]）)】]\s*)?(?:年\s*)?(?:(\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月\s*)?第\s*(\d{1,4}|[一二三四五六七八九十百零〇]{1,5})\s*期\s*(?:[（(]\s*)?(?:总\s*(?:第\s*)?(\d{1,5}|[一二三四五六七八九十百千零〇]{1,8})\s*期\s*)?[）)]?/;

export type LineKind =
  | 'blank'
  | 'page-number'
  | 'heading'
  | 'numbered'
  | 'date-led'
  | 'lead'
  | 'source'
  | 'meta'
  | 'stamp'
  | 'credit'
  | 'image'
  | 'caption'
  | 'widget'
  | 'furniture'
  | 'nav'
  | 'toc'
  | 'recipients'
  | 'issue'
  | 'masthead-noise'
  | 'text';

/** Longest line that can be a heading: longer ones are prose that starts with `一、`. */
const HEADING_MAX = 40;

/**
 * `一、` and `（一）` open sections (`（一）校地合作`) but also number items whose
 * text is a news title (`（一）我校与东山市签署战略合作协议`). A section name is
 * short and reports no event; an item title is longer or tells what happened.
 */
const HEADING_TEXT_MAX = 16;
const EVENT_WORDS = /签署|签订|签约|续签|协议|合同|备忘录|意向书|举行|召开|举办|赴|访问|来访|调研|考察|揭牌|成立|会见|出席|共建|携手|开展|参加|走访|座谈|《/;

function sectionNameLike(text: string): boolean {
  if (text.length > HEADING_TEXT_MAX || EVENT_WORDS.test(text)) return false;
  // `学校与北港集团深化合作` joins two sides: an item. `校地合作与交流` joins two topics: a section.
  return sidesJoinedAt(text) < 2;
}

export function headingStyle(view: string): string | null {
  if (!headingMayStart(view)) return null;
  if (view.length > HEADING_MAX || /[。；！？]/.test(view.slice(0, -1)) || /[，；]$/.test(view)) return null;
  for (const { style, re } of HEADING_PATTERNS) {
    const m = re.exec(view);
    if (!m) continue;
    if ((style === 'cn-dun' || style === 'cn-paren') && !sectionNameLike(view.slice(m[0].length).trim())) return null;
    return style;
  }
  return null;
}

/**
 * Every character a NUMBERED_PATTERNS pattern can start with (each opens with
 * a required bracket, numeral, digit, circled number, bullet or 【), and for
 * each the patterns that can open with it, in their order: a line starting
 * with any other is numbered by none and turned away by one load, and a line
 * is tried against those alone (a `（` line against two patterns, not seven).
 * A test checks that numberedPrefix answers as every pattern tried in turn does.
 */
export const NUMBERED_STARTS = NUMBERED_PATTERNS.map((p) => p.opens).join('');
const NUMBERED_FIRST = new CharSet(NUMBERED_STARTS);
const NUMBERED_BY_FIRST = new Map<number, Array<{ style: string; re: RegExp }>>();
for (const p of NUMBERED_PATTERNS) {
  for (const c of p.opens) {
    const code = c.charCodeAt(0);
    const list = NUMBERED_BY_FIRST.get(code) ?? [];
    list.push(p);
    NUMBERED_BY_FIRST.set(code, list);
  }
}

export function numberedPrefix(view: string): { style: string; length: number } | null {
  if (!NUMBERED_FIRST.at(view, 0)) return null;
  // Only the patterns that can open with this character are tried, in their order.
  const first = NUMBERED_BY_FIRST.get(view.charCodeAt(0));
  if (first === undefined) return null;
  for (const { style, re } of first) {
    const m = re.exec(view);
    if (m && m[0].length < view.length) return { style, length: m[0].length };
  }
  return null;
}

export function isDateLed(view: string): boolean {
  return DATE_START.test(view);
}

export function sourceOf(view: string): { text: string; index: number } | null {
  const m = SOURCE_RE.exec(view) ?? SOURCE_BARE_RE.exec(view);
  if (!m) return null;
  const group = m[1] !== undefined ? 1 : 2;
  const text = m[group]!.trim();
  if (!text) return null;
  const at = m.indices![group]![0];
  return { text, index: view.indexOf(text, at) };
}

/**
 * The source named inside a web page's meta line (`发布时间：… 来源：合作发展处
 * 浏览次数：…`): it runs to a blank or the next label, whose blank may have been
 * removed between Han characters.
 */
const META_SOURCE_RE = new RegExp(
  `(?:${alt(SOURCE_LABELS)})\\s*[：:]\\s*([^\\s：:|｜]{1,30}?)(?=\\s|$|[（(|｜]|(?:19|20)\\d{2}[-/.年]|(?:${alt([...META_LABELS, ...CREDIT_LABELS])})\\s*[：:])`,
  'd',
);

export function metaSourceOf(view: string): { text: string; index: number } | null {
  const m = META_SOURCE_RE.exec(view);
  if (!m) return null;
  const [start, end] = m.indices![1]!;
  return { text: view.slice(start, end), index: start };
}

export function recipientsOf(view: string): { field: 'to' | 'cc'; rest: number } | null {
  const m = RECIPIENT_RE.exec(view);
  if (!m) return null;
  const label = m[1]!;
  const field = RECIPIENT_LABELS.find(([w]) => w === label)![1];
  return { field, rest: m[0].length - m[2]!.length };
}

/**
 * A web page's publication stamp: a date and time (`2025-05-20 10:32`), or a
 * date before a meta label (`2025-05-20 来源：合作发展处`, `2025年5月20日 作者：…`).
 */
const STAMP_RE = new RegExp(
  `^(?:\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}|\\d{4}年\\d{1,2}月\\d{1,2}日)\\s*(?:\\d{1,2}[:：]\\d{2}(?:[:：]\\d{2})?\\s*$|(?:\\d{1,2}[:：]\\d{2}(?:[:：]\\d{2})?\\s*)?(?:${alt([...SOURCE_LABELS, ...META_LABELS, ...CREDIT_LABELS])})\\s*[：:])`,
);

/** A full date, with its year (`2024-07-21`, `2024年07月21日`, `2024/7/21`). */
export const FULL_DATE = /(?:19|20)\d{2}\s*(?:[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}(?!\d)|年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)/;
/** A time of day after a date (`16:52`, `20:44:48`). */
export const TIME_OF_DAY = /(?<!\d)\d{1,2}\s*[:：]\s*\d{2}(?:\s*[:：]\s*\d{2})?(?!\d)/;
const LABEL_ANYWHERE = new RegExp(`(?:${alt([...SOURCE_LABELS, ...META_LABELS, ...CREDIT_LABELS])})\\s*[：:]`, 'g');

/** The controls of a page, said in words (font size, share, scan, print, counters). */
const WIDGET_INDEX = new StartIndex(WIDGET_WORDS);
const isHanCode = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);

/** How many characters of `view` widget words cover (longest first, left to right), and how many are left over. */
function widgetCover(view: string): { words: number; left: number } {
  let words = 0;
  let left = 0;
  for (let i = 0; i < view.length; ) {
    const w = WIDGET_INDEX.startingAt(view, i);
    if (w) {
      if (w.length > 1) words += w.length;
      i += w.length;
      continue;
    }
    if (isHanCode(view.charCodeAt(i))) left++;
    i++;
  }
  return { words, left };
}

/**
 * `2024年07月21日16:52 | 来源：某某网`, `某某时讯 2020-07-17 08:26 大字`,
 * `作者：某某大学 2021-12-14 20:44:48`, `date 2025-12-09`: a line that dates
 * a page. A full date, with a time or a meta label beside it, no clause
 * break, and little else: a site's name, a label's value, a widget word.
 */
export function stampShaped(view: string): boolean {
  if (view.length > 100 || /[。，；！？]/.test(view)) return false;
  const date = FULL_DATE.exec(view);
  if (!date) return false;
  let rest = view.slice(0, date.index) + ' ' + view.slice(date.index + date[0].length);
  const time = TIME_OF_DAY.exec(rest);
  if (time) rest = rest.slice(0, time.index) + ' ' + rest.slice(time.index + time[0].length);
  const labels = rest.match(LABEL_ANYWHERE)?.length ?? 0;
  rest = rest.replace(LABEL_ANYWHERE, ' ');
  const latinLabel = /^\s*[A-Za-z]{2,12}\s*[:：]?\s*$/.test(rest);
  if (!time && labels === 0 && !latinLabel) return false;
  const { left } = widgetCover(rest);
  return left <= (labels > 0 ? 16 : 8);
}

/**
 * `大字号`, `用微信扫描二维码`, `分享到`, `阅读 1024`: a short line made of the
 * words of a page's controls (at least one of two characters or more), with
 * no more than two other characters.
 */
export function widgetShaped(view: string): boolean {
  if (view.length > 30) return false;
  const { words, left } = widgetCover(view);
  return words >= 2 && left <= 2 && left < words;
}

/** `17D40`, `1579D`, `250611-1_Shandong`: a picture's identifier, letters and digits with no word in them. */
export function imageIdShaped(view: string): boolean {
  if (!/^[A-Za-z0-9][A-Za-z0-9_\-.]{2,39}$/.test(view) || !/\d/.test(view)) return false;
  return /[A-Za-z_]/.test(view) || view.replace(/\D/g, '').length >= 5;
}

/** `（资料图片仅供参考）`, `(签署战略合作协议)`: a line wholly in brackets, short, no sentence: a picture's caption. */
function bracketCaption(view: string): boolean {
  return /^[（(][^（）()]{2,40}[）)]$/.test(view) && !/[。；]/.test(view);
}

/** Mostly Latin letters (a notice or a translation copied along): not the record's text. */
function latinLine(view: string): boolean {
  const n = view.length;
  if (n < 20) return false;
  let latin = 0;
  let han = 0;
  for (let i = 0; i < n; i++) {
    const c = view.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) latin++;
    else if (isHanCode(c)) {
      han++;
      // The rest of the line, all letters, could no longer outweigh its Han characters five to one (most lines: Chinese prose).
      if (han * 5 > latin + (n - 1 - i)) return false;
    }
  }
  return latin >= 20 && han * 5 <= latin;
}

/** No letter and no digit at all (`|`, `----`, `* * *`). */
export const SYMBOLS_ONLY = /^[^\p{L}\p{N}]+$/u;

/** `版权声明：…`, `Copyright © …`, `原标题：…`, `联系电话：…`: the boilerplate around an article. */
export const BOILERPLATE = new RegExp(`^(?:[【\\[（(]?(?:${alt(BOILERPLATE_LABELS)})[】\\]）)]?\\s*[：:]|(?:版权所有|copyright|©|\\(c\\))|.{0,20}icp[备证])`, 'i');

/** The characters an IMAGE_RE form without a file name's dot can open with (its letters in either case: it ignores case). */
const IMAGE_FIRST = new CharSet('iIdDpP微[图▲△');
/** The first characters of BOILERPLATE's forms: a bracket, a label's first character in either case, a copyright mark. */
const BOILERPLATE_FIRST = new CharSet(
  '【[（(版©' + BOILERPLATE_LABELS.map((w) => w.charAt(0)).flatMap((c) => [c, c.toLowerCase(), c.toUpperCase()]).join('') + 'cC',
);
const isAsciiDigit = (c: number) => c >= 0x30 && c <= 0x39;
/** The first characters of NAV_RE's breadcrumbs (the third form ends in 正文). */
const NAV_FIRST = new CharSet('首当您位');
/** The first characters of WEB_CHROME's forms (a bracket, a blank before 字体/字号, a control's first character). */
const CHROME_FIRST = new CharSet(`【[${JS_SPACES}字上下相推热分扫打关返收`);
/** The first characters of EDITOR_NOTE and END_MARK. */
const NOTE_FIRST = new CharSet('【[（(编卷按完全本结');

interface LineClassifier {
  /** The classifier's name, shown by `briefing eval --verbose`. */
  name: string;
  kind: LineKind;
  test: (view: string) => boolean;
}

/**
 * The line classifiers, in order: the first that accepts a line gives its kind.
 * Each is small and general; its examples are in its doc comment above or here.
 */
export const LINE_CLASSIFIERS: readonly LineClassifier[] = [
  { name: 'page-number', kind: 'page-number', test: (v) => PAGE_RE.test(v) },
  /** `━━━━`, `|`, `* * *`. */
  // A line opening with a Han ideograph (a letter, and no rule glyph) is neither (most lines).
  { name: 'rule', kind: 'furniture', test: (v) => !isMainHan(v.charCodeAt(0)) && (RULE_RE.test(v) || SYMBOLS_ONLY.test(v)) },
  // Leaders end in a page number; the two titles open with 目 and 本.
  { name: 'contents-leaders', kind: 'toc', test: (v) => (isAsciiDigit(v.charCodeAt(v.length - 1)) || v.startsWith('目') || v.startsWith('本')) && TOC_RE.test(v) },
  /** `来源：合作发展处  作者：王晓  发布时间：…`: a web page's meta line, not an article's source line. */
  { name: 'meta-with-source', kind: 'meta', test: (v) => v.length <= 160 && SOURCE_LEAD.test(v) && OTHER_META.test(v) },
  // A source line never prints a time of day: `来源：某某网 2024-05-06 10:00` is a stamp.
  { name: 'source', kind: 'source', test: (v) => v.length <= 80 && sourceOf(v) !== null && !(FULL_DATE.test(v) && TIME_OF_DAY.test(v)) },
  { name: 'recipients', kind: 'recipients', test: (v) => v.length <= 200 && recipientsOf(v) !== null },
  // A breadcrumb opens with one of NAV_FIRST or ends in 正文; a page control with one of CHROME_FIRST.
  { name: 'navigation', kind: 'nav', test: (v) => ((NAV_FIRST.at(v, 0) || v.endsWith('正文')) && NAV_RE.test(v)) || (v.length <= 60 && CHROME_FIRST.at(v, 0) && WEB_CHROME.test(v)) },
  { name: 'meta-label', kind: 'meta', test: (v) => v.length <= 120 && META_RE.test(v) && !/[。]$/.test(v) },
  { name: 'stamp', kind: 'stamp', test: (v) => stampShaped(v) || (v.length <= 120 && STAMP_RE.test(v) && !/[。]$/.test(v)) },
  { name: 'credit', kind: 'credit', test: (v) => v.length <= 60 && CREDIT_RE.test(v) && !/[。，]/.test(v.slice(0, -1)) },
  // Each form opens with one of IMAGE_FIRST or ends in a file name's dot and extension.
  { name: 'image-name', kind: 'image', test: (v) => v.length <= 40 && (IMAGE_FIRST.at(v, 0) || v.includes('.')) && IMAGE_RE.test(v) },
  { name: 'image-id', kind: 'image', test: imageIdShaped },
  { name: 'widget', kind: 'widget', test: widgetShaped },
  // A label, a copyright mark, or an ICP number (备案 or 证) within the line's first words.
  { name: 'boilerplate', kind: 'furniture', test: (v) => (BOILERPLATE_FIRST.at(v, 0) || v.includes('备') || v.includes('证')) && BOILERPLATE.test(v) },
  { name: 'latin', kind: 'furniture', test: latinLine },
  { name: 'heading', kind: 'heading', test: (v) => headingStyle(v) !== null },
  { name: 'numbered', kind: 'numbered', test: (v) => numberedPrefix(v) !== null },
  { name: 'date-led', kind: 'date-led', test: isDateLed },
  { name: 'lead', kind: 'lead', test: (v) => LEAD_RE.test(v) },
  // Both forms print 期: a line without it is no issue line.
  { name: 'issue', kind: 'issue', test: (v) => v.length <= 40 && v.includes('期') && (ISSUE_RE.test(v) || /^[（(]?总第\s*\S{1,8}\s*期[）)]?$/.test(v)) && !/[。，]/.test(v) },
  { name: 'masthead-word', kind: 'masthead-noise', test: (v) => v.length <= 12 && MASTHEAD_NOISE.some((w) => v === w || v.startsWith(w)) },
  // An editor's note and an end mark open with one of NOTE_FIRST; both forms of the print line print 印.
  { name: 'editor-note', kind: 'masthead-noise', test: (v) => (NOTE_FIRST.at(v, 0) && (EDITOR_NOTE.test(v) || END_MARK.test(v))) || (v.includes('印') && PRINT_RUN.test(v)) },
  { name: 'bracket-caption', kind: 'caption', test: bracketCaption },
];

/**
 * The index in LINE_CLASSIFIERS of the classifier that takes a line, or
 * BLANK_LINE (empty) or TEXT_LINE (none takes it): reflow keeps the number,
 * where a pair of strings for each line was an object to make.
 */
export function classifierOf(view: string): number {
  if (view.length === 0) return BLANK_LINE;
  for (let i = 0; i < LINE_CLASSIFIERS.length; i++) if (LINE_CLASSIFIERS[i]!.test(view)) return i;
  return TEXT_LINE;
}
export const BLANK_LINE = -1;
export const TEXT_LINE = LINE_CLASSIFIERS.length;

/** The kind of a line and the classifier that gave it. */
export function classifyLine(view: string): { kind: LineKind; by: string } {
  const i = classifierOf(view);
  if (i === BLANK_LINE) return { kind: 'blank', by: 'blank' };
  if (i === TEXT_LINE) return { kind: 'text', by: 'text' };
  const c = LINE_CLASSIFIERS[i]!;
  return { kind: c.kind, by: c.name };
}

export function lineKind(view: string): LineKind {
  return classifyLine(view).kind;
}

/** A source, credit or end mark in brackets closing a paragraph: `（来源：南山大学新闻网）`, `（摘自《中国教育报》）`, `（完）`. */
const TRAILING_CREDIT = new RegExp(`[（(]\\s*(?:(?:${alt([...SOURCE_LABELS, ...CREDIT_LABELS])})\\s*[：:]?[^（）()]{1,40}|完)[）)]$`);

/** The source a paragraph's closing bracket credits (`…。（来源：南山大学新闻网）` → 南山大学新闻网), or null. */
export function trailingSourceOf(view: string): { text: string; index: number } | null {
  // The expression ends in the closing bracket: a paragraph that ends otherwise credits nothing.
  const last = view.charCodeAt(view.length - 1);
  if (last !== 0xff09 && last !== 0x29) return null;
  const m = TRAILING_SOURCE.exec(view);
  if (!m || m.index === 0) return null;
  const text = m[1]!.trim();
  return text ? { text, index: view.indexOf(text, m.index) } : null;
}
export const TRAILING_SOURCE = new RegExp(`(?<=[。！？；.!?])[（(]\\s*(?:${alt(SOURCE_LABELS)})\\s*[：:]\\s*([^（）()]{1,40}?)\\s*[）)]$`);

/**
 * A headline may exclaim or ask (`喜报！东岭大学获批…`, `…如何打造新范式？`) when
 * it is short and holds no clause break; a longer line with one is a sentence.
 */
export function shortExclaimedTitle(view: string): boolean {
  return view.length <= 40 && !/[，,]/.test(view);
}

/** Does the text end a sentence? (`。` `！` `？` `；`, possibly inside closing quotes.) */
export function endsSentence(view: string): boolean {
  // A credit in brackets after the last sentence (`…合作。（来源：南山大学新闻网）`) ends it too.
  if (view.endsWith('）') || view.endsWith(')')) {
    const credit = TRAILING_CREDIT.exec(view);
    if (credit && credit.index > 0) view = view.slice(0, credit.index);
  }
  let i = view.length - 1;
  while (i >= 0 && /[”’」』）)]/.test(view[i]!)) i--;
  if (i < 0) return false;
  const c = view[i]!;
  if ('。！？；!?;'.includes(c)) return true;
  if (c === '.' && i > 0 && !/[\d.A-Za-z]/.test(view[i - 1]!)) return true;
  return false;
}
