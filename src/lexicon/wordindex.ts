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
 * A trie over UTF-16 code units whose edges sit in one open-addressed hash
 * table of typed arrays: a step is a multiply, a mask and (mostly) one probe,
 * where a Map per node cost a call into the runtime's hash lookup at every
 * character the lexicon rules read (they are asked at nearly every position of
 * a record). Node 0 is the root; every other node is numbered as it is made,
 * and `values[node]` is what was stored at it (null: nothing ends there).
 */
class CodeTrie<V> {
  /** Per slot: the parent node + 1 (0: empty slot), the code unit, the child node. */
  private parents = new Int32Array(64);
  private codes = new Uint16Array(64);
  private kids = new Int32Array(64);
  private mask = 63;
  private edges = 0;
  /** Per node: 1 when some edge leaves it (a word continues past it). */
  private inner = new Uint8Array(64);
  /** Per node: the value stored there, or null; its length is the number of nodes. */
  readonly values: Array<V | null> = [null];

  private slot(node: number, code: number): number {
    let x = Math.imul(node ^ (code << 12), 0x9e3779b1);
    x ^= x >>> 15;
    return (x ^ code) & this.mask;
  }

  /** The child of `node` along `code`, or -1. */
  child(node: number, code: number): number {
    if (this.inner[node] === 0) return -1;
    const parent = node + 1;
    for (let h = this.slot(node, code); ; h = (h + 1) & this.mask) {
      const p = this.parents[h]!;
      if (p === parent && this.codes[h] === code) return this.kids[h]!;
      if (p === 0) return -1;
    }
  }

  /** Room for `more` edges (and nodes) beyond those held, so adding a list rehashes at most once. */
  reserve(more: number): void {
    let size = this.mask + 1;
    while ((this.edges + more) * 2 > size) size *= 2;
    if (size > this.mask + 1) this.rehash(size);
    const nodes = this.values.length + more;
    if (nodes > this.inner.length) {
      const inner = new Uint8Array(Math.max(nodes, this.inner.length * 2));
      inner.set(this.inner);
      this.inner = inner;
    }
  }

  /**
   * The node at the end of `word`'s code units (read backwards with
   * `backwards`), made as needed. The caller has reserved room for the word
   * (add() reserves for a whole list at once). Past the first node made, every
   * later one is new too: those steps only add edges (start-up builds about 85
   * tables this way, in the interpreter).
   */
  insert(word: string, backwards: boolean): number {
    const n = word.length;
    let node = 0;
    let k = 0;
    for (; k < n; k++) {
      const found = this.child(node, word.charCodeAt(backwards ? n - 1 - k : k));
      if (found < 0) break;
      node = found;
    }
    this.edges += n - k;
    for (; k < n; k++) {
      const id = this.values.length;
      this.values.push(null);
      this.put(node, word.charCodeAt(backwards ? n - 1 - k : k), id);
      this.inner[node] = 1;
      node = id;
    }
    return node;
  }

  private put(node: number, code: number, kid: number): void {
    let h = this.slot(node, code);
    while (this.parents[h] !== 0) h = (h + 1) & this.mask;
    this.parents[h] = node + 1;
    this.codes[h] = code;
    this.kids[h] = kid;
  }

  private rehash(size: number): void {
    const { parents, codes, kids } = this;
    this.parents = new Int32Array(size);
    this.codes = new Uint16Array(size);
    this.kids = new Int32Array(size);
    this.mask = size - 1;
    for (let h = 0; h < parents.length; h++) if (parents[h] !== 0) this.put(parents[h]! - 1, codes[h]!, kids[h]!);
  }
}

/**
 * Word lists indexed by their last character, so "which listed word ends at
 * position i?" costs one table lookup for most characters instead of a scan of
 * the whole list. Words of one last character are kept longest first.
 */
