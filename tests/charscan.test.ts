/**
 * CharScan (src/extract/parties.ts): the positions of a few characters found
 * by indexOf are those a test of every character finds.
 */
import { describe, expect, it } from 'vitest';
import { CharScan } from '../src/extract/parties.js';

describe('CharScan', () => {
  it('gives every position of its characters, in order, as a test of every character does', () => {
    const alphabet = '与同和跟：:学院大，';
    let a = 17;
    let text = '';
    for (let i = 0; i < 2000; i++) {
      a = (Math.imul(a, 1103515245) + 12345) >>> 0;
      text += alphabet[(a >>> 8) % alphabet.length];
    }
    for (const chars of ['与同和跟', '：:', '跟', '无']) {
      const scan = new CharScan(text, chars);
      const got: number[] = [];
      for (let i = scan.next(); i !== -1; i = scan.next()) got.push(i);
      const expected = [...text].flatMap((c, i) => (chars.includes(c) ? [i] : []));
      expect(got).toEqual(expected);
    }
    expect(new CharScan('', '与').next()).toBe(-1);
  });
});
