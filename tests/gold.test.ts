/**
 * Scoring, on the bundled sample and its gold (our own text). The real texts
 * in ../shared are scored by `npm run eval:dev` against a committed baseline.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { extractBriefing } from '../src/index.js';
import { GoldFile } from '../src/eval/gold.js';
import { scoreDocuments } from '../src/eval/score.js';
import { SAMPLE, SAMPLE_GOLD, squeeze } from './helpers.js';

const goldText = readFileSync(SAMPLE_GOLD, 'utf8');
const golds = [GoldFile.parse(JSON.parse(goldText))];
const pairs = golds.map((gold) => ({ gold, doc: extractBriefing(readFileSync(SAMPLE), { file: gold.file }) }));

describe('the sample against its gold: layout and dates are exact', () => {
  for (const { gold, doc } of pairs) {
    it(`${gold.file}: masthead`, () => {
      const { spans: _s, ...b } = doc.briefing;
      expect({ ...b, issue: b.issue && { text: b.issue.text, year: b.issue.year, number: b.issue.number, total: b.issue.total } }).toEqual(gold.briefing);
    });
    it(`${gold.file}: every record, no extra, with title, section, date and dates`, () => {
      expect(doc.records.length).toBe(gold.records.length);
      gold.records.forEach((g, k) => {
        const r = doc.records[k]!;
        expect(squeeze(r.text).startsWith(squeeze(g.anchor)), `#${g.index} anchor`).toBe(true);
        expect(r.title === null ? null : squeeze(r.title), `#${g.index} title`).toBe(g.title === null ? null : squeeze(g.title));
        expect(r.section, `#${g.index} section`).toBe(g.section);
        expect(r.date && { start: r.date.start, end: r.date.end, year: r.date.year }, `#${g.index} date`).toEqual(g.date);
        expect(r.dates.map((d) => ({ start: d.start, end: d.end, text: squeeze(d.text) })), `#${g.index} dates`).toEqual(
          g.dates.map((d) => ({ start: d.start, end: d.end, text: squeeze(d.text ?? '') })),
        );
      });
    });
  }
});

describe('entity accuracy on the sample', () => {
  const { scores } = scoreDocuments(pairs);
  it('records, dates, sections, titles, masthead and people are exact', () => {
    expect(scores.records.f).toBe(1);
    expect(scores.dates.f).toBe(1);
    expect(scores.date.acc).toBe(1);
    expect(scores.section.acc).toBe(1);
    expect(scores.title.acc).toBe(1);
    expect(scores.masthead.acc).toBe(1);
    expect(scores.people.f).toBe(1);
    expect(scores.personTitle.acc).toBe(1);
    expect(scores.agreements.f).toBe(1);
  });
  it('parties and institutions hold at least their figures of today', () => {
    expect(scores.partiesLenient.f).toBeGreaterThanOrEqual(0.9);
    expect(scores.institutions.f).toBeGreaterThanOrEqual(0.9);
  });
});

describe('a GBK copy of the sample', () => {
  it('gives the same records and reports gb18030', () => {
    const text = readFileSync(SAMPLE, 'utf8');
    const gbk = iconv.encode(text, 'gbk');
    const fromGbk = extractBriefing(gbk, { file: 'x' });
    const fromUtf8 = extractBriefing(Buffer.from(text, 'utf8'), { file: 'x' });
    expect(fromGbk.encoding).toBe('gb18030');
    expect(fromUtf8.encoding).toBe('utf-8');
    expect(fromGbk.records).toEqual(fromUtf8.records);
    expect(fromGbk.briefing).toEqual(fromUtf8.briefing);
  });
});

describe('scoring itself', () => {
  it('counts a missing record and its fields as missed', () => {
    const { gold, doc } = pairs[0]!;
    const cut = { ...doc, records: doc.records.slice(1) };
    const { scores } = scoreDocuments([{ gold, doc: cut }]);
    expect(scores.records.tp).toBe(gold.records.length - 1);
    expect(scores.records.r).toBeLessThan(1);
    expect(scores.people.ng).toBe(gold.records.reduce((n, r) => n + r.people.length, 0));
    expect(scores.date.ok).toBe(gold.records.length - 1);
  });
  it('matches parties leniently when one name contains the other', () => {
    const { gold, doc } = pairs[0]!;
    const renamed = { ...doc, records: doc.records.map((r) => ({ ...r, parties: r.parties.map((p) => ({ ...p, name: p.name + '某部' })) })) };
    const { scores } = scoreDocuments([{ gold, doc: renamed }]);
    expect(scores.parties.tp).toBe(0);
    expect(scores.partiesLenient.tp).toBeGreaterThan(0);
  });
});

describe('the sample in other clothes scores as the original does', () => {
  // Real files from other places print the same news with half-width punctuation,
  // spaces inside dates and CRLF line ends; the gold is dressed the same way where
  // its strings hold that punctuation (dates are compared by value).
  const halfwidth = (t: string) => t.replace(/，/g, ',').replace(/：/g, ':').replace(/；/g, ';').replace(/（/g, '(').replace(/）/g, ')');
  const spacedDates = (t: string) => t.replace(/(\d{1,2})月(\d{1,2})日/g, '$1 月 $2 日');
  const crlf = (t: string) => t.replace(/\n/g, '\r\n');
  const original = scoreDocuments(pairs).scores;
  const variants: Array<[string, (t: string) => string, (t: string) => string]> = [
    ['half-width punctuation', halfwidth, halfwidth],
    ['spaces inside dates', spacedDates, (t) => t],
    ['CRLF line ends', crlf, (t) => t],
  ];
  for (const [name, dressText, dressGold] of variants) {
    it(name, () => {
      const gold = GoldFile.parse(JSON.parse(dressGold(goldText)));
      const dressed = [{ gold, doc: extractBriefing(dressText(readFileSync(SAMPLE, 'utf8')), { file: gold.file }) }];
      const { scores } = scoreDocuments(dressed);
      expect(scores).toEqual(original);
    });
  }
});
