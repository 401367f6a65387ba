/** The formatters as the library exports them: what the command line prints, from a Document. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { Document, NdjsonRecord, TABLE_COLUMNS, csvHeader, csvRows, documentParts, extractBriefing, extractFile, formatDocument, ndjsonLines, streamBriefing, streamFile, TABLES } from '../src/index.js';
import { documentJsonParts, encodeParts } from '../src/format/index.js';
import { allFixtures, ROOT, SAMPLE } from './helpers.js';

const doc = extractBriefing(readFileSync(SAMPLE), { file: 'digest.txt' });

describe('library formatters', () => {
  it('renders one NDJSON line per record, each a valid NdjsonRecord naming its file', () => {
    const lines = ndjsonLines(doc).split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(doc.records.length);
    const parsed = lines.map((l) => NdjsonRecord.parse(JSON.parse(l)));
    expect(parsed.map((r) => r.file)).toEqual(doc.records.map(() => 'digest.txt'));
    expect(parsed.map((r) => r.index)).toEqual(doc.records.map((r) => r.index));
    expect(parsed[0]!.briefingDate).toBe(doc.briefing.date);
  });

  it('writes JSON in parts (one a record) that join to JSON.stringify(doc, null, 2) byte for byte', () => {
    for (const path of allFixtures()) {
      const d = extractBriefing(readFileSync(path), { file: path });
      const parts = [...documentJsonParts(d)];
      expect(parts.length).toBeGreaterThanOrEqual(d.records.length);
      expect(parts.join('')).toBe(JSON.stringify(d, null, 2));
      expect(Buffer.concat(encodeParts(parts, 64)).toString('utf8')).toBe(JSON.stringify(d, null, 2));
    }
  });

  it('renders JSON that reads back as the same Document', () => {
    const text = formatDocument(doc, 'json', { table: 'records', bom: false });
    expect(text.endsWith('\n')).toBe(true);
    expect(Document.parse(JSON.parse(text))).toEqual(doc);
  });

  it('renders CSV tables with their header and one row per person', () => {
    const header = csvHeader('people', true);
    expect(header).toBe('\ufeff' + TABLE_COLUMNS.people.join(',') + '\r\n');
    const rows = csvRows(doc, 'people').split('\r\n').filter((r) => r !== '');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows).toHaveLength(doc.records.reduce((n, r) => n + r.people.length, 0));
    expect(formatDocument(doc, 'csv', { table: 'people', bom: false })).toBe(csvHeader('people') + csvRows(doc, 'people'));
  });

  it('keeps Excel from taking a yearless date or a leading sign for a formula, only in --bom output', () => {
    const yearless = extractBriefing('1.校企合作\n8月18日，东岭大学与南港集团有限公司签署合作协议。\n', { file: 'a.txt' });
    expect(yearless.records[0]!.date!.start).toBe('--08-18');
    const plain = formatDocument(yearless, 'csv', { table: 'records', bom: false }).split('\r\n')[1]!.split(',');
    expect(plain[5]).toBe('--08-18');
    const excel = formatDocument(yearless, 'csv', { table: 'records', bom: true }).split('\r\n')[1]!.split(',');
    expect(excel[5]).toBe("'--08-18");
    expect(excel[6]).toBe("'--08-18");
    expect(excel[0]).toBe('a.txt');
  });
});

describe('streamed documents (records built as the writer reads them)', () => {
  const options = { table: 'records' as const, bom: false };

  it('build no record before one is read, and one more for each line read', () => {
    const s = streamBriefing(readFileSync(SAMPLE), { file: 'digest.txt' });
    expect(s.count).toBe(0);
    expect(s.doc.records).toEqual([]);
    const lines = documentParts(s, 'ndjson', options)[Symbol.iterator]();
    lines.next();
    expect(s.count).toBe(1);
    lines.next();
    expect(s.count).toBe(2);
  });

  it('write every format and table byte for byte as the whole Document does, on every fixture', () => {
    for (const path of allFixtures()) {
      const bytes = readFileSync(path);
      const whole = extractBriefing(bytes, { file: path });
      for (const format of ['json', 'ndjson', 'csv'] as const) {
        for (const table of format === 'json' ? (['records'] as const) : TABLES) {
          const o = { table, bom: false, rows: format === 'ndjson' && table !== 'records' };
          const streamed = streamBriefing(bytes, { file: path });
          expect([...documentParts(streamed, format, o)].join(''), `${path} ${format} ${table}`).toBe(formatDocument(whole, format, o));
          expect(streamed.count).toBe(whole.records.length);
          expect(streamed.doc.warnings).toEqual(whole.warnings);
        }
      }
    }
  });

  it('gathered, equal the Document extractFile returns, origins included (a DOCX and a PDF)', async () => {
    for (const name of ['sample-numbered.docx', 'sample-numbered.pdf']) {
      const bytes = readFileSync(join(ROOT, 'fixtures/inputs', name));
      const whole = await extractFile(bytes, { file: name });
      const streamed = await streamFile(bytes, { file: name });
      const json = [...documentParts(streamed, 'json', options)].join('');
      expect(json).toBe(formatDocument(whole, 'json', options));
      expect(whole.records.some((r) => r.origin !== undefined)).toBe(true);
    }
  });
});
