/**
 * PDF, Word and web pages: each made from our own sample briefing (see
 * scripts/make-input-fixtures.mjs), each read to the same records and values
 * as the sample's .txt, every span slicing back into the text the Document
 * carries, every value's origin in the file.
 */
import { copyFileSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { InputError, extractBriefing, extractFile, sniffFormat, type Document } from '../src/index.js';
import { ROOT, SAMPLE, run, sliceMatches, tempDir } from './helpers.js';

const INPUTS = join(ROOT, 'fixtures/inputs');
const cmaps = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'cmaps');
const resources = { readCMap: async (name: string) => new Uint8Array(await readFile(join(cmaps, name))) };
const read = (name: string) => extractFile(readFileSync(join(INPUTS, name)), { file: name, resources });

/** What a reader compares between two readings of one briefing. */
const values = (doc: Document) =>
  doc.records.map((r) => ({
    section: r.section,
    title: r.title,
    people: r.people.map((p) => `${p.title} ${p.name}`),
    parties: r.parties.map((p) => `${p.name} ${p.type}`),
    agreements: r.agreements.map((a) => `${a.text} ${a.kind}`),
    dates: r.dates.map((d) => `${d.start}/${d.end} ${d.year}`),
  }));
const txt = extractBriefing(readFileSync(SAMPLE));

/** Every value's span slices back into the Document's own text. */
function spansHold(doc: Document, least = 10) {
  expect(doc.text).toBeDefined();
  const text = doc.text!;
  let n = 0;
  for (const r of doc.records) {
    if (r.title && r.titleSpan) expect(sliceMatches(text, r.titleSpan, r.title)).toBe(true);
    for (const v of [...r.people.map((p) => [p.span, p.name] as const), ...r.parties.map((p) => [p.span, p.name] as const), ...r.agreements.map((a) => [a.span, a.text] as const), ...r.dates.map((d) => [d.span, d.text] as const), ...r.institutions.map((i) => [i.span, i.name] as const)]) {
      expect(sliceMatches(text, v[0], v[1]), `"${text.slice(v[0][0], v[0][1])}" ≠ "${v[1]}"`).toBe(true);
      n++;
    }
  }
  expect(n).toBeGreaterThanOrEqual(least);
}

describe('formats by signature', () => {
  it('tells PDF, DOCX, DOC, HTML and text apart by their bytes, not their names', () => {
    expect(sniffFormat(readFileSync(join(INPUTS, 'sample-cid.pdf')), 'a.txt')).toBe('pdf');
    expect(sniffFormat(readFileSync(join(INPUTS, 'sample-numbered.docx')), 'a.bin')).toBe('docx');
    expect(sniffFormat(readFileSync(join(INPUTS, 'sample-plain.doc')), 'a')).toBe('doc');
    expect(sniffFormat(readFileSync(join(INPUTS, 'wechat.html')), 'a.txt')).toBe('html');
    expect(sniffFormat(readFileSync(SAMPLE), 'a.pdf')).toBe('pdf'); // a name that promises PDF: read as one, to fail clearly
    expect(sniffFormat(readFileSync(SAMPLE), 'a.txt')).toBe('text');
    expect(sniffFormat(Buffer.from('<p>东岭大学</p>'), 'page.htm')).toBe('html');
  });
});

describe('PDF', () => {
  it('with embedded fonts reads as the .txt does', async () => {
    const doc = await read('sample-numbered.pdf');
    expect(doc.format).toBe('pdf');
    expect(values(doc)).toEqual(values(txt));
    expect(doc.briefing.issue?.text.replace(/\s/g, '')).toBe('〔2025〕第4期(总第21期)');
    spansHold(doc);
  });

  it('with non-embedded CID fonts (UniGB-UCS2-H) reads through the packaged CMaps', async () => {
    const doc = await read('sample-cid.pdf');
    expect(values(doc)).toEqual(values(txt));
    spansHold(doc);
  });

  it('without the CMaps says so instead of giving an empty Document', async () => {
    await expect(extractFile(readFileSync(join(INPUTS, 'sample-cid.pdf')), { file: 'x.pdf' })).rejects.toThrow(/CMaps/);
  });

  it('joins a record across a page break, and knows the page of each value', async () => {
    const doc = await read('sample-two-pages.pdf');
    expect(values(doc)).toEqual(values(txt));
    const r = doc.records[0]!;
    const onPage = (name: string) => r.people.find((p) => p.name === name)!.origin;
    expect(onPage('罗振邦')).toMatchObject({ page: 1 });
    expect(onPage('严思源')).toMatchObject({ page: 2 });
    const box = (onPage('严思源') as { bbox: number[] }).bbox;
    expect(box[0]!).toBeLessThan(box[2]!);
    expect(box[1]!).toBeLessThan(box[3]!);
    expect(doc.records[1]!.origin).toMatchObject({ page: 2 });
    spansHold(doc);
  });

  it('with no text layer is an error, not an empty Document', async () => {
    const e = await read('scanned.pdf').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).message).toBe('no text layer (scanned PDF?): OCR it first');
  });
});

