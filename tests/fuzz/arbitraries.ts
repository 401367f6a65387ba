/**
 * Input generators for the property tests: random bytes, briefing-like text
 * built from typical pieces, and mutations of the fixtures (lines deleted,
 * duplicated, swapped, split mid-word, re-encoded, truncated mid-character).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { dirname } from 'node:path';
import { CASES, SAMPLE } from '../helpers.js';

const PIECES = [
  '工作简报', '高校动态', '〔2023〕第3期(总第38期)', '2016年第1期', '第12期', '东岭大学合作发展部', '2023年10月26日',
  '一、', '二、', '(一)', '（二）', '第一部分', '【他山之石】', '【教育资讯】', '1.', '2．', '3、', '（1）', '①',
  '6月16日，', '4月21日至23日', '9月28日至10月2日', '5月6日—8日', '10月23日、29日', '2023-11-03', '８ 月 １８ 日',
  '二〇二三年十月二十六日', '上月28日', '1024日', '12，6月', '2019-2022 年',
  '东岭大学', '西川市人民政府', '南港集团有限公司', '北湖区', '高新区管委会', '第一人民医院', '研究院', '学会',
  '与', '和', '、', '携手', '签署', '共建', '战略合作协议', '框架协议', '合作备忘录', '《投资协议》', '协议', '根据协议',
  '党委书记', '校长', '副市长', '院士', '董事长', '执行总裁、总工程师，', '周明远', '钱立新', '马於光', '卜显和', '吴志刚',
  '出席', '主持', '致辞', '一行', '带队赴', '来', '揭牌', '。', '，', '；', '：', ':', ',', '(', ')', '“', '”', '《', '》',
  '（摘编来源：东岭大学新闻网）', '来源：', '主送：校领导', '抄送：各学院', '发布时间:2025-09-19', '本网讯(通讯员 陈小雨)',
  '撰稿：', 'IMG_001.jpg', '………………1', '5 / 5', '- 3 -', '\n', '\n\n', '\n\n\n', '\r\n', ' ', '\u3000', '\u00a0', '\u200b',
  '簽署', '協議', '書記', 'RISC-V', '2.7万', '（', '“',
];

/** Text assembled from briefing pieces, in any order. */
export const briefingText = fc.array(fc.constantFrom(...PIECES), { minLength: 0, maxLength: 120 }).map((parts) => parts.join(''));

/** Arbitrary bytes, sometimes with a BOM in front. */
export const randomBytes = fc
  .tuple(fc.constantFrom([], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]), fc.uint8Array({ maxLength: 400 }))
  .map(([bom, body]) => Uint8Array.from([...bom, ...body]));

function fixtureTexts(): string[] {
  const texts: string[] = [];
  for (const dir of [dirname(SAMPLE), CASES]) {
    for (const f of readdirSync(dir)) {
      if (!f.endsWith('.txt')) continue;
      const bytes = readFileSync(join(dir, f));
      try {
        texts.push(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
      } catch {
        /* the non-UTF-8 fixtures are covered by re-encoding below */
      }
    }
  }
  return texts;
}
const FIXTURES = fixtureTexts();

type Mutation = (lines: string[], r: number[]) => string[];
const MUTATIONS: Mutation[] = [
  (l, [a]) => l.filter((_, i) => i !== a! % Math.max(l.length, 1)),
  (l, [a]) => {
    const i = a! % Math.max(l.length, 1);
    return [...l.slice(0, i + 1), l[i] ?? '', ...l.slice(i + 1)];
  },
  (l, [a, b]) => {
    const out = [...l];
    const i = a! % Math.max(l.length, 1);
    const j = b! % Math.max(l.length, 1);
    [out[i], out[j]] = [out[j] ?? '', out[i] ?? ''];
    return out;
  },
  (l, [a, b]) => {
    const i = a! % Math.max(l.length, 1);
    const line = l[i] ?? '';
    const at = b! % Math.max(line.length, 1);
    return [...l.slice(0, i), line.slice(0, at), '', line.slice(at), ...l.slice(i + 1)];
  },
];

/** A fixture, mutated, then encoded one way or another (and maybe cut mid-character). */
export const mutatedFixture = fc
  .record({
    which: fc.nat(),
    mutations: fc.array(fc.tuple(fc.nat(MUTATIONS.length - 1), fc.nat(), fc.nat()), { maxLength: 6 }),
    encoding: fc.constantFrom('utf-8', 'utf-8', 'gb18030', 'utf-16le-bom', 'utf-8-bom'),
    cut: fc.option(fc.nat(), { nil: undefined }),
  })
  .map(({ which, mutations, encoding, cut }) => {
    let lines = FIXTURES[which % FIXTURES.length]!.split('\n');
    for (const [m, a, b] of mutations) lines = MUTATIONS[m]!(lines, [a, b]);
    const text = lines.join('\n');
    let bytes: Uint8Array =
      encoding === 'gb18030'
        ? iconv.encode(text, 'gb18030')
        : encoding === 'utf-16le-bom'
          ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
          : encoding === 'utf-8-bom'
            ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])
            : Buffer.from(text);
    if (cut !== undefined && bytes.length > 0) bytes = bytes.subarray(0, cut % bytes.length);
    return bytes;
  });

/** Any of the three kinds of input. */
export const anyInput = fc.oneof(
  { arbitrary: randomBytes, weight: 1 },
  { arbitrary: briefingText.map((t) => Buffer.from(t) as Uint8Array), weight: 2 },
  { arbitrary: mutatedFixture, weight: 2 },
);
