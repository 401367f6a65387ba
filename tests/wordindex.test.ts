/**
 * The word tables (src/lexicon/wordindex.ts): what EndingIndex and StartIndex
 * answer is what a scan of their word list gives, at every position of a text,
 * for lists large enough that the trie's hash table grows many times.
 */
import { describe, expect, it } from 'vitest';
import { EndingIndex, StartIndex, wordIndex } from '../src/lexicon/wordindex.js';

/** A seeded list of words of 1–5 characters over a small alphabet, so words share prefixes and suffixes. */
function words(n: number, seed: number): string[] {
  const alphabet = '学院大中心研究所市县区政府集团公司与和';
  let a = seed >>> 0;
  const next = () => {
    a = (Math.imul(a, 1103515245) + 12345) >>> 0;
    return a >>> 8;
  };
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    let w = '';
    const len = 1 + (next() % 5);
    for (let k = 0; k < len; k++) w += alphabet[next() % alphabet.length];
    out.push(w);
  }
  return out;
}

/** The longest listed word ending at `end` and starting at or after `from`; the first listed of equal words. */
function scanEnding(list: Array<{ word: string; n: number }>, text: string, from: number, end: number) {
  let best: { word: string; n: number } | null = null;
  for (const e of list) {
    const s = end - e.word.length;
    if (e.word.length === 0 || s < from || text.slice(s, end) !== e.word) continue;
    if (!best || e.word.length > best.word.length) best = e;
  }
  return best;
}

function scanStarting(list: string[], text: string, at: number): string | null {
  let best: string | null = null;
  for (const w of list) if (w.length > 0 && text.startsWith(w, at) && (!best || w.length > best.length)) best = w;
  return best;
}

describe('EndingIndex', () => {
  const list = words(3000, 7).map((word, n) => ({ word, n }));
  const index = new EndingIndex(list);
  const text = words(400, 99).join('');

  it('answers every end position as a scan of the list does', () => {
    for (let end = 0; end <= text.length; end++) expect(index.endingAt(text, end)).toBe(scanEnding(list, text, 0, end));
  });

  it('keeps a word inside the lower bound', () => {
    for (let end = 3; end <= text.length; end += 7) expect(index.endingWithin(text, end - 2, end)).toBe(scanEnding(list, text, end - 2, end));
    expect(index.endingWithin(text, 5, 5)).toBeNull();
  });

  it('keeps the first entry of a word, also when more are added later', () => {
    const first = { word: '研究院', tag: 'first' };
    const idx = new EndingIndex([first, { word: '研究院', tag: 'second' }]);
    idx.add([{ word: '研究院', tag: 'third' }, { word: '究院', tag: 'short' }]);
    expect(idx.endingAt('某某研究院', 5)).toBe(first);
    expect(idx.endingWithin('某某研究院', 3, 5)?.tag).toBe('short');
    expect(idx.endingAt('某某研究所', 5)).toBeNull();
  });

  it('numbers each entry it finds, and a number keeps its entry while the index grows', () => {
    const numbers = new Map<number, (typeof list)[number]>();
    for (let end = 0; end <= text.length; end++) {
      const node = index.endingNodeWithin(text, 0, end);
      const entry = scanEnding(list, text, 0, end);
      expect(node === 0 ? null : index.entryOf(node)).toBe(entry);
      if (node !== 0) numbers.set(node, entry!);
    }
    expect(numbers.size).toBeGreaterThan(100);
    const grown = new EndingIndex(list);
    const before = [...numbers.keys()].map((node) => grown.entryOf(node));
    grown.add(words(2000, 123).map((word, n) => ({ word, n: -n })));
    expect([...numbers.keys()].map((node) => grown.entryOf(node))).toEqual(before);
  });

  it('wordIndex finds the longest of plain words', () => {
    const idx = wordIndex(['大学', '工业大学', '业大学']);
    expect(idx.endingAt('北方工业大学', 6)?.word).toBe('工业大学');
    expect(idx.endingAt('北方工业大学', 5)).toBeNull();
  });
});

describe('StartIndex', () => {
  const list = words(3000, 3);
  const index = new StartIndex(list);
  const text = words(400, 41).join('');

  it('answers every start position as a scan of the list does', () => {
    for (let at = 0; at <= text.length; at++) {
      expect(index.startingAt(text, at)).toBe(scanStarting(list, text, at));
      expect(index.has(text, at)).toBe(scanStarting(list, text, at) !== null);
    }
  });

  it('answers as the scan does when its words come in many small lists (a user lexicon adds more)', () => {
    const grown = new StartIndex(list.slice(0, 10));
    for (let k = 10; k < list.length; k += 10) grown.add(list.slice(k, k + 10));
    for (let at = 0; at <= text.length; at++) expect(grown.startingAt(text, at)).toBe(scanStarting(list, text, at));
  });

  it('isWord answers as a set of the list does, for every stretch of up to six characters', () => {
    const set = new Set(list);
    for (let at = 0; at <= text.length; at++) {
      for (let end = at; end <= Math.min(text.length + 1, at + 6); end++) expect(index.isWord(text, at, end)).toBe(end <= text.length && set.has(text.slice(at, end)));
    }
    expect(index.isWord(text, -1, 2)).toBe(false);
  });

  it('takes words added later and stops at the end of the text', () => {
    const idx = new StartIndex(['合作']);
    idx.add(['合作协议', '协议']);
    expect(idx.startingAt('签署合作协议', 2)).toBe('合作协议');
    expect(idx.startingAt('签署合作协', 2)).toBe('合作');
    expect(idx.startingAt('签署合作', 4)).toBeNull();
  });
});
