/**
 * Pieces of one run (held without a runs array) and of many answer alike, and
 * the layout lets its paragraphs go as it drafts records: the two things that
 * keep a large file's layout small (issue 14). Invented texts.
 */
import { describe, expect, it } from 'vitest';
import { Piece, PieceBuilder } from '../src/text/piece.js';
import { ParagraphQueue, reflow } from '../src/layout/reflow.js';
import { parseLayout } from '../src/layout/structure.js';
import { extractBriefing } from '../src/core.js';

/** Every question a piece answers, for each position and range of its text. */
function answers(p: Piece): unknown[] {
  const out: unknown[] = [p.sourceStart, p.sourceEnd];
  const n = p.text.length;
  for (let i = 0; i <= n; i++) out.push(p.sourceIndex(i));
  for (let s = 0; s <= n; s++) {
    for (let e = s; e <= n; e++) {
      out.push(p.span(s, e), [...p.runs(s, e)]);
      const sub = p.slice(s, e);
      out.push(sub.text, sub.sourceStart, sub.sourceEnd);
    }
  }
  const runs: number[][] = [];
  p.eachRun((s, e, src) => runs.push([s, e, src]));
  out.push(runs);
  return out;
}

describe('Piece', () => {
  it('answers a piece of one run as the runs array does', () => {
    for (const [text, at] of [['南岭大学签约', 7], ['', 12], ['x', 0]] as const) {
      // The reference keeps the array form: a second, empty run at the text's end.
      const reference = new Piece(text, [0, at, text.length, at + text.length]);
      expect(answers(new Piece(text, at))).toEqual(answers(reference));
      expect(answers(new Piece(text, [0, at]))).toEqual(answers(reference));
    }
    expect([...new Piece('南岭大学签约', 7).runs(2, 5)]).toEqual([[2, 5, 9]]);
  });

  it('keeps the source start of an empty piece of either form', () => {
    expect(new Piece('', 9).span(0, 0)).toEqual([9, 9]);
    expect(new PieceBuilder().build(31).sourceStart).toBe(31);
    expect(new PieceBuilder().build(31).sourceEnd).toBe(31);
  });

  it('maps each character of a piece of several runs back to its own source position', () => {
    const source = '东岭大 学与\n南港市 签约';
    const b = new PieceBuilder();
    b.appendSource(source, 0, 3);
    b.appendSource(source, 4, 6);
    b.appendSynthetic(' ', 6);
    b.appendSource(source, 7, 10);
    const p = b.build();
    expect(p.text).toBe('东岭大学与 南港市');
    const at = [...p.text].map((_, i) => p.sourceIndex(i));
    expect(at).toEqual([0, 1, 2, 4, 5, 6, 7, 8, 9]);
    expect([...p.runs(2, 8)]).toEqual([[2, 3, 2], [3, 5, 4], [5, 6, 6], [6, 8, 7]]);
    expect(p.slice(3, 9).span(0, 6)).toEqual([4, 10]);
    // A builder given one run makes a piece of one run; it answers as the packed form does.
    const one = new PieceBuilder();
    one.appendSource(source, 7, 10);
    expect(answers(one.build())).toEqual(answers(new Piece('南港市', [0, 7])));
  });
});

const items = (n: number) =>
  ['东岭大学合作工作简报', '', '一、校地合作', ''].concat(
    Array.from({ length: n }, (_, k) => [`${k + 1}. 东岭大学与南港市第${k + 1}次签约`, '', `6月${k + 1}日，东岭大学与南港市人民政府签署合作协议。`, '']).flat(),
  ).join('\n');

describe('parseLayout', () => {
  it('lets each paragraph go once a record is drafted, keeping the one before the last', () => {
    const { paragraphs } = reflow(items(6));
    const queue = new ParagraphQueue(paragraphs);
    const layout = parseLayout(queue);
    expect(layout.records).toHaveLength(6);
    // The last two stay (the loop's look-behind); all before are let go.
    const states = paragraphs.map((_, i) => queue.state(i));
    expect(states.slice(0, -2).every((s) => s === 'released')).toBe(true);
    expect(states.slice(-2)).toEqual(['held', 'held']);
  });

  it('reads the paragraphs as it goes: each is let go a few paragraphs after it was read', () => {
    const { paragraphs } = reflow(items(300));
    let queue: ParagraphQueue | null = null;
    const late: number[] = [];
    function* counted() {
      for (let m = 0; m < paragraphs.length; m++) {
        // As paragraph m is read, every paragraph more than six before it (past the first few) is let go.
        for (let k = 4; k < m - 6; k++) if (queue!.state(k) !== 'released') late.push(k);
        yield paragraphs[m]!;
      }
    }
    queue = new ParagraphQueue(counted());
    const layout = parseLayout(queue);
    expect(layout.records).toHaveLength(300);
    expect(late).toEqual([]);
  });

  it('keeps every paragraph of a text with no record: they become the body of one', () => {
    const text = '东岭大学合作工作简报\n\n南港市代表团来访\n\n座谈交流';
    const { paragraphs } = reflow(text);
    const queue = new ParagraphQueue(paragraphs);
    const layout = parseLayout(queue);
    expect(paragraphs.every((_, i) => queue.state(i) === 'held')).toBe(true);
    expect(layout.records).toHaveLength(1);
    expect(extractBriefing(text).records[0]!.text).toBe(layout.records[0]!.body.text);
  });

  it('gives every record a heading array of its own, though the drafts share one', () => {
    const doc = extractBriefing(items(3));
    const [a, b] = doc.records;
    expect(a!.heading).toEqual(['一、校地合作']);
    expect(b!.heading).toEqual(a!.heading);
    expect(b!.heading).not.toBe(a!.heading);
    a!.heading.push('附');
    expect(b!.heading).toEqual(['一、校地合作']);
  });
});
