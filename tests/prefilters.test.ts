/**
 * The quick rejections in front of three line classifiers (numbered items,
 * Latin lines, issue lines) answer as the full tests do, on generated lines
 * mixing every character the patterns start with or count.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ISSUE_RE, LINE_CLASSIFIERS, NUMBERED_PATTERNS, NUMBERED_STARTS, numberedPrefix } from '../src/layout/patterns.js';

const alphabet = [...new Set([...NUMBERED_STARTS, ...'期第总年月 ）)、.．学院大与ABCxyz，。'])];
const line = fc.array(fc.constantFrom(...alphabet), { maxLength: 60 }).map((cs) => cs.join(''));
const classifier = (name: string) => LINE_CLASSIFIERS.find((c) => c.name === name)!.test;

describe('classifier prefilters', () => {
  it('numberedPrefix gives what its patterns give, whatever the first character', () => {
    const full = (v: string) => {
      for (const { style, re } of NUMBERED_PATTERNS) {
        const m = re.exec(v);
        if (m && m[0].length < v.length) return { style, length: m[0].length };
      }
      return null;
    };
    fc.assert(fc.property(line, (v) => {
      expect(numberedPrefix(v)).toEqual(full(v));
    }), { numRuns: 20000, seed: 20261203 });
    expect(numberedPrefix('（三）校地合作')).toEqual({ style: 'cn-paren-item', length: 3 });
  });

  it('a Latin line is one of 20 letters or more and at most a fifth as many Han characters, read to its end', () => {
    const full = (v: string) => {
      const latin = (v.match(/[A-Za-z]/g) ?? []).length;
      const han = (v.match(/[\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff\u3007]/g) ?? []).length;
      return v.length >= 20 && latin >= 20 && han * 5 <= latin;
    };
    const latinish = fc.array(fc.constantFrom(...'abcdefghijXYZ 学院,.'), { maxLength: 120 }).map((cs) => cs.join(''));
    fc.assert(fc.property(latinish, (v) => {
      expect(classifier('latin')(v)).toBe(full(v));
    }), { numRuns: 20000, seed: 20261203 });
    expect(classifier('latin')('Memorandum of understanding between 南港 university and the city')).toBe(true);
  });

  it('an issue line is what the issue patterns match, 期 or not', () => {
    const full = (v: string) => v.length <= 40 && (ISSUE_RE.test(v) || /^[（(]?总第\s*\S{1,8}\s*期[）)]?$/.test(v)) && !/[。，]/.test(v);
    fc.assert(fc.property(line, (v) => {
      expect(classifier('issue')(v)).toBe(full(v));
    }), { numRuns: 20000, seed: 20261203 });
    expect(classifier('issue')('2024年第3期（总第41期）')).toBe(true);
  });
});
