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
  const codes = FOLD_CODES.take(n);
  for (let k = 0; k < n; k++) {
    const c = text.charCodeAt(k);
    const f = FOLD_TABLE[c]!;
    codes[k] = f === 0 ? c : f;
  }
  let out = '';
  for (let k = 0; k < n; k += 8192) out += String.fromCharCode.apply(null, codes.subarray(k, Math.min(n, k + 8192)) as unknown as number[]);
  return out;
}

/** Han ideographs (BMP blocks and extension A), the ideographic zero. */
export function isHan(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || c === 0x3007;
}

/** CJK text or punctuation: a blank next to one of these is a layout artefact, not a word gap. */
export function isCjk(c: number): boolean {
  return (
    isHan(c) ||
    (c >= 0x3000 && c <= 0x303f) || // CJK punctuation
    (c >= 0xff00 && c <= 0xffef) || // full-width forms
    (c >= 0x2010 && c <= 0x2027) || // dashes, quotes, ellipsis
    (c >= 0xd800 && c <= 0xdfff) // astral Han via surrogates: treat as CJK
  );
}

/** Blanks of every kind a pasted document carries. */
export function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0c || c === 0x0b || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f;
}

/** Zero-width characters and the BOM: invisible, dropped from display text. */
export function isInvisible(c: number): boolean {
  return c === 0x200b || c === 0x200c || c === 0x200d || c === 0x2060 || c === 0xfeff || c === 0xad;
}

/** Removes every blank: how values are compared (the gold's rule too). */
export function squeeze(s: string): string {
  return s.replace(/[\s\u00a0\u3000\u2000-\u200d\u2060\ufeff]+/g, '');
}