export class EndingIndex<T extends { word: string }> {
  /** 1 where some word ends with that code unit: most characters are turned away here. */
  private readonly lastTable = codeUnitTable();
  /** The words read backwards from their last character; a node holds the entry of the word ending there. */
  private readonly trie = new CodeTrie<T>();

  constructor(entries: readonly T[]) {
    this.add(entries);
  }

  /** Takes more entries in (a user lexicon's words); an entry for a word already there does not replace it. */
  add(entries: readonly T[]): void {
    let chars = 0;
    for (const e of entries) chars += e.word.length;
    this.trie.reserve(chars);
    for (const e of entries) {
      const w = e.word;
      if (w.length === 0) continue;
      this.lastTable[w.charCodeAt(w.length - 1)] = 1;
      const node = this.trie.insert(w, true);
      // The first entry of a word stands (as a list sorted stably by length would give).
      if (this.trie.values[node] === null) this.trie.values[node] = e;
    }
  }

  /** The longest entry whose word ends exactly at `end` and starts at or after `from`, or null. */
  endingWithin(text: string, from: number, end: number): T | null {
    const node = this.endingNodeWithin(text, from, end);
    return node === 0 ? null : this.trie.values[node]!;
  }

  /**
   * As endingWithin, the entry's number instead (0: none; entryOf gives the
   * entry): a table of numbers holds what a table of entries would, and an
   * entry keeps its number while the index grows.
   */
  endingNodeWithin(text: string, from: number, end: number): number {
    // Out of the text, nothing ends (checked first: V8 leaves optimised code that reads a string past its end).
    if (end <= from || end > text.length || this.lastTable[text.charCodeAt(end - 1)] === 0) return 0;
    if (from < 0) from = 0;
    const { trie } = this;
    const { values } = trie;
    let node = 0;
    let found = 0;
    for (let i = end - 1; i >= from; i--) {
      node = trie.child(node, text.charCodeAt(i));
      if (node < 0) break;
      if (values[node] !== null) found = node;
    }
    return found;
  }

  /** The entry numbered `node` by endingNodeWithin. */
  entryOf(node: number): T {
    return this.trie.values[node]!;
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
 * position i?" in one table lookup for most characters.
 */
export class StartIndex {
  private readonly firstTable = codeUnitTable();
  /** The words; a node holds the word ending there. */
  private readonly trie = new CodeTrie<string>();

  constructor(words: readonly string[]) {
    this.add(words);
  }

  /** Takes more words in. */
  add(words: readonly string[]): void {
    const unique = new Set(words);
    let chars = 0;
    for (const w of unique) chars += w.length;
    this.trie.reserve(chars);
    for (const w of unique) {
      if (w.length === 0) continue;
      this.firstTable[w.charCodeAt(0)] = 1;
      this.trie.values[this.trie.insert(w, false)] = w;
    }
  }

  /** The longest listed word starting at `at` in `text`, or null. */
  startingAt(text: string, at: number): string | null {
    if (at < 0 || at >= text.length || this.firstTable[text.charCodeAt(at)] !== 1) return null;
    const { trie } = this;
    const { values } = trie;
    let node = 0;
    let found: string | null = null;
    for (let i = at; i < text.length; i++) {
      node = trie.child(node, text.charCodeAt(i));
      if (node < 0) break;
      const word = values[node]!;
      if (word !== null) found = word;
    }
    return found;
  }

  has(text: string, at: number): boolean {
    return this.startingAt(text, at) !== null;
  }

  /** Is `text` from `start` to `end` exactly a listed word? (Read in place: no slice to hash.) */
  isWord(text: string, start: number, end: number): boolean {
    if (start < 0 || end > text.length || end <= start || this.firstTable[text.charCodeAt(start)] !== 1) return false;
    const { trie } = this;
    let node = 0;
    for (let i = start; i < end; i++) {
      node = trie.child(node, text.charCodeAt(i));
      if (node < 0) return false;
    }
    return trie.values[node] !== null;
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
    return i >= 0 && i < text.length && this.table[text.charCodeAt(i)] === 1;
  }
}
