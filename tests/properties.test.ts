/**
 * Invariants over generated and mutated input (fast-check). `npm test` runs
 * FUZZ_RUNS cases (default 2,000); `npm run fuzz` runs 100,000 and reports.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Document, decodeBytes, extractBriefing, InputError, type Document as Doc } from '../src/index.js';
import { anyInput, briefingText } from './fuzz/arbitraries.js';
import { sliceMatches } from './helpers.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
// `npm test` replays a fixed seed, so CI is repeatable; `npm run fuzz` (FUZZ_SEED=random) draws a new one each run.
const SEED = process.env.FUZZ_SEED === 'random' ? undefined : Number(process.env.FUZZ_SEED ?? 20231026);

/** Every span of a Document, with the value it must slice back to. */
function spans(doc: Doc): Array<[[number, number], string]> {
  const out: Array<[[number, number], string]> = [];
  for (const r of doc.records) {
    if (r.title && r.titleSpan) out.push([r.titleSpan, r.title]);
    for (const d of r.dates) out.push([d.span, d.text]);
    for (const p of r.people) out.push([p.span, p.name]);
    for (const p of r.parties) out.push([p.span, p.name]);
    for (const a of r.agreements) out.push([a.span, a.text]);
    for (const i of r.institutions) out.push([i.span, i.name]);
  }
  if (doc.briefing.issue) out.push([doc.briefing.issue.span, doc.briefing.issue.text]);
  if (doc.briefing.title && doc.briefing.spans.title) out.push([doc.briefing.spans.title, doc.briefing.title]);
  return out;
}

/** The values of a Document without any offset: what line endings must not change. */
function values(doc: Doc): unknown {
  return JSON.parse(JSON.stringify(doc, (k, v) => (k === 'span' || k === 'titleSpan' || k === 'spans' ? undefined : v)));
}

let cases = 0;
let documents = 0;
let inputErrors = 0;

function check(bytes: Uint8Array): void {
  cases++;
  let doc: Doc;
  try {
    doc = extractBriefing(bytes, { file: 'fuzz' });
  } catch (e) {
    // The only thing allowed out: one typed input error with a one-line message.
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).message).not.toMatch(/\n/);
    inputErrors++;
    return;
  }
  documents++;
  expect(() => Document.parse(doc)).not.toThrow();
  const source = decodeBytes(bytes).text;
  for (const [[s, e], v] of spans(doc)) {
    expect(s).toBeLessThanOrEqual(e);
    expect(e).toBeLessThanOrEqual(source.length);
    expect(sliceMatches(source, [s, e], v), `"${source.slice(s, e)}" ≠ "${v}"`).toBe(true);
  }
  expect(extractBriefing(bytes, { file: 'fuzz' })).toEqual(doc);
}

describe('properties of extraction over any input', () => {
  it(`returns a valid Document or one InputError, spans slice back, output is deterministic (${RUNS} cases)`, () => {
    const started = Date.now();
    fc.assert(fc.property(anyInput, check), { numRuns: RUNS, seed: SEED });
    if (RUNS > 2000) console.log(`fuzz: ${cases} cases, ${documents} documents, ${inputErrors} input errors, 0 failures, ${((Date.now() - started) / 1000).toFixed(1)} s`);
    expect(documents).toBeGreaterThan(0);
    expect(inputErrors).toBeGreaterThan(0);
  });

  it(`line-ending style changes no value (${Math.ceil(RUNS / 4)} cases)`, () => {
    fc.assert(
      fc.property(briefingText, (text) => {
        const lf = text.replace(/\r\n?/g, '\n');
        const base = values(extractBriefing(lf, { file: 'x' }));
        expect(values(extractBriefing(lf.replace(/\n/g, '\r\n'), { file: 'x' }))).toEqual(base);
        expect(values(extractBriefing(lf.replace(/\n/g, '\r'), { file: 'x' }))).toEqual(base);
      }),
      { numRuns: Math.ceil(RUNS / 4), seed: SEED },
    );
  });
});
