/**
 * The quick rejections in front of the line classifiers (numbered items,
 * Latin lines, issue lines, headings, picture names, boilerplate, editors'
 * notes) answer as the full tests do, on generated lines mixing every
 * character and word the patterns start with or count.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BOILERPLATE,
  EDITOR_NOTE,
  END_MARK,
  HEADING_PATTERNS,
  IMAGE_RE,
  ISSUE_RE,
  LINE_CLASSIFIERS,
  NUMBERED_PATTERNS,
  NUMBERED_STARTS,
  NAV_RE,
  PRINT_RUN,
  RULE_RE,
  SYMBOLS_ONLY,
  TOC_RE,
  TRAILING_SOURCE,
  WEB_CHROME,
  headingMayStart,
  numberedPrefix,
  trailingSourceOf,
} from '../src/layout/patterns.js';
import { BOILERPLATE_LABELS, SECTION_NAMES } from '../src/lexicon/layout.js';
import { GENERIC, LEAD_WORDS, mayBeGeneric, skipLead } from '../src/extract/parties.js';
import { LIST_JOIN, listJoinAt } from '../src/extract/people.js';

// The openers the patterns list, and the characters they open with written out here too: a character dropped
// from a pattern's list still comes in the generated lines, so the comparison below fails.
const alphabet = [...new Set([...NUMBERED_STARTS, ...'（(一二三四五六七八九十0123456789①⑤⑳●◆▶【', ...'期第总年月 ）)、.．学院大与ABCxyz，。'])];
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

  // Lines made of the words and characters the patterns open with, or hold, and others.
  const fragments = [
    ...SECTION_NAMES, ...BOILERPLATE_LABELS, 'e-MAIL', 'notice', 'NOTICE',
    '第三部分', '第十篇', '一、', '十、', '十二．', '三.', '（二）', '(十)', '【', '】', '[', ']', '〖', '〗', '◆', '●', '▌', '│', '|', ' ', '\u3000', '\u00a0', '\t',
    'img', 'IMG', 'Dsc', 'photo', 'Pic', 'image', '微信图片', '图片', '图为', '图', '▲', '△', '.jpg', '.PNG', '.gif', '_', '-', '2', '12', '6月',
    '版权所有', 'Copyright', 'copyright', '©', '(c)', 'ICP', 'icp', '备', '证', '：', ':',
    '编者按', '编者', '卷首语', '按语', '完', '全文完', '本期完', '结束', '（', '）', '(', ')', '共印', '份', '日', '印发', '印',
    '首页', '当前位置', '您的位置', '位置', '>', '＞', '»', '/', '正文', '字体', '字号', '大', '中', '默认', '上一篇', '下一条', '相关新闻', '推荐阅读',
    '热点新闻', '分享到', '扫一扫', '打印本页', '关闭窗口', '返回顶部', '收藏', '...', '……', '···', '----', '____', '———', '目录', '目', '录', '本期导读', '本期要目',
    '来源', '摘自', '信息来源', '！', '？', '.',
    '学院', '大学', '与', '签署', '，', '。', 'x',
  ];
  const fragmentLine = fc.array(fc.constantFrom(...fragments), { maxLength: 8 }).map((ws) => ws.join(''));
  const runs = { numRuns: 20000, seed: 20261203 };

  it('no heading pattern matches a line headingMayStart turns away', () => {
    fc.assert(fc.property(fragmentLine, (v) => {
      if (!headingMayStart(v)) expect(HEADING_PATTERNS.filter(({ re }) => re.test(v)).map(({ style }) => style)).toEqual([]);
    }), runs);
    expect(classifier('heading')('◆校企合作◆')).toBe(true);
    expect(headingMayStart('东岭大学与南港集团签约')).toBe(false);
  });

  it('the picture-name, boilerplate and editor-note classifiers answer as their full expressions do', () => {
    const image = (v: string) => v.length <= 40 && IMAGE_RE.test(v);
    const boilerplate = (v: string) => BOILERPLATE.test(v);
    const note = (v: string) => EDITOR_NOTE.test(v) || PRINT_RUN.test(v) || END_MARK.test(v);
    const hits = { image: 0, boilerplate: 0, note: 0 };
    fc.assert(fc.property(fragmentLine, (v) => {
      expect(classifier('image-name')(v)).toBe(image(v));
      expect(classifier('boilerplate')(v)).toBe(boilerplate(v));
      expect(classifier('editor-note')(v)).toBe(note(v));
      if (image(v)) hits.image++;
      if (boilerplate(v)) hits.boilerplate++;
      if (note(v)) hits.note++;
    }), runs);
    // The generated lines reach every form often enough for the comparison to mean something.
    expect(Math.min(hits.image, hits.boilerplate, hits.note)).toBeGreaterThan(40);
    expect(['IMG_2031.JPG', '联系电话：0000', '京ICP备00000000号', '（完）', '共印20份'].map((v) => LINE_CLASSIFIERS.find((c) => c.test(v))?.name)).toEqual(['image-name', 'boilerplate', 'boilerplate', 'editor-note', 'editor-note']);
  });

  it('the contents, navigation and trailing-source tests answer as their full expressions do', () => {
    const toc = (v: string) => TOC_RE.test(v);
    const nav = (v: string) => NAV_RE.test(v) || (v.length <= 60 && WEB_CHROME.test(v));
    const trailing = (v: string) => {
      const m = TRAILING_SOURCE.exec(v);
      if (!m || m.index === 0) return null;
      const text = m[1]!.trim();
      return text ? { text, index: v.indexOf(text, m.index) } : null;
    };
    const hits = { toc: 0, nav: 0, trailing: 0 };
    fc.assert(fc.property(fragmentLine, (v) => {
      expect(classifier('contents-leaders')(v)).toBe(toc(v));
      expect(classifier('navigation')(v)).toBe(nav(v));
      if (toc(v)) hits.toc++;
      if (nav(v)) hits.nav++;
    }), runs);
    // A paragraph's close: a sentence, maybe a bracket and a label, a name, maybe its closing bracket, maybe more.
    const close = fc
      .tuple(fragmentLine, fc.constantFrom('。', '！', '.', '，', ''), fc.constantFrom('（', '(', ''), fc.constantFrom('来源', '摘自', '信息来源', '作者', ''), fc.constantFrom('：', ':', ' ', ''), fragmentLine, fc.constantFrom('）', ')', '', '）。'))
      .map((parts) => parts.join(''));
    fc.assert(fc.property(close, (v) => {
      expect(trailingSourceOf(v)).toEqual(trailing(v));
      if (trailing(v)) hits.trailing++;
    }), runs);
    expect(Math.min(hits.toc, hits.nav, hits.trailing)).toBeGreaterThan(40);
    expect(trailingSourceOf('双方签约。（来源：南山大学新闻网）')).toEqual({ text: '南山大学新闻网', index: 9 });
  });

  it('the rule classifier answers as its expressions do, a Han ideograph first or not', () => {
    const glyphs = fc.array(fc.constantFrom(...'━─—–_＿=＝-~～*＊· |\u3000东学〇一1aA，。【】|'), { maxLength: 12 }).map((cs) => cs.join(''));
    let hits = 0;
    fc.assert(fc.property(glyphs, (v) => {
      const full = RULE_RE.test(v) || SYMBOLS_ONLY.test(v);
      expect(classifier('rule')(v)).toBe(full);
      if (full) hits++;
    }), runs);
    expect(hits).toBeGreaterThan(1000);
  });

  it('a name GENERIC matches always holds a character mayBeGeneric looks for', () => {
    const words = ['该', '此', '本', '各', '全', '其', '相关', '有关', '上述', '多家', '一批', '多个', '若干', '部分', '零', '〇', '两', '双', '三', '十', '百', '千', '万', '几', '数', '多',
      '所', '家', '个', '位', '名', '方', '校', '地', '项', '批', '了', '是', '将', '把', '被', '让', '的', '进行', '开展', '举行', '召开', '签署', '签订', '出席', '参加', '表示', '带队', '率队',
      '一行', '携手', '共建', '成立', '揭牌', '二级学院', '二级单位', '职能部门', '相关部门', '有关部门', '直属单位', '下属单位', '东岭', '大学', '学院', '集团', '南港', '研究院', '市', '政府'];
    const name = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 5 }).map((ws) => ws.join(''));
    let hits = 0;
    fc.assert(fc.property(name, fc.constantFrom('', '与', '，'), (n, pad) => {
      const view = pad + n + pad;
      const matched = GENERIC.test(n);
      if (matched) hits++;
      if (!mayBeGeneric(view, pad.length, pad.length + n.length)) expect(matched).toBe(false);
    }), runs);
    expect(hits).toBeGreaterThan(1000);
    expect(mayBeGeneric('东岭大学', 0, 4)).toBe(false);
  });

  it('skipLead steps over what LEAD_WORDS matches, whatever the clause opens with', () => {
    // The words and time units of LEAD_WORDS, written out here: one dropped from LEAD_FIRST still comes in the generated clauses.
    const words = ['此外', '同时', '另外', '随后', '近日', '日前', '目前', '会上', '会后', '当天', '当日', '其中', '据悉', '并', '还', '今年', '去年',
      '2025年', '5月', '12日', '上午', '下午', '晚上', '东岭大学', '与', '，', '签约', '此', '同', '会', '今', '上', '8'];
    const clause = fc.array(fc.constantFrom(...words), { maxLength: 6 }).map((ws) => ws.join(''));
    let stepped = 0;
    fc.assert(fc.property(fc.constantFrom('', '，', '学校'), clause, (pad, c) => {
      const view = pad + c;
      const m = LEAD_WORDS.exec(view.slice(pad.length, pad.length + 14));
      const full = m ? pad.length + m[0].length : pad.length;
      if (full > pad.length) stepped++;
      expect(skipLead(view, pad.length)).toBe(full);
    }), runs);
    expect(stepped).toBeGreaterThan(1000);
    expect(skipLead('会上，东岭大学', 0)).toBe(2);
  });

  it('listJoinAt reads the joiner LIST_JOIN matches, in place', () => {
    // Each joiner written out here, and characters near them (以 alone, 同 in a word): one dropped from the set still comes.
    const text = fc.array(fc.constantFrom('、', '以及', '以', '和', '及', '与', '同', '跟', '王宏', '，', '等'), { maxLength: 6 }).map((ws) => ws.join(''));
    let joined = 0;
    fc.assert(fc.property(text, fc.nat(12), (v, at) => {
      const full = LIST_JOIN.exec(v.slice(at, at + 2))?.[0];
      if (full) joined++;
      expect(listJoinAt(v, at)).toBe(full);
    }), runs);
    expect(joined).toBeGreaterThan(1000);
  });
});
