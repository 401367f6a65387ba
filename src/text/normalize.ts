/**
 * The matching view: a one-to-one character fold of displayed text, so an
 * index in the view is an index in the display text. Rules match on the view;
 * values are cut from the display text, as printed.
 *  - full-width digits and letters → ASCII
 *  - half-width punctuation → the full-width forms the rules are written for
 *  - traditional characters → simplified (src/lexicon/traditional.ts)
 */
import { SIMPLIFIED, TRADITIONAL } from '../lexicon/traditional.js';
import { ScratchArray } from './scratch.js';

/**
 * Code unit → folded code unit (0 where the character stays), filled straight
 * from the pairs, each code unit to one (a later pair for the same unit stands):
 * a map of one-character strings first cost about a millisecond of start-up.
 */
const FOLD_TABLE = new Uint16Array(65536);
for (let i = 0; i < TRADITIONAL.length; i++) FOLD_TABLE[TRADITIONAL.charCodeAt(i)] = SIMPLIFIED.charCodeAt(i);
for (const [from, to] of [[0xff10, 0xff19], [0xff21, 0xff3a], [0xff41, 0xff5a]] as const) for (let c = from; c <= to; c++) FOLD_TABLE[c] = c - 0xfee0;
const PUNCT: Array<[string, string]> = [
  [',', '，'],
  [':', '：'],
  [';', '；'],
  ['(', '（'],
  [')', '）'],
  ['!', '！'],
  ['?', '？'],
  ['［', '['],
  ['］', ']'],
  ['－', '-'],
  ['．', '.'],
  ['／', '/'],
  ['〜', '～'],
  ['○', '〇'],
  ['Ｏ', '〇'],
  ['﹐', '，'],
  ['､', '、'],
  ['｡', '。'],
  ['「', '“'],
  ['」', '”'],
  ['『', '“'],
  ['』', '”'],
  ['"', '”'],
];
for (const [a, b] of PUNCT) FOLD_TABLE[a.charCodeAt(0)] = b.charCodeAt(0);

/** The fold's code units, reused from call to call: a fresh array per line costs more than the fold. */
const FOLD_CODES = new ScratchArray((n) => new Uint16Array(n), 0);

export function fold(text: string): string {
  const n = text.length;
  let i = 0;
  while (i < n && FOLD_TABLE[text.charCodeAt(i)] === 0) i++;
  if (i === n) return text;
  // Every code unit of [0, n) is written below before any is read.
  const codes = FOLD_CODES.room(n);
  for (let k = 0; k < n; k++) {
    const c = text.charCodeAt(k);
    const f = FOLD_TABLE[c]!;
    codes[k] = f === 0 ? c : f;
  }
  let out = '';
  for (let k = 0; k < n; k += 8192) out += String.fromCharCode.apply(null, codes.subarray(k, Math.min(n, k + 8192)) as unknown as number[]);
  return out;
}

/**
 * The classes of every UTF-16 code unit, one byte each with a bit per class:
 * the predicates below are asked at nearly every character the layout and
 * the rules read, and one load answers where a chain of range tests ran
 * (a Han character went through ten comparisons to be found no blank).
 * Anything outside the table (−1, NaN past a string's end) is in no class.
 */
const HAN = 1;
const CJK = 2;
const BLANK = 4;
const INVISIBLE = 8;
const CLASSES = new Uint8Array(65536);
/** Marks code units with `bit`: single ones added to what they have, ranges filled (no two ranges meet; a test checks every class). */
const mark = (bit: number, ...ranges: Array<number | readonly [number, number]>) => {
  for (const r of ranges) {
    if (typeof r === 'number') CLASSES[r]! |= bit;
    else CLASSES.fill(bit, r[0], r[1] + 1);
  }
};
// CJK punctuation, full-width forms, dashes, quotes and the ellipsis; astral Han via surrogates counts as CJK.
mark(CJK, [0x3000, 0x303f], [0xff00, 0xffef], [0x2010, 0x2027], [0xd800, 0xdfff]);
// Han ideographs (BMP blocks and extension A), the ideographic zero (inside the punctuation block, so after it).
mark(HAN | CJK, [0x4e00, 0x9fff], [0x3400, 0x4dbf], [0xf900, 0xfaff], 0x3007);
// Blanks of every kind a pasted document carries.
mark(BLANK, 0x20, 0x09, 0x0c, 0x0b, 0xa0, 0x3000, [0x2000, 0x200a], 0x202f, 0x205f);
// Zero-width characters and the BOM: invisible, dropped from display text.
mark(INVISIBLE, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0xad);

/** Han ideographs (BMP blocks and extension A), the ideographic zero. */
export function isHan(c: number): boolean {
  return (CLASSES[c]! & HAN) !== 0;
}

/** The main block of Han ideographs (U+4E00–U+9FFF), every one assigned, and a letter (`\p{L}`): what `[\u4e00-\u9fff]` matches. */
export function isMainHan(c: number): boolean {
  return c >= 0x4e00 && c <= 0x9fff;
}

/** CJK text or punctuation: a blank next to one of these is a layout artefact, not a word gap. */
export function isCjk(c: number): boolean {
  return (CLASSES[c]! & CJK) !== 0;
}

/** Blanks of every kind a pasted document carries. */
export function isBlank(c: number): boolean {
  return (CLASSES[c]! & BLANK) !== 0;
}

/** Zero-width characters and the BOM: invisible, dropped from display text. */
export function isInvisible(c: number): boolean {
  return (CLASSES[c]! & INVISIBLE) !== 0;
}

/** Removes every blank: how values are compared (the gold's rule too). */
export function squeeze(s: string): string {
  return s.replace(/[\s\u00a0\u3000\u2000-\u200d\u2060\ufeff]+/g, '');
}
