import { describe, expect, it } from 'vitest';
import { Memo } from '../src/text/memo.js';

describe('Memo', () => {
  it('makes each answer once, empties itself at its limit, and forgets on clear()', () => {
    const asked: string[] = [];
    const memo = new Memo<number>(3, (key) => {
      asked.push(key);
      return key.length;
    });
    expect([memo.get('甲'), memo.get('乙乙'), memo.get('甲')]).toEqual([1, 2, 1]);
    expect(asked).toEqual(['甲', '乙乙']);
    // A third key fills the table; a fourth finds it full, empties it, and 甲 is made again after.
    memo.get('丙丙丙');
    memo.get('丁');
    memo.get('甲');
    expect(asked).toEqual(['甲', '乙乙', '丙丙丙', '丁', '甲']);
    memo.get('丁');
    expect(asked.length).toBe(5);
    memo.clear();
    memo.get('丁');
    expect(asked).toEqual(['甲', '乙乙', '丙丙丙', '丁', '甲', '丁']);
  });
});
