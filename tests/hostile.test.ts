/** Named hostile and broken inputs: each gives a valid Document or one clear error. */
import { spawnSync } from 'node:child_process';
import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { Document, extractBriefing, InputError } from '../src/index.js';
import { ROOT, tempDir } from './helpers.js';

const BIN = join(ROOT, 'bin/briefing.js');
const cli = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
const tmp = () => tempDir('briefing-hostile-');

describe('empty and structureless input', () => {
  it('an empty file and a blank one give an empty Document and a warning, exit 0', () => {
    for (const text of ['', '   \n\u3000\n\t\r\n']) {
      const doc = Document.parse(extractBriefing(Buffer.from(text)));
      expect(doc.records).toEqual([]);
      expect(doc.warnings.map((w) => w.code)).toEqual(['empty-input']);
    }
    const dir = tmp();
    writeFileSync(join(dir, 'empty.txt'), '');
    const r = cli(['extract', join(dir, 'empty.txt')]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).warnings[0].code).toBe('empty-input');
  });

  it('plain prose gives one record', () => {
    const doc = extractBriefing('今天天气很好，我们去公园散步，看到了很多花。后来又下起了雨，大家都回家了。');
    expect(doc.records).toHaveLength(1);
    expect(doc.records[0]!.date).toBeNull();
    expect(doc.records[0]!.people).toEqual([]);
  });

  it('a line with no structure at all and no text gives a no-records warning', () => {
    const doc = extractBriefing('————\n……\n');
    expect(doc.warnings.map((w) => w.code)).toContain('no-records');
  });
});

describe('broken bytes', () => {
  it('a file cut in the middle of a UTF-8 character keeps the rest and warns', () => {
    const bytes = Buffer.from('6月16日，东岭大学与西川市签署合作协议。');
    const doc = extractBriefing(bytes.subarray(0, bytes.length - 1));
    expect(doc.records[0]!.agreements.map((a) => a.text)).toEqual(['合作协议']);
    expect(doc.warnings.map((w) => w.code)).toEqual(['truncated-input']);
  });

  it('a GBK file cut mid-character is an error with its offset', () => {
    const gbk = iconv.encode('东岭大学与西川市签署合作协议', 'gbk');
    const e = (() => {
      try {
        extractBriefing(gbk.subarray(0, gbk.length - 1));
      } catch (err) {
        return err as InputError;
      }
      throw new Error('no error');
    })();
    expect(e).toBeInstanceOf(InputError);
    expect(e.message).toBe(`invalid GB18030/GBK at byte ${gbk.length - 2}`);
  });

  it('refuses files over --max-size with a message', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'big.txt'), 'x'.repeat(5000));
    const r = cli(['extract', '--max-size', '4k', join(dir, 'big.txt')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`briefing: ${join(dir, 'big.txt')}: file too large: 5000 bytes exceeds --max-size 4096\n`);
  });

  it('refuses by default a file over 64 MB, the largest the bench converts in every format', () => {
    const dir = tmp();
    const big = join(dir, 'big.txt');
    writeFileSync(big, '');
    truncateSync(big, 64 * 1024 * 1024 + 1); // sparse: nothing is written
    const r = cli(['extract', big]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`briefing: ${big}: file too large: 67108865 bytes exceeds --max-size 67108864\n`);
  });

  it('a ZIP (DOCX) file is not a text file', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'report.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]));
    const r = cli(['extract', join(dir, 'report.txt')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`briefing: ${join(dir, 'report.txt')}: not a text file (ZIP archive (DOCX/XLSX?) at byte 0)\n`);
  });
});

describe('regex safety: adversarial strings finish and stay valid', () => {
  const cases: Array<[string, string]> = [
    ['a long run of 、', '东岭大学' + '、'.repeat(20000) + '签署协议'],
    ['digits', '1'.repeat(50000) + '月' + '2'.repeat(50000) + '日'],
    ['年月日', '年月日至'.repeat(10000)],
    ['unclosed quotes', '“'.repeat(20000) + '签署《' + '协议'.repeat(5000)],
    ['unclosed brackets', '（'.repeat(20000) + '东岭大学（' + '校长'.repeat(5000)],
    ['one 200,000-character line', '东岭大学与西川市人民政府签署合作协议，'.repeat(10000)],
  ];
  for (const [name, text] of cases) {
    it(name, () => {
      const doc = Document.parse(extractBriefing(text));
      expect(doc.records.length).toBeGreaterThanOrEqual(1);
    });
  }
});

describe('deep or odd layout', () => {
  it('10,000 numbered items', () => {
    const text = Array.from({ length: 10000 }, (_, i) => `${(i % 999) + 1}. 东岭大学与西川市签署第${i}项协议\n\n5月${(i % 28) + 1}日，双方签署合作协议。`).join('\n\n');
    const doc = extractBriefing(text);
    expect(doc.records).toHaveLength(10000);
    expect(doc.records[9999]!.date!.start).toBe(`--05-${String((9999 % 28) + 1).padStart(2, '0')}`);
  });

  it('headings with no items, items before any heading, a masthead only', () => {
    const doc = extractBriefing('工作简报\n\n第3期\n\n6月1日，东岭大学召开会议。\n\n一、校地合作\n\n二、校企合作\n\n三、典型案例\n');
    expect(doc.sections.map((s) => s.kind)).toEqual(['university-government', 'university-enterprise', 'case-study']);
    expect(doc.records).toHaveLength(1);
    expect(doc.records[0]!.heading).toEqual([]);
    const masthead = extractBriefing('服务地方工作简报\n\n〔2024〕第2期(总第20期)\n\n东岭大学合作发展部\n\n2024年3月1日\n');
    expect(masthead.briefing.issue).toMatchObject({ year: 2024, number: 2, total: 20 });
    expect(masthead.records).toEqual([]);
    expect(masthead.warnings.map((w) => w.code)).toEqual(['no-records']);
  });

  it('a briefing pasted twice gives its records twice', () => {
    const one = '工作简报\n\n第3期\n\n一、校地合作\n\n1. 东岭大学与西川市签署协议\n\n6月1日，东岭大学与西川市人民政府签署合作协议。\n';
    const doc = extractBriefing(one + '\n' + one);
    expect(doc.records.map((r) => r.date?.start)).toEqual(['--06-01', '--06-01']);
  });
});
