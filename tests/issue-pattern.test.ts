/**
 * The issue-line pattern (ISSUE_RE, src/layout/patterns.ts) is written so that
 * a run of spaces has one reading. It must match what the plain form (a `\s*`
 * between every two optional parts) matches: the same index, text and groups,
 * on generated lines of the characters an issue line is made of.
 */
import { describe, expect, it } from 'vitest';
import { ISSUE_RE } from '../src/layout/patterns.js';

/** The plain form: each part optional, spaces allowed between any two. */
const PLAIN =
  /[〔[（(【]?\s*((?:19|20)\d{2}|[一二][〇零○九][〇零○一二三四五六七八九]{2})?\s*[〕\]）)】]?\s*(?:年)?\s*(?:(\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月)?\s*第\s*(\d{1,4}|[一二三四五六七八九十百零〇]{1,5})\s*期\s*[（(]?\s*(?:总\s*第?\s*(\d{1,5}|[一二三四五六七八九十百千零〇]{1,8})\s*期)?\s*[）)]?/;

const PARTS = [' ', ' ', '\u3000', '\t', '〔', '[', '（', '(', '【', '〕', ']', '）', ')', '】', '年', '月', '第', '期', '总', '1', '2', '0', '9', '2024', '一', '二', '〇', '零', '○', '九', '十', '三', '百', 'a', '简', '报', '，'];

const shown = (m: RegExpExecArray | null) => (m ? [m.index, ...m] : null);

describe('ISSUE_RE', () => {
  it('matches as the plain form does on generated lines', () => {
    let seed = 20240512;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
    let matched = 0;
    for (let i = 0; i < 20000; i++) {
      let line = '';
      const len = 1 + Math.floor(next() * 16);
      for (let k = 0; k < len; k++) line += PARTS[Math.floor(next() * PARTS.length)];
      // Half the lines get a well-formed number, so many match.
      if (next() < 0.5) line = line.replace('第', `第${['3', '十二', ' 4 ', '一百'][Math.floor(next() * 4)]}期`);
      const want = shown(PLAIN.exec(line));
      if (want) matched++;
      expect(shown(ISSUE_RE.exec(line)), JSON.stringify(line)).toEqual(want);
    }
    expect(matched).toBeGreaterThan(1000);
  });

  it('reads the forms of its doc comment, spaced or not', () => {
    for (const line of ['〔2023〕第3期(总第38期)', '2016年第1期(总第1期)', '2021年1月第3期总第104期', '第12期', '2024 年  第 3 期 （ 总 第 40 期 ）', '  简报   第5期']) {
      expect(shown(ISSUE_RE.exec(line))).toEqual(shown(PLAIN.exec(line)));
    }
    expect(ISSUE_RE.exec('2024 年  第 3 期 （ 总 第 40 期 ）')?.slice(1)).toEqual(['2024', undefined, '3', '40']);
  });

  it('gives a line with a long run of spaces the plain form\'s answer', () => {
    // The plain form tried every split of the run before failing; 40 spaces stay within a test's time.
    const line = `合作期间第${' '.repeat(40)}东岭大学工作简报`;
    expect(ISSUE_RE.exec(line)).toBeNull();
    expect(PLAIN.exec(line)).toBeNull();
    expect(ISSUE_RE.exec(`${' '.repeat(5000)}2024年第3期`)?.index).toBe(0);
  });
});
