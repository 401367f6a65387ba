/**
 * Tables reused from call to call: the fold's code units and the organisation
 * reader's ending table give the same answers as fresh ones would.
 */
import { describe, expect, it } from 'vitest';
import { OrgText } from '../src/extract/orgtext.js';
import { fold } from '../src/text/normalize.js';
import { ScratchArray } from '../src/text/scratch.js';

describe('reused tables', () => {
  it('fold gives each text its own result, short after long and across 8,192-unit chunks', () => {
    const long = '東嶺大學與南港市簽約，'.repeat(2000); // 22,000 units, folded throughout
    const folded = fold(long);
    expect(folded).toBe('东岭大学与南港市签约，'.repeat(2000));
    // A shorter text after it: nothing of the longer one's units is left in its result.
    expect(fold('學校')).toBe('学校');
    expect(fold(long.slice(0, 8193))).toBe(folded.slice(0, 8193));
  });

  it('an OrgText read after a newer one was made throws instead of answering from the newer table', () => {
    const first = new OrgText('东岭大学与南港市人民政府签约');
    expect(first.suffixAt(4)?.word).toBe('大学');
    const second = new OrgText('西川学院');
    expect(second.suffixAt(4)?.word).toBe('学院');
    expect(second.suffixAt(99)).toBeNull();
    expect(() => first.suffixAt(4)).toThrow(/newer/);
  });

  it('take sets [0, n) to the fill value whatever the last user left, short or long, and room keeps what was there', () => {
    const table = new ScratchArray((n) => new Int32Array(n), -1);
    for (const n of [10, 256, 257, 3000, 40]) {
      const a = table.take(n);
      expect(a.length).toBeGreaterThanOrEqual(n);
      expect([...a.subarray(0, n)].every((x) => x === -1)).toBe(true);
      a.fill(7, 0, n);
    }
    expect(table.room(40)[39]).toBe(7);
  });
});
