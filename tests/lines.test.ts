/**
 * Physical lines (src/text/lines.ts): a text whose lines end in line feeds
 * only is split by a search for them, any other by a scan of every character;
 * both give the same lines, numbers and pieces.
 */
import { describe, expect, it } from 'vitest';
import { splitLines } from '../src/text/lines.js';

const shape = (source: string) => [...splitLines(source)].map((l) => [l.number, source.slice(l.start, l.end), l.piece.text, l.piece.span(0, l.piece.text.length)]);

describe('splitLines', () => {
  const lines = ['西川大学工作简报', '', '  ', '一、东岭大学与南港集团签约', ' 8 月 18 日，双方座谈。 ', '\u200b', '（完）'];

  it('numbers every line and keeps only those that print something', () => {
    const got = shape(lines.join('\n'));
    expect(got.map(([n]) => n)).toEqual([1, 4, 5, 7]);
    expect(got[2]![2]).toBe('8月18日，双方座谈。');
  });

  it('gives the same lines for every kind of line end, by line and by offset into its own source', () => {
    const lf = shape(lines.join('\n'));
    for (const end of ['\r\n', '\r', '\u2028', '\u2029', '\x85']) {
      const other = lines.join(end);
      const got = shape(other);
      expect(got.map(([n, , text]) => [n, text])).toEqual(lf.map(([n, , text]) => [n, text]));
      // Offsets are the other source's own: each line's raw text is what it slices there.
      expect(got.map(([, raw]) => raw)).toEqual(lf.map(([, raw]) => raw));
    }
  });

  it('ends with a last line that has no line end, and with none after a final line feed', () => {
    expect(shape('甲\n乙').map(([n, raw]) => [n, raw])).toEqual([[1, '甲'], [2, '乙']]);
    expect(shape('甲\n乙\n').map(([n, raw]) => [n, raw])).toEqual([[1, '甲'], [2, '乙']]);
    expect(shape('')).toEqual([]);
  });
});
