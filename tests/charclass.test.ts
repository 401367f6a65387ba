/**
 * The character classes of src/text/normalize.ts answer from one table: for
 * every UTF-16 code unit they must give what the ranges that define them give,
 * and nothing outside the table (−1, NaN, an astral code point) is in a class.
 */
import { describe, expect, it } from 'vitest';
import { isBlank, isCjk, isHan, isInvisible } from '../src/text/normalize.js';

const inRanges = (c: number, ranges: Array<number | [number, number]>) => ranges.some((r) => (typeof r === 'number' ? c === r : c >= r[0] && c <= r[1]));
const han = (c: number) => inRanges(c, [[0x4e00, 0x9fff], [0x3400, 0x4dbf], [0xf900, 0xfaff], 0x3007]);
const cjk = (c: number) => han(c) || inRanges(c, [[0x3000, 0x303f], [0xff00, 0xffef], [0x2010, 0x2027], [0xd800, 0xdfff]]);
const blank = (c: number) => inRanges(c, [0x20, 0x09, 0x0c, 0x0b, 0xa0, 0x3000, [0x2000, 0x200a], 0x202f, 0x205f]);
const invisible = (c: number) => inRanges(c, [0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0xad]);

describe('character classes', () => {
  it('match their defining ranges at every code unit', () => {
    const wrong: string[] = [];
    for (let c = 0; c < 65536; c++) {
      if (isHan(c) !== han(c)) wrong.push(`isHan ${c.toString(16)}`);
      if (isCjk(c) !== cjk(c)) wrong.push(`isCjk ${c.toString(16)}`);
      if (isBlank(c) !== blank(c)) wrong.push(`isBlank ${c.toString(16)}`);
      if (isInvisible(c) !== invisible(c)) wrong.push(`isInvisible ${c.toString(16)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('put a few known characters where they belong', () => {
    expect([isHan(0x5927), isCjk(0x5927), isBlank(0x5927)]).toEqual([true, true, false]); // 大
    expect([isHan(0x3007), isCjk(0x3007)]).toEqual([true, true]); // 〇, inside the punctuation block
    expect([isBlank(0x3000), isCjk(0x3000), isHan(0x3000)]).toEqual([true, true, false]); // ideographic space
    expect([isInvisible(0xfeff), isBlank(0xfeff)]).toEqual([true, false]);
    expect([isBlank(0x41), isCjk(0x41)]).toEqual([false, false]);
  });

  it('put nothing outside the table in a class', () => {
    for (const c of [-1, NaN, 0x10000, 0x20000]) expect([isHan(c), isCjk(c), isBlank(c), isInvisible(c)]).toEqual([false, false, false, false]);
  });
});
