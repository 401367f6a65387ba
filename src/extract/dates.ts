/**
 * Date mentions. Parsers find mentions in the folded view; a refiner then
 * gives each its year (explicit, inferred from the record or the masthead, or
 * unknown). Spans come from the record's Piece, so they point at the source
 * as printed (`8 月 18 日`, `２０２３年`).
 */
import type { DateMention, YearKind } from '../schema/index.js';
import type { Piece } from '../text/piece.js';
import { sortBy } from '../text/order.js';

/** A date as found, before its year is settled. */
export interface FoundDate {
  index: number;
  length: number;
  year: number | null;
  month: number;
  day: number;
  endYear: number | null;
  endMonth: number;
  endDay: number;
}

const CN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** `26`, `二十六`, `十一`, `三十` → number. */
export function numeral(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  const ten = s.indexOf('十');
  if (ten === -1) return CN_DIGITS[s] ?? NaN;
  const tens = ten === 0 ? 1 : (CN_DIGITS[s[0]!] ?? NaN);
  const ones = ten === s.length - 1 ? 0 : (CN_DIGITS[s[ten + 1]!] ?? NaN);
  return tens * 10 + ones;
}

/** `2023`, `二〇二三` → number (digit by digit). */
function yearNumeral(s: string): number {
  if (/^\d{4}$/.test(s)) return Number(s);
  return Number([...s].map((c) => CN_DIGITS[c] ?? 'x').join(''));
}

const Y = '(\\d{4}|[〇零一二三四五六七八九]{4})年';
const M = '(\\d{1,2}|十[一二]?|[一二三四五六七八九])月';
const D = '(\\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])';
// `12月30日至次年1月2日`: the next year is said in words (the end before the start moves it on anyway).
const SEP = '(?:(?:至|到)(?:次年|翌年|来年)?|—{1,2}|–|-|~|～|−|―)';

// Capture groups of DAY_RE, named so the extract code reads.
const G_YEAR = 1;
const G_MONTH = 2;
const G_DAY = 3;
const G_DAY_MARK = 4;
const G_RANGE = 5;
const G_END_YEAR = 6;
const G_END_MONTH = 7;
const G_END_DAY = 8;

/** `[2023年]6月16日`, `4月21日至23日`, `9月28日至10月2日`, `4月21-23日`. */
const DAY_RE = new RegExp(
  `(?<![\\d〇零一二三四五六七八九十])(?:${Y})?${M}${D}(日|号)?((?:${SEP})(?:(?:${Y})?${M})?${D}[日号])?`,
  'g',
);
/** A further day of a day list: `10月23日、29日`. */
const LIST_DAY_RE = new RegExp(`^、${D}[日号]`);
/** `2023-11-03`, `2023/11/03`, `2023.11.03`. */
const NUMERIC_RE = /(?<![\d.\-/])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\d.\-/]|\d)/g;

/**
 * Most that DAY_RE reads before its first 月: a year of four and 年, a month
 * of two (`二〇二四年十二月`). No match can start further before the first 月
 * at or after where the search stands.
 */
const BEFORE_MONTH = 4 + 1 + 2;

/**
 * DAY_RE's next match, its search moved on to a few characters before the
 * next 月 first: the regex tries its lookbehind at every position it passes,
 * and most of a record has no 月 near it.
 */
function nextDay(view: string): RegExpExecArray | null {
  const month = view.indexOf('月', DAY_RE.lastIndex);
  if (month === -1) return null;
  if (month - BEFORE_MONTH > DAY_RE.lastIndex) DAY_RE.lastIndex = month - BEFORE_MONTH;
  return DAY_RE.exec(view);
}

