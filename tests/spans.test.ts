import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../src/index.js';
import { allFixtures, extractFile, sliceMatches, squeeze, withoutPageLines } from './helpers.js';

/** A value matches its span when the source slice, blanks and page-number lines removed, equals it. */
function expectSlice(source: string, span: [number, number], value: string, what: string) {
  expect(span[0], what).toBeLessThanOrEqual(span[1]);
  expect(sliceMatches(source, span, value), `${what}: "${source.slice(span[0], span[1])}" ≠ "${value}"`).toBe(true);
}

describe('every span slices back to its value', () => {
  for (const path of allFixtures()) {
    it(basename(path), () => {
      const source = decodeBytes(readFileSync(path)).text;
      const doc = extractFile(path);
      let checked = 0;
      const b = doc.briefing;
      if (b.title && b.spans.title) expectSlice(source, b.spans.title, b.title, 'masthead title');
      if (b.publisher && b.spans.publisher) expectSlice(source, b.spans.publisher, b.publisher, 'publisher');
      if (b.issue) expectSlice(source, b.issue.span, b.issue.text, 'issue');
      for (const s of doc.sections) expectSlice(source, s.span, s.heading, 'heading');
      for (const r of doc.records) {
        if (r.title && r.titleSpan) expectSlice(source, r.titleSpan, r.title, `#${r.index} title`);
        const whole = squeeze(withoutPageLines(source.slice(r.span[0], r.span[1])));
        expect(whole.includes(squeeze(r.text).slice(0, 40)), `#${r.index} span holds its text`).toBe(true);
        for (const d of r.dates) expectSlice(source, d.span, d.text, `#${r.index} date`);
        for (const p of r.people) expectSlice(source, p.span, p.name, `#${r.index} person`);
        for (const p of r.parties) expectSlice(source, p.span, p.name, `#${r.index} party`);
        for (const a of r.agreements) expectSlice(source, a.span, a.text, `#${r.index} agreement`);
        for (const i of r.institutions) expectSlice(source, i.span, i.name, `#${r.index} institution`);
        for (const v of [...r.dates, ...r.people, ...r.parties, ...r.agreements, ...r.institutions]) {
          expect(v.span[0] >= r.span[0] && v.span[1] <= r.span[1], `#${r.index} value inside its record`).toBe(true);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(0);
    });
  }
});
