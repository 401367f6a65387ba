/**
 * Word lists indexed by their last character, so "which listed word ends at
 * position i?" costs one map lookup for most characters instead of a scan of
 * the whole list. Words of one last character are kept longest first.
 */
export class EndingIndex<T extends { word: string }> {
  private readonly byLast = new Map<number, T[]>();
  /** 1 where some word ends with that code unit: most characters are turned away here. */
  private readonly lastTable = new Uint8Array(65536);

  constructor(entries: readonly T[]) {
    for (const e of entries) {
      const last = e.word.charCodeAt(e.word.length - 1);
      this.lastTable[last] = 1;
      let list = this.byLast.get(last);
      if (!list) this.byLast.set(last, (list = []));
      list.push(e);
    }
    for (const list of this.byLast.values()) list.sort((a, b) => b.word.length - a.word.length);
  }

  /** The longest entry whose word ends exactly at `end` and starts at or after `from`, or null. */
  endingWithin(text: string, from: number, end: number): T | null {
    if (end <= from) return null;
    const code = text.charCodeAt(end - 1);
    if (this.lastTable[code] === 0) return null;
    const list = this.byLast.get(code);
    if (!list) return null;
    for (const e of list) {
      const start = end - e.word.length;
      if (start >= from && text.startsWith(e.word, start)) return e;
    }
    return null;
  }

  /** The longest entry whose word ends exactly at `end` in `text`, or null. */
  endingAt(text: string, end: number): T | null {
    return this.endingWithin(text, 0, end);
  }
}

/** A word list as an EndingIndex of plain words. */
export function wordIndex(words: readonly string[]): EndingIndex<{ word: string }> {
  return new EndingIndex([...new Set(words)].map((word) => ({ word })));
}

/**
 * Word lists indexed by their first character: "which listed word starts at
 * position i?" in one map lookup for most characters.
 */
export class StartIndex {
  private readonly byFirst = new Map<number, string[]>();
  private readonly firstTable = new Uint8Array(65536);

  constructor(words: readonly string[]) {
    for (const w of new Set(words)) {
      const first = w.charCodeAt(0);
      this.firstTable[first] = 1;
      let list = this.byFirst.get(first);
      if (!list) this.byFirst.set(first, (list = []));
      list.push(w);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.length - a.length);
  }

  /** The longest listed word starting at `at` in `text`, or null. */
  startingAt(text: string, at: number): string | null {
    const code = text.charCodeAt(at);
    if (this.firstTable[code] !== 1) return null;
    const list = this.byFirst.get(code);
    if (!list) return null;
    for (const w of list) if (text.startsWith(w, at)) return w;
    return null;
  }

  has(text: string, at: number): boolean {
    return this.startingAt(text, at) !== null;
  }
}

/** A set of characters tested by code unit: `view[i]` would allocate a string for every CJK character. */
export class CharSet {
  /** 1 at each member's code unit; hot loops read it directly (`table[view.charCodeAt(i)]`). */
  readonly table = new Uint8Array(65536);
  constructor(chars: string) {
    for (let i = 0; i < chars.length; i++) this.table[chars.charCodeAt(i)] = 1;
  }
  at(text: string, i: number): boolean {
    return this.table[text.charCodeAt(i)] === 1;
  }
}