describe('Word', () => {
  it('DOCX: automatic numbering is rendered, so sections and items split as in the .txt', async () => {
    const doc = await read('sample-numbered.docx');
    expect(doc.format).toBe('docx');
    // The numbers are not in the document's text runs: Word draws them from numbering.xml.
    expect(readFileSync(join(INPUTS, 'sample-numbered.docx')).includes(Buffer.from('一、'))).toBe(false);
    expect(doc.text).toContain('一、校地合作\n1. 青岚大学与云栖市人民政府');
    expect(doc.sections.map((s) => s.heading)).toEqual(txt.sections.map((s) => s.heading));
    expect(values(doc)).toEqual(values(txt));
    expect(doc.records[0]!.people[0]!.origin).toEqual({ paragraph: 8 });
    spansHold(doc);
  });

  it('DOC (Word 97–2003) reads as the .txt does, quotes and dashes as printed', async () => {
    const doc = await read('sample-plain.doc');
    expect(doc.format).toBe('doc');
    expect(values(doc)).toEqual(values(txt));
    expect(doc.text).toContain('“青岚大学云栖研究院”');
    expect(doc.text).toContain('青岚—北溟');
    spansHold(doc);
  });
});

describe('web pages', () => {
  const sampleRecord = (title: string) => values(txt).find((r) => r.title === title)!;

  it('a university page in GB2312: the article, not its navigation, sidebar or footer', async () => {
    const doc = await read('university-gb2312.html');
    expect(doc.format).toBe('html');
    expect(doc.encoding).toBe('gb18030');
    expect(doc.briefing.date).toBe('2025-06-04');
    expect(doc.records).toHaveLength(1);
    const [got] = values(doc);
    const want = sampleRecord(got!.title!);
    expect({ ...got, section: null }).toEqual({ ...want, section: null });
    for (const chrome of ['首页', '热点新闻', '版权所有', '上一篇', '分享到', '浏览次数']) expect(doc.text).not.toContain(chrome);
    // The origin is an offset into the decoded page, where the value is printed.
    const html = new TextDecoder('gb18030').decode(readFileSync(join(INPUTS, 'university-gb2312.html')));
    const p = doc.records[0]!.people[0]!;
    expect(html.slice((p.origin as { offset: number }).offset).startsWith(p.name)).toBe(true);
    spansHold(doc, 8);
  });

  it('a saved WeChat article: #activity-name, #js_content and the publish time from the page script', async () => {
    const doc = await read('wechat.html');
    expect(doc.briefing.date).toBe('2025-06-18');
    const [got] = values(doc);
    expect(got!.title).toBe('青岚大学与北溟科技集团共建联合实验室');
    expect({ ...got, section: null }).toEqual({ ...sampleRecord(got!.title!), section: null });
    expect(doc.text).not.toContain('扫一扫');
    spansHold(doc, 7);
  });
});

describe('the command line', () => {
  it('takes every format from a folder, extensions in any case, each output beside its name', () => {
    const dir = tempDir();
    const src = join(dir, 'in');
    mkdirSync(src);
    copyFileSync(join(INPUTS, 'sample-cid.pdf'), join(src, 'A.PDF'));
    copyFileSync(join(INPUTS, 'sample-numbered.docx'), join(src, 'a.docx'));
    copyFileSync(join(INPUTS, 'wechat.html'), join(src, 'w.HTM'));
    copyFileSync(SAMPLE, join(src, 'a.TXT'));
    const r = run(['extract', src, '--out-dir', join(dir, 'out'), '-q']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = (name: string) => JSON.parse(readFileSync(join(dir, 'out', name), 'utf8')) as Document;
    expect(out('A.PDF.json').format).toBe('pdf');
    expect(out('a.docx.json').format).toBe('docx');
    expect(out('w.HTM.json').format).toBe('html');
    expect(out('a.json').format).toBe('text');
  });

  it('bad files of each kind give one line each and exit 1, and the batch goes on', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'cut.pdf'), readFileSync(join(INPUTS, 'sample-numbered.pdf')).subarray(0, 2000));
    writeFileSync(join(dir, 'zip.docx'), Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 7)]));
    writeFileSync(join(dir, 'noise.doc'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    copyFileSync(join(INPUTS, 'sample-cid.pdf'), join(dir, 'good.pdf'));
    const r = run(['extract', join(dir, 'cut.pdf'), join(dir, 'zip.docx'), join(dir, 'noise.doc'), join(INPUTS, 'scanned.pdf'), join(dir, 'good.pdf'), '-f', 'ndjson', '-q']);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/cut\.pdf: not a readable PDF: /);
    expect(lines[1]).toMatch(/zip\.docx: not a readable DOCX: /);
    expect(lines[2]).toMatch(/noise\.doc: not a readable Word 97–2003 document: /);
    expect(lines[3]).toMatch(/scanned\.pdf: no text layer \(scanned PDF\?\): OCR it first$/);
    expect(r.stdout.trim().split('\n')).toHaveLength(txt.records.length);
  });

  it('--text-only prints the text the spans index; --input-format reads stdin as a format', () => {
    const t = run(['extract', '--text-only', join(INPUTS, 'sample-numbered.docx')]);
    expect(t.code).toBe(0);
    expect(t.stdout).toContain('一、校地合作\n1. 青岚大学');
    const s = run(['extract', '-', '--input-format', 'pdf', '-f', 'ndjson'], readFileSync(join(INPUTS, 'sample-cid.pdf')));
    expect(s.code).toBe(0);
    expect(s.stdout.trim().split('\n')).toHaveLength(txt.records.length);
    const bad = run(['extract', '-', '--input-format', 'odt'], 'x');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown --input-format "odt"/);
  });
});
