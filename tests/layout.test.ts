/**
 * The line classifiers and the cut rules, each on its own examples (invented
 * pages of invented universities), and what the layout makes of them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LINE_CLASSIFIERS, classifyLine } from '../src/layout/patterns.js';
import { CUT_RULES_FOR_TESTS } from '../src/layout/segments.js';
import { explainLines, extractBriefing } from '../src/core.js';
import { fold } from '../src/text/normalize.js';
import { displayWidth, trimmedWidth } from '../src/text/lines.js';
import { glossAt, glossesOf } from '../src/text/glosses.js';

const kindOf = (line: string) => classifyLine(fold(line.trim().replace(/(?<=[\u4e00-\u9fff])\s+|\s+(?=[\u4e00-\u9fff])/g, '')));

describe('line classifiers', () => {
  const cases: Array<[string, string, string[]]> = [
    // [classifier, kind, lines it must take]
    ['stamp', 'stamp', [
      '2025年03月14日09:20 | 来源：东岭网',
      '岭南时讯 2024-11-02 15:40 中字',
      '栏目 作者：北川理工大学 2023-05-18 10:12:45',
      'date 2025-12-09',
      '2022/9/30 8:05',
      '2024-05-20 来源：合作发展处',
      '来源：西川学院 2023-04-02 08:15',
    ]],
    ['widget', 'widget', ['大字号', '选择字号 大 中 小', '用手机扫描二维码', '分享 收藏', '阅读 2048', '点击量：37次']],
    ['image-id', 'image', ['31C7A', '2208F', '240517-2_Donglin', '20240517093311']],
    ['image-name', 'image', ['IMG_2041.JPG', '图为签约现场']],
    ['bracket-caption', 'caption', ['（资料照片）', '(双方代表交换协议文本)']],
    ['rule', 'furniture', ['|', '----', '* * *']],
    ['boilerplate', 'furniture', ['版权声明：本站文章仅供学习交流', 'Copyright © 2024 东岭大学', '联系电话：0571-12345678', '浙ICP备12345678号']],
    ['latin', 'furniture', ['The content above is reposted from a partner site for information only']],
    ['navigation', 'nav', ['当前位置：首页 > 新闻中心 > 正文', '上一篇：东岭大学召开教学工作会', '相关阅读']],
    ['meta-label', 'meta', ['发布时间：2024-05-06', '浏览次数：132']],
    ['credit', 'credit', ['编辑、审核：周一鸣', '摄影：林小北']],
  ];
  for (const [name, kind, lines] of cases) {
    it(`${name} gives ${kind}`, () => {
      for (const line of lines) expect(kindOf(line), line).toEqual({ kind, by: name });
    });
  }

  it('leaves the lines of an article to the text classifiers', () => {
    // Each of these looks a little like furniture and is not.
    const text: Array<[string, string]> = [
      ['2024年5月6日，东岭大学与南港市签署合作协议。', 'date-led'],
      ['东岭大学与南港市人民政府签署战略合作协议', 'text'],
      ['大学', 'text'],
      ['中小企业服务中心揭牌', 'text'],
      ['2016年11月29日', 'date-led'],
      ['会议于2024年5月6日9:30在行政楼召开。', 'text'],
      ['5G', 'text'],
      ['（一）校地合作', 'heading'],
      ['（2024年第3期）', 'issue'],
      ['原标题：东岭大学与南港市共建研究院', 'text'],
    ];
    for (const [line, kind] of text) expect(kindOf(line).kind, line).toBe(kind);
  });

  it('names every classifier once', () => {
    const names = LINE_CLASSIFIERS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('cut rules', () => {
  const pieces = (text: string) => explainLines(text).map((l) => [l.kind, l.text]);

  it('inline-stamp: a headline, its stamp and the body on one line', () => {
    expect(pieces('“南来北往”东岭大学牵手三座城市 2024-06-20 19:33:31 这些年，东岭大学与多地签约，成效明显。')).toEqual([
      ['text', '“南来北往”东岭大学牵手三座城市'],
      ['stamp', '2024-06-20 19:33:31'],
      ['text', '这些年，东岭大学与多地签约，成效明显。'],
    ]);
  });

  it('inline-stamp keeps the fields beside the date with it', () => {
    expect(pieces('西川学院与北塘镇共建实践基地 来源：西川学院 2023-04-02 08:15 大字 4月1日，西川学院与北塘镇签约。')).toEqual([
      ['text', '西川学院与北塘镇共建实践基地'],
      ['stamp', '来源：西川学院2023-04-02 08:15大字'],
      ['date-led', '4月1日，西川学院与北塘镇签约。'],
    ]);
  });

  it('headline-lead: a headline and a subtitle before a dated body', () => {
    expect(pieces('南港研究院揭牌 陈一凡致辞 林默参加 17日，南港研究院在南港市揭牌，东岭大学校长陈一凡致辞。')).toEqual([
      ['text', '南港研究院揭牌陈一凡致辞林默参加'],
      ['text', '17日，南港研究院在南港市揭牌，东岭大学校长陈一凡致辞。'],
    ]);
  });

  it('headline-lead leaves a dateline to its body', () => {
    expect(pieces('合作发展处讯 6月2日，东岭大学与南港市签署协议，双方将共建研究院。')).toEqual([
      ['text', '合作发展处讯6月2日，东岭大学与南港市签署协议，双方将共建研究院。'],
    ]);
  });

  it('masthead-run and contents-leaders: a masthead, its contents and the first item on one line', () => {
    const got = pieces('东岭合作简报 2024年第2期(总第12期) 东岭大学合作发展处 2024年4月10日 目录 【校地合作】 东岭大学与南港市签约........1 【校企合作】 东岭大学与海川集团共建实验室........2');
    expect(got).toEqual([
      ['text', '东岭合作简报'],
      ['issue', '2024年第2期(总第12期)'],
      ['text', '东岭大学合作发展处'],
      ['date-led', '2024年4月10日'],
      ['toc', '目录'],
      ['toc', '【校地合作】'],
      ['toc', '东岭大学与南港市签约........1'],
      ['toc', '【校企合作】'],
      ['toc', '东岭大学与海川集团共建实验室........2'],
    ]);
  });

  it('a flattened masthead gives its fields, and the first item after its contents', () => {
    const doc = extractBriefing('东岭合作简报 2024年第2期(总第12期) 东岭大学合作发展处 2024年4月10日 目录 【校地合作】 东岭大学与南港市签约........1\n【校地合作】 东岭大学与南港市签约 日前，东岭大学与南港市人民政府签署战略合作协议。\n');
    expect(doc.briefing.title).toBe('东岭合作简报');
    expect(doc.briefing.issue).toMatchObject({ text: '2024年第2期(总第12期)', year: 2024, number: 2, total: 12 });
    expect(doc.briefing.publisher).toBe('东岭大学合作发展处');
    expect(doc.briefing.date).toBe('2024-04-10');
    expect(doc.records.map((r) => [r.section, r.title, r.text])).toEqual([['university-government', '东岭大学与南港市签约', '日前，东岭大学与南港市人民政府签署战略合作协议。']]);
  });

  it('has a name for each rule', () => {
    expect(CUT_RULES_FOR_TESTS.map((r) => r.name)).toEqual(['contents-leaders', 'masthead-run', 'inline-stamp', 'leading-label', 'headline-lead']);
  });
});

describe('the layout of web copies', () => {
  const only = (text: string) => {
    const doc = extractBriefing(text);
    expect(doc.records).toHaveLength(1);
    return { doc, r: doc.records[0]! };
  };

  it('a stamp dates the page, not the event, and lends its year', () => {
    const { doc, r } = only('东岭大学与南港市签署合作协议\n2025年03月14日09:20 | 来源：东岭网\n小字号\n3月13日，东岭大学与南港市人民政府签署战略合作协议。\n');
    expect(doc.briefing.date).toBe('2025-03-14');
    expect(r.title).toBe('东岭大学与南港市签署合作协议');
    expect(r.dates.map((d) => [d.text, d.start])).toEqual([['3月13日', '2025-03-13']]);
    expect(r.text.startsWith('3月13日')).toBe(true);
  });

  it('a short line inside a web article is its text, not a new item', () => {
    const { r } = only('东岭大学赴两地推进合作\n作者：东岭大学 2021-12-14 20:44:48\n12月9日，东岭大学代表团赴南港、北塘推进合作。\n东岭—南港\n12月9日上午，东岭大学与南港市举行座谈会。\n东岭—北塘\n12月10日，代表团来到北塘县。\n');
    expect(r.title).toBe('东岭大学赴两地推进合作');
    expect(r.text).toContain('东岭—北塘');
    expect(r.dates.map((d) => d.start)).toEqual(['2021-12-09', '2021-12-09', '2021-12-10']);
  });

  it('pictures, captions and widgets between paragraphs split nothing', () => {
    const { r } = only('海川集团与西川学院签约\n发布时间：2023-11-03 浏览：\n（签约现场）\n11月3日，海川集团与西川学院签署校企合作协议。\n31C7A\n会上，双方代表签字。\n用手机扫描二维码\n2208F\n双方还就人才培养进行了交流。\n');
    expect(r.text).toBe('11月3日，海川集团与西川学院签署校企合作协议。\n会上，双方代表签字。\n双方还就人才培养进行了交流。');
  });

  it('a headline printed twice is one headline', () => {
    const { r } = only('东岭大学与南港市共建研究院\n\n东岭大学与南港市共建研究院\n日期：2025-06-15 来源：东岭网\n6月14日，东岭大学与南港市签约共建研究院。\n');
    expect(r.title).toBe('东岭大学与南港市共建研究院');
  });

  it('a second headline with its own stamp is a second article', () => {
    const doc = extractBriefing('东岭大学与南港市签约\n2024-05-06 10:00\n5月6日，东岭大学与南港市签约。\n西川学院与北塘镇签约\n2024-05-08 09:00\n5月8日，西川学院与北塘镇签约。\n');
    expect(doc.records.map((r) => r.title)).toEqual(['东岭大学与南港市签约', '西川学院与北塘镇签约']);
  });

  it('a related-reading list and a repeated site name are furniture', () => {
    const { r } = only('东岭新闻网\n东岭大学与南港市签约\n2024-05-06 10:00\n5月6日，东岭大学与南港市签约。\n东岭新闻网\n相关阅读\n东岭大学召开教学工作会\n东岭大学举办校友论坛，来宾云集\n东岭新闻网\n');
    expect(r.title).toBe('东岭大学与南港市签约');
    expect(r.text).toBe('5月6日，东岭大学与南港市签约。');
  });

  it('finds every contents and related-reading marker, spaced or bracketed, by its own words', () => {
    const entryKind = (mark: string) => {
      const lines = explainLines(`东岭新闻网\n${mark}\n东岭大学召开教学工作会\n5月6日，东岭大学与南港市签约。\n`);
      const entry = lines.find((l) => l.text === '东岭大学召开教学工作会')!;
      return `${entry.kind}/${entry.by}`;
    };
    for (const mark of ['目录', '目　录', '　 目 录', '本期导读', '本期要目', '本期目录', '要目', '导读']) expect(entryKind(mark), mark).toBe('toc/contents-entry');
    const related = ['相关新闻', '相关阅读', '相关文章', '相关链接', '推荐阅读', '延伸阅读', '热点新闻', '热门文章', '猜你喜欢', '往期回顾', '往期推荐', '更多新闻'];
    for (const mark of [...related, '【相关阅读】', '[往期推荐]：', '　更多新闻:']) expect(entryKind(mark), mark).toBe('furniture/related-list');
    // Words of the same kind that are no marker leave the line after them text.
    for (const mark of ['目录学', '本期', '新闻']) expect(entryKind(mark), mark).toBe('text/text');
  });

  it('a contents list is not items, even an entry with a comma', () => {
    const doc = extractBriefing('合作简报\n2024年第1期\n目 录\n【校地合作】\n东岭大学与南港市签约，共建研究院\n西川学院赴北塘调研\n【校地合作】\n东岭大学与南港市签约，共建研究院\n1月5日，东岭大学与南港市签约。\n西川学院赴北塘调研\n1月8日，西川学院赴北塘调研。\n');
    expect(doc.records.map((r) => r.title)).toEqual(['东岭大学与南港市签约，共建研究院', '西川学院赴北塘调研']);
    expect(doc.sections.map((s) => s.heading)).toEqual(['【校地合作】']);
  });

  it('a dateline dates the record and its reporters are no people', () => {
    const { r } = only('新华社南港5月15日电（记者 周一鸣 林小北）东岭大学15日与南港市签署战略合作协议，校长陈一凡出席。\n');
    // `15日` has no month: no date mention (SCHEMA).
    expect(r.dates.map((d) => d.text)).toEqual(['5月15日']);
    expect(r.people.map((p) => p.name)).toEqual(['陈一凡']);
  });

  it('a pasted sentence without a full stop is a record', () => {
    const { r } = only('东岭大学校长陈一凡与南港市市长林默共同为研究院揭牌');
    expect(r.title).toBeNull();
    expect(r.people.map((p) => `${p.title} ${p.name}`)).toEqual(['东岭大学校长 陈一凡', '南港市市长 林默']);
  });
});

describe('the matching view', () => {
  it('folds traditional and variant characters one to one', () => {
    const from = '顯揮橋樹繼壽帥堅牽紐冊曉駿爲峯羣纔樑';
    const to = '显挥桥树继寿帅坚牵纽册晓骏为峰群才梁';
    expect(fold(from)).toBe(to);
    expect(fold(from).length).toBe(from.length);
  });

  it('leaves characters simplified text prints as they are', () => {
    for (const word of ['著名', '显著', '乾坤', '於姓', '皇后']) expect(fold(word)).toBe(word);
  });
});

describe('pinyin glosses', () => {
  it('are read through and kept inside values, not after them', () => {
    const doc = extractBriefing('6月2日，东岭大(dà)学(xué)与南港市签署合作协(xié)议(yì)。');
    const r = doc.records[0]!;
    expect(r.parties.map((p) => p.name)).toEqual(['东岭大(dà)学', '南港市']);
    expect(r.agreements.map((a) => a.text)).toEqual(['合作协(xié)议']);
    expect(r.text).toBe('6月2日，东岭大(dà)学(xué)与南港市签署合作协(xié)议(yì)。');
  });

  it('are found once for the document: a stretch holds one where a gloss starts in it, and only there', () => {
    const text = '东岭大(dà)学(xué)与南港市签约。（备注）西川(xī)县';
    const g = glossesOf(text)!;
    const starts = [...text].flatMap((_, i) => (glossAt(text, i) > 0 ? [i] : []));
    expect(starts).toEqual([3, 8, 26]);
    for (let from = 0; from <= text.length; from++) {
      for (let to = from; to <= text.length; to++) expect(g.within(from, to)).toBe(starts.some((p) => p >= from && p < to));
    }
    expect(glossesOf('东岭大学与南港市签约（备注）')).toBeNull();
  });

  it('go back into a value only where its own stretch prints them', () => {
    const doc = extractBriefing('西川(xī)县工作简报\n\n6月2日，东岭大学与南港市签署合作协议。\n\n7月3日，北塘镇(zhèn)与南港集团座谈。');
    expect(doc.records.map((r) => r.text)).toEqual(['6月2日，东岭大学与南港市签署合作协议。', '7月3日，北塘镇(zhèn)与南港集团座谈。']);
    expect(doc.records[1]!.parties.map((p) => p.name)).toEqual(['北塘镇', '南港集团']);
  });

  it('are only bracketed syllables with a tone after a Han character', () => {
    // What the rules read: the glosses left out, other brackets kept.
    expect(explainLines('东岭大学(DLU)与南港市(nangang)、北塘(běi táng)镇、西(xī)川(2)县签约').map((l) => l.text)).toEqual([
      '东岭大学(DLU)与南港市(nangang)、北塘(běi táng)镇、西川(2)县签约',
    ]);
  });
});

describe('trimmedWidth', () => {
  it('is the display width of the slice, trimmed as String.prototype.trim trims', () => {
    // Every character trim removes, and some it keeps (zero-width space, ideographs, full-width forms).
    const blanks = ' \t\n\v\f\r\u00a0\u1680\u2000\u2005\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
    const alphabet = [...blanks, '\u200b', '东', '岭', 'Ａ', 'a', '1', '。'];
    const char = fc.constantFrom(...alphabet);
    fc.assert(
      fc.property(fc.array(char, { maxLength: 12 }), fc.nat(12), fc.nat(12), (chars, a, b) => {
        const s = chars.join('');
        const start = Math.min(a, b, s.length);
        const end = Math.min(Math.max(a, b), s.length);
        expect(trimmedWidth(s, start, end)).toBe(displayWidth(s.slice(start, end).trim()));
      }),
      { numRuns: 3000, seed: 20261202 },
    );
    expect(trimmedWidth('  8 月 18 日 ', 0, 11)).toBe(10);
  });
});

describe('the line table', () => {
  it('gives the same paragraphs whether it keeps each line as first read (a small document) or reads it again (a large one)', async () => {
    const { reflow } = await import('../src/layout/reflow.js');
    const { readFileSync } = await import('node:fs');
    // The sample briefing, and the same text past the size up to which lines are kept (blank lines after it add no paragraph).
    const text = readFileSync(new URL('../fixtures/sample/briefing.txt', import.meta.url), 'utf8') + '东嶺大學與南港市簽約\n';
    const small = reflow(text).paragraphs;
    const large = reflow(text + '\n'.repeat(300 * 1024)).paragraphs;
    expect(small.length).toBeGreaterThan(10);
    expect(large.map((p) => [p.piece.text, p.view, p.kind, p.by, p.line, p.piece.sourceStart, p.piece.sourceEnd])).toEqual(
      small.map((p) => [p.piece.text, p.view, p.kind, p.by, p.line, p.piece.sourceStart, p.piece.sourceEnd]),
    );
  });
});
