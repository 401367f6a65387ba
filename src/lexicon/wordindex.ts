/** Tables handed out by codeUnitTable that one buffer holds. */
const TABLES_PER_BUFFER = 64;
let tableBuffer: ArrayBuffer | null = null;
let tablesTaken = TABLES_PER_BUFFER;

/**
 * A zeroed table of one byte per UTF-16 code unit (64 KB), cut from a buffer
 * shared with 63 others. A 4 MB buffer comes from the system as pages that are
 * zero until written, so a table costs neither the time to clear 64 KB nor
 * memory for the pages no member falls in: the word and character tables of
 * the rules (about 85) cost 1.2 MB instead of 5.4 MB in each thread, and
 * start-up does not clear them one by one.
 */
export function codeUnitTable(): Uint8Array {
  if (tablesTaken === TABLES_PER_BUFFER) {
    tableBuffer = new ArrayBuffer(65536 * TABLES_PER_BUFFER);
    tablesTaken = 0;
  }
  return new Uint8Array(tableBuffer!, 65536 * tablesTaken++, 65536);
}

/**
 * Word lists indexed by their last character, so "which listed word ends at
 * position i?" costs one map lookup for most characters instead of a scan of
 * the whole list. Words of one last character are kept longest first.
 */
export class EndingIndex<T extends { word: string }> {
  /** 1 where some word ends with that code unit: most characters are turned away here. */
  private readonly lastTable = codeUnitTable();
  /** A trie of the words read backwards from their last character; a node holds the entry of the word ending there. */
  private readonly root = new Map<number, TrieNode<T>>();

  constructor(entries: readonly T[]) {
    this.add(entries);
  }

  /** Takes more entries in (a user lexicon's words); an entry for a word already there does not replace it. */
  add(entries: readonly T[]): void {
    for (const e of entries) {
      const w = e.word;
      if (w.length === 0) continue;
      this.lastTable[w.charCodeAt(w.length - 1)] = 1;
      let level = this.root;
      let node: TrieNode<T> | undefined;
      for (let i = w.length - 1; i >= 0; i--) {
        const c = w.charCodeAt(i);
        node = level.get(c);
        if (!node) level.set(c, (node = { next: null, entry: null }));
        if (i > 0) level = node.next ??= new Map();
      }
      // The first entry of a word stands (as a list sorted stably by length would give).
      if (node && node.entry === null) node.entry = e;
    }
  }

  /** The longest entry whose word ends exactly at `end` and starts at or after `from`, or null. */
  endingWithin(text: string, from: number, end: number): T | null {
    if (end <= from || this.lastTable[text.charCodeAt(end - 1)] === 0) return null;
    let level: Map<number, TrieNode<T>> | null = this.root;
    let found: T | null = null;
    for (let i = end - 1; i >= from && level; i--) {
      const node = level.get(text.charCodeAt(i));
      if (!node) break;
      if (node.entry) found = node.entry;
      level = node.next;
    }
    return found;
  }

  /** The longest entry whose word ends exactly at `end` in `text`, or null. */
  endingAt(text: string, end: number): T | null {
    return this.endingWithin(text, 0, end);
  }
}

interface TrieNode<T> {
  next: Map<number, TrieNode<T>> | null;
  entry: T | null;
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
  private readonly firstTable = codeUnitTable();
  /** A trie of the words; a node marks where a word ends. */
  private readonly root = new Map<number, TrieNode<string>>();

  constructor(words: readonly string[]) {
    this.add(words);
  }

  /** Takes more words in. */
  add(words: readonly string[]): void {
    for (const w of new Set(words)) {
      if (w.length === 0) continue;
      this.firstTable[w.charCodeAt(0)] = 1;
      let level = this.root;
      let node: TrieNode<string> | undefined;
      for (let i = 0; i < w.length; i++) {
        const c = w.charCodeAt(i);
        node = level.get(c);
        if (!node) level.set(c, (node = { next: null, entry: null }));
        if (i < w.length - 1) level = node.next ??= new Map();
      }
      node!.entry = w;
    }
  }

  /** The longest listed word starting at `at` in `text`, or null. */
  startingAt(text: string, at: number): string | null {
    if (this.firstTable[text.charCodeAt(at)] !== 1) return null;
    let level: Map<number, TrieNode<string>> | null = this.root;
    let found: string | null = null;
    for (let i = at; i < text.length && level; i++) {
      const node = level.get(text.charCodeAt(i));
      if (!node) break;
      if (node.entry !== null) found = node.entry;
      level = node.next;
    }
    return found;
  }

  has(text: string, at: number): boolean {
    return this.startingAt(text, at) !== null;
  }
}

/** A set of characters tested by code unit: `view[i]` would allocate a string for every CJK character. */
export class CharSet {
  /** 1 at each member's code unit; hot loops read it directly (`table[view.charCodeAt(i)]`). */
  readonly table = codeUnitTable();
  constructor(chars: string) {
    for (let i = 0; i < chars.length; i++) this.table[chars.charCodeAt(i)] = 1;
  }
  at(text: string, i: number): boolean {
    return this.table[text.charCodeAt(i)] === 1;
  }
}
