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
} from '../lexicon/layout.js';

import { sidesJoinedAt } from '../extract/organizations.js';

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

export const NUMBERED_PATTERNS: Array<{ style: string; re: RegExp }> = [
  { style: 'num-paren', re: /^[（(]\d{1,3}[）)]\s*/ },
  // Chinese numerals number items when what follows is a title, not a section name (see headingStyle).
  { style: 'cn-paren-item', re: new RegExp(`^[（(]${CN_DIGIT}{1,3}[）)]\\s*`) },
  { style: 'cn-dun-item', re: new RegExp(`^${CN_DIGIT}{1,3}[、．.]\\s*`) },
  // `1.` before a digit is a decimal (`1.5亿元`) unless a date follows (`1．12月9日，…`).
  { style: 'num-dot', re: /^\d{1,3}\s*(?:、|[.．](?![\d.．])|[.．](?=\s*\d{1,4}\s*[年月]))\s*/ },
  { style: 'circled', re: /^[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]\s*/ },
  // A bullet glyph marks an item as a number does (`●6月12日，…`): layout, not text.
  { style: 'bullet', re: new RegExp(`^[${BULLET}]\\s*`) },
  // A bracketed label opening an item (`【校地合作】6月5日，…`); an editor's note is not an item.
  { style: 'label', re: /^【(?!编者|按语|卷首)[^】\n]{1,12}】\s*/ },
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
const CREDIT_RE = new RegExp(`^[（(\\[【]?\\s*(?:${alt(CREDIT_LABELS)})\\s*(?:[：:|｜/／]|\\s)`);
const RECIPIENT_RE = new RegExp(`^(${RECIPIENT_LABELS.map(([w]) => w).sort((a, b) => b.length - a.length).join('|')})\\s*[：:]\\s*(.*)$`);
const LEAD_RE = new RegExp(`^[（(]?(?:${alt(LEAD_OPENERS)})`);
const IMAGE_RE = /^(?:img|dsc|image|pic|photo|微信图片)[_\-\s]?\w*|^\S{0,40}\.(?:jpe?g|png|gif|bmp|webp|tiff?)$|^\[(?:图片|image)\]|^图\s*\d+(?:\s|$|[：:])|^(?:图为|图片说明|[▲△](?!\s*(?:\d{4}年)?\d{1,2}月))/i;
const NAV_RE = /^(?:首页|当前位置|您的位置|您现在的位置|位置)\s*[：:>＞»]|^首页\s*[>＞»/]|[>＞»]\s*正文$/;
/** The controls of a web page copied along with an article: font size, print, close, previous/next, share. */
const WEB_CHROME = /^[【\[]?\s*(?:字体|字号)\s*[：:]\s*[大中小默认\s]+[】\]]?$|^(?:上一篇|下一篇|上一条|下一条|上篇|下篇)\s*[：:]|^(?:相关新闻|相关阅读|推荐阅读|热点新闻|分享到|扫一扫)\s*[：:]?|^(?:[【\[]?(?:打印本页|打印|关闭窗口|关闭|返回顶部|返回列表|收藏)[】\]]?\s*)+$/;
/** A rule drawn across the page (`━━━━`, `————`, `＿＿＿＿`, `====`). */
const RULE_RE = /^[━─—–_＿=＝\-~～*＊·]{4,}$/;
const TOC_RE = /(?:\.{3,}|…{2,}|·{3,}|-{4,}|_{4,}|—{3,})\s*\d{1,4}$|^目\s*录$|^本期(?:导读|要目)$/;
/** An editor's note (`编者按：…`) introduces the issue; it is not a news item. */
/** `共印20份`, `（共印发50份）`, `…处 2024年5月30日印发`: the print line at the foot of a paper briefing. */
const PRINT_RUN = /^[（(]?共印(?:发|制)?\s*\d+\s*份[）)]?$|^.{0,30}(?:\d{1,2}|[一二三四五六七八九十]{1,3})日\s*印发$/;
/** `（完）`, `【全文完】`: the end mark of an article. */
const END_MARK = /^[（(【\[]?(?:完|全文完|本文完|本期完|结束)[）)】\]]?$/;
const EDITOR_NOTE = /^[【[（(]?(?:编者按|编者的话|编者|卷首语|按语)[】\]）)]?[：:]/;
const PAGE_RE = /^(?:[-—–]\s*\d{1,4}\s*[-—–]|\d{1,4}\s*\/\s*\d{1,4}|\d{1,3}|第\s*\d{1,4}\s*页(?:\s*[，,]?\s*共\s*\d{1,4}\s*页)?|共\s*\d{1,4}\s*页\s*第\s*\d{1,4}\s*页|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$/i;

/**
 * The issue line: `〔2023〕第3期(总第38期)`, `2016年第1期(总第1期)`,
 * `2021年1月第3期总第104期`, `第12期`.
 */
export const ISSUE_RE =
  /[〔[（(【]?\s*((?:19|20)\d{2}|[一二][〇零○九][〇零○一二三四五六七八九]{2})?\s*[〕\]）)】]?\s*(?:年)?\s*(?:(\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月)?\s*第\s*(\d{1,4}|[一二三四五六七八九十百零〇]{1,5})\s*期\s*[（(]?\s*(?:总\s*第?\s*(\d{1,5}|[一二三四五六七八九十百千零〇]{1,8})\s*期)?\s*[）)]?/;

export type LineKind =
  | 'blank'
  | 'page-number'
  | 'heading'
  | 'numbered'
  | 'date-led'
  | 'lead'
  | 'source'
  | 'meta'
  | 'credit'
  | 'image'
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
  if (view.length > HEADING_MAX || /[。；！？]/.test(view.slice(0, -1)) || /[，；]$/.test(view)) return null;
  for (const { style, re } of HEADING_PATTERNS) {
    const m = re.exec(view);
    if (!m) continue;
    if ((style === 'cn-dun' || style === 'cn-paren') && !sectionNameLike(view.slice(m[0].length).trim())) return null;
    return style;
  }
  return null;
}

export function numberedPrefix(view: string): { style: string; length: number } | null {
  for (const { style, re } of NUMBERED_PATTERNS) {
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
  `(?:${alt(SOURCE_LABELS)})\\s*[：:]\\s*([^\\s：:]{1,30}?)(?=\\s|$|[（(]|(?:${alt([...META_LABELS, ...CREDIT_LABELS])})\\s*[：:])`,
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

export function lineKind(view: string): LineKind {
  if (view.length === 0) return 'blank';
  if (PAGE_RE.test(view)) return 'page-number';
  if (RULE_RE.test(view)) return 'masthead-noise';
  if (TOC_RE.test(view)) return 'toc';
  // `来源：合作发展处  作者：王晓  发布时间：…` is a web page's meta line, not an article's source line.
  if (view.length <= 160 && SOURCE_LEAD.test(view) && OTHER_META.test(view)) return 'meta';
  if (view.length <= 80 && sourceOf(view)) return 'source';
  if (recipientsOf(view) && view.length <= 200) return 'recipients';
  if (NAV_RE.test(view) || (view.length <= 60 && WEB_CHROME.test(view))) return 'nav';
  if (view.length <= 120 && (META_RE.test(view) || STAMP_RE.test(view)) && !/[。]$/.test(view)) return 'meta';
  if (view.length <= 60 && CREDIT_RE.test(view) && !/[。，]/.test(view.slice(0, -1))) return 'credit';
  if (view.length <= 40 && IMAGE_RE.test(view)) return 'image';
  if (headingStyle(view)) return 'heading';
  if (numberedPrefix(view)) return 'numbered';
  if (isDateLed(view)) return 'date-led';
  if (LEAD_RE.test(view)) return 'lead';
  if (view.length <= 40 && (ISSUE_RE.test(view) || /^[（(]?总第\s*\S{1,8}\s*期[）)]?$/.test(view)) && !/[。，]/.test(view)) return 'issue';
  if (view.length <= 12 && MASTHEAD_NOISE.some((w) => view === w || view.startsWith(w))) return 'masthead-noise';
  if (EDITOR_NOTE.test(view) || PRINT_RUN.test(view) || END_MARK.test(view)) return 'masthead-noise';
  return 'text';
}

/** A source, credit or end mark in brackets closing a paragraph: `（来源：南山大学新闻网）`, `（摘自《中国教育报》）`, `（完）`. */
const TRAILING_CREDIT = new RegExp(`[（(]\\s*(?:(?:${alt([...SOURCE_LABELS, ...CREDIT_LABELS])})\\s*[：:]?[^（）()]{1,40}|完)[）)]$`);

/** The source a paragraph's closing bracket credits (`…。（来源：南山大学新闻网）` → 南山大学新闻网), or null. */
export function trailingSourceOf(view: string): { text: string; index: number } | null {
  const m = TRAILING_SOURCE.exec(view);
  if (!m || m.index === 0) return null;
  const text = m[1]!.trim();
  return text ? { text, index: view.indexOf(text, m.index) } : null;
}
const TRAILING_SOURCE = new RegExp(`(?<=[。！？；.!?])[（(]\\s*(?:${alt(SOURCE_LABELS)})\\s*[：:]\\s*([^（）()]{1,40}?)\\s*[）)]$`);

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