function daysIn(month: number, year: number | null): number {
  if (month === 2) return year === null || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function valid(year: number | null, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysIn(month, year) && (year === null || (year >= 1900 && year <= 2199));
}

export function findDates(view: string): FoundDate[] {
  const found: FoundDate[] = [];
  DAY_RE.lastIndex = 0;
  for (let m = nextDay(view); m; m = nextDay(view)) {
    const year = m[G_YEAR] ? yearNumeral(m[G_YEAR]) : null;
    const month = numeral(m[G_MONTH]!);
    const day = numeral(m[G_DAY]!);
    let length = m[0].length;
    let endYear = year;
    let endMonth = month;
    let endDay = day;
    if (m[G_RANGE]) {
      endMonth = m[G_END_MONTH] ? numeral(m[G_END_MONTH]) : month;
      endDay = numeral(m[G_END_DAY]!);
      endYear = m[G_END_YEAR] ? yearNumeral(m[G_END_YEAR]) : year === null ? null : endMonth < month ? year + 1 : year;
      const backwards = endMonth === month && endDay < day && !m[G_END_YEAR];
      if (!valid(endYear, endMonth, endDay) || backwards) {
        // Not a range after all: keep the first day if it stands alone.
        if (!m[G_DAY_MARK]) continue;
        length = m[0].length - m[G_RANGE].length;
        endYear = year;
        endMonth = month;
        endDay = day;
      }
    } else if (!m[G_DAY_MARK]) {
      DAY_RE.lastIndex = m.index + 1;
      continue;
    }
    if (!valid(year, month, day)) continue;
    found.push({ index: m.index, length, year, month, day, endYear, endMonth, endDay });
    if (!m[G_RANGE] && length === m[0].length) {
      // A day list continues the month: `10月23日、29日`.
      let at = m.index + length;
      for (let l = LIST_DAY_RE.exec(view.slice(at, at + 8)); l; l = LIST_DAY_RE.exec(view.slice(at, at + 8))) {
        const d = numeral(l[1]!);
        if (!valid(year, month, d)) break;
        found.push({ index: at + 1, length: l[0].length - 1, year, month, day: d, endYear: year, endMonth: month, endDay: d });
        at += l[0].length;
      }
      DAY_RE.lastIndex = at;
    }
  }
  // The day mentions above are in text order, and so are numeric matches: one
  // pointer finds the mention a match could overlap (a scan of all would be quadratic).
  const days = found.length;
  let j = 0;
  NUMERIC_RE.lastIndex = 0;
  for (let m = NUMERIC_RE.exec(view); m; m = NUMERIC_RE.exec(view)) {
    const year = Number(m[1]);
    const month = Number(m[3]);
    const day = Number(m[4]);
    if (!valid(year, month, day)) continue;
    while (j < days && found[j]!.index + found[j]!.length <= m.index) j++;
    if (j < days && found[j]!.index < m.index + m[0].length) continue;
    found.push({ index: m.index, length: m[0].length, year, month, day, endYear: year, endMonth: month, endDay: day });
  }
  return sortBy(found, (f) => f.index);
}

const pad = (n: number) => String(n).padStart(2, '0');

function iso(year: number | null, month: number, day: number): string {
  return `${year === null ? '-' : year}-${pad(month)}-${pad(day)}`;
}

/** What a record's dates may borrow a year from. */
export interface YearContext {
  /** The masthead's year: from the issue, else the masthead date. */
  baseYear: number | null;
  /** The masthead date (YYYY-MM-DD): a borrowed date more than 62 days after it moves back a year. */
  anchor: string | null;
}

const ROLLBACK_DAYS = 62;

function dayNumber(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** Turns found dates (in record order) into mentions with their years settled. */
export function resolveDates(piece: Piece, found: FoundDate[], ctx: YearContext, carry: { year: number | null }): DateMention[] {
  return found.map((f) => {
    let year = f.year;
    let endYear = f.endYear;
    let kind: YearKind = 'explicit';
    if (year !== null) {
      carry.year = f.endYear ?? year;
    } else if (carry.year !== null) {
      kind = 'inferred';
      year = carry.year;
    } else if (ctx.baseYear !== null) {
      kind = 'inferred';
      year = ctx.baseYear;
      if (ctx.anchor) {
        const a = ctx.anchor;
        const ay = Number(a.slice(0, 4));
        const am = Number(a.slice(5, 7));
        const ad = Number(a.slice(8, 10));
        if (dayNumber(year, f.month, f.day) - dayNumber(ay, am, ad) > ROLLBACK_DAYS) year -= 1;
      }
    } else {
      kind = 'unknown';
    }
    if (f.year === null && year !== null) endYear = f.endMonth < f.month ? year + 1 : year;
    const text = piece.text.slice(f.index, f.index + f.length);
    return {
      start: iso(year, f.month, f.day),
      end: iso(kind === 'unknown' ? null : endYear, f.endMonth, f.endDay),
      text,
      year: kind,
      span: piece.span(f.index, f.index + f.length),
    };
  });
}
