/**
 * Organization mentions found by both edges.
 *
 * Right edge: a name ending from the lexicon (大学, 人民政府, 办公室, 有限公司 …),
 * where the text does not go on into a longer name.
 * Left edge: read leftwards from the ending until a word after which a name
 * begins (a preposition, a verb, a particle, a time word, a determiner:
 * src/lexicon/boundaries.ts), punctuation, digits, a blank, or a `与`/`和` that
 * parts two sides (`东岭大学与西川市`, not `材料科学与工程学院`). A boundary that
 * would leave too little of a name (`同济大学` is not `同` + `济大学`) is read through.
 *
 *   `指出东岭大学…`            → 东岭大学
 *   `感谢长期帮助柳岸县…`      → 柳岸县
 *   `2019年星湖学院与柳岸县…`  → 星湖学院, 柳岸县
 *   `新华社某地7月1日电南屿大学` → 南屿大学
 *
 * One OrgText per record text; every rule asks it where names start and end.
 */
import { NAME_BOUNDARIES, NAME_OPENERS, NOT_BOUNDARY_ENDINGS } from '../lexicon/boundaries.js';
import { ORG_SUFFIXES, SELF_NAMES } from '../lexicon/organizations.js';
import { onLexicon } from '../lexicon/user.js';
import { TITLE_WORDS } from '../lexicon/people.js';
import { CharSet, EndingIndex, StartIndex, wordIndex } from '../lexicon/wordindex.js';
import { ScratchArray } from '../text/scratch.js';
import { keepShape } from '../text/shapes.js';

const BOUNDARY_ENDS = wordIndex(NAME_BOUNDARIES);
const BOUNDARY_STARTS = new StartIndex(NAME_BOUNDARIES);
const NOT_BOUNDARY = wordIndex(NOT_BOUNDARY_ENDINGS);
const OPENERS = new StartIndex(NAME_OPENERS);
const SUFFIXES = new EndingIndex(ORG_SUFFIXES);
onLexicon((l) => SUFFIXES.add(l.units));
/** A user lexicon's short names (`山大`): a name, so a 与 after one parts two sides. */
const ALIAS_ENDS = wordIndex([]);
onLexicon((l) => ALIAS_ENDS.add([...l.aliases.keys()].map((word) => ({ word }))));
const SELF = new StartIndex(SELF_NAMES.map((s) => s.word));
const SELF_WORDS = SELF_NAMES.map((s) => s.word);
/** `该校社会合作处`: a reference that opens a phrase (generic, but not split after 该). */
const REFERENCES = new StartIndex(['该校', '该院', '该所', '该区', '该市', '该县', '该省', '该公司', '该集团', '此校']);

/** Characters that never stand inside a name. */
const HARD_STOP = new CharSet('，。；：！？、“”‘’《》〈〉【】「」『』,;:!?"\'…\n\r\t \u3000·•●◆■▲★—–－-~～|｜/');
const CONNECTORS = new CharSet('与和及同跟');
/** Unit words that stand for the text's own side when printed bare (`学院与德国某公司举行…`). */
const BARE = new Set(['学校', '学院']);
/** Verbs that may stand before a bare unit word though they are parts of names elsewhere (`促进学院与企业…合作`, `投资促进局`). */
const BEFORE_BARE = wordIndex(['促进', '推动', '加强', '围绕', '支持', '服务', '助力', '带动', '鼓励', '引导', '要求', '希望', '帮助']);
/** A character that would make a bare unit word the end of a longer word (`大学校`, `本学院`). */
const HAN_BEFORE_NAME = /[大本该我此各全分]/;
/** Verbs after the particle 所 (`所进行的`, `所取得的`). */
const PARTICLE_SUO = /^(?:进行|开展|做|作|取得|提供|签|有|需|能|属|带来|形成|实施|承担|获|发挥|付出|给予|推动|从事|涉及|面临|遇到|采取)/;
/** Longest name read. */
export const MAX_NAME = 32;

/** How much of a name must stand before its ending (`理学院` has one character, `宜宾市` two). */
function minCore(word: string, strong: boolean): number {
  if (word === '大学' || word === '市' || word === '省' || word === '区' || word === '部' || word === '处' || word === '局' || word === '厅') return 2;
  if (word === '县' || word === '州' || word === '镇' || word === '乡' || word === '村' || word === '旗') return 1;
  return strong ? 1 : 2;
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const DATE_UNIT = new CharSet('年月日号');
const CN_NUMERAL = new CharSet('〇零一二三四五六七八九十');
const isLatin = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

export type Suffix = (typeof ORG_SUFFIXES)[number];

/**
 * The ending table every OrgText fills: most records are short, and a fresh
 * typed array for each costs more than the scan that fills it. One OrgText is
 * read at a time (findParties makes one per record); an older one that is
 * read after a newer was made throws instead of answering from the newer's table.
 */
const END_HERE = new ScratchArray((n) => new Int32Array(n), 0);
/** startOf(e) with no floor, once read (−2: not read yet), shared the same way as END_HERE. */
const START_OF = new ScratchArray((n) => new Int32Array(n), -2);
let generation = 0;
/** The breaks of a text with none (most records have a one-line title, or none). */
const NO_BREAKS: ReadonlySet<number> = new Set();

export class OrgText {
  readonly view: string;
  private readonly n: number;
  /** The longest name ending that ends at each position (its number in SUFFIXES, see EndingIndex.entryOf; 0 none). */
  private readonly endHere: Int32Array;
  private readonly generation: number;
  private readonly starts: Int32Array;
  /** Every position a name ending ends at, ascending: loops over all endings read these, not every position. */
  readonly ends: number[] = [];

  /** Where the lines of a title meet (soft boundaries). */
  private readonly breaks: ReadonlySet<number>;

  constructor(view: string, breaks: readonly number[] = []) {
    this.view = view;
    this.breaks = breaks.length === 0 ? NO_BREAKS : new Set(breaks);
    this.n = view.length;
    this.endHere = END_HERE.take(view.length + 1);
    this.starts = START_OF.take(view.length + 1);
    this.generation = ++generation;
    for (let e = 1; e <= view.length; e++) {
      const id = SUFFIXES.endingNodeWithin(view, 0, e);
      if (id === 0) continue;
      const s = SUFFIXES.entryOf(id);
      // `主办`, `举办` end in 办 but are verbs: an ending that is the tail of a longer boundary word ends no name.
      const w = BOUNDARY_ENDS.endingAt(view, e);
      if (w && w.word.length > s.word.length) continue;
      // `与南港市所进行的合作`, `学校所取得的成绩`: 所 before a verb is the particle, it ends no 所.
      if (s.word === '所' && PARTICLE_SUO.test(view.slice(e, e + 2))) continue;
      // `香港科技大学校董会`: 校 after 大学 opens the next word (校董会, 校友会, 校区), it ends no 学校.
      if (s.word === '学校' && e >= 3 && view.charCodeAt(e - 3) === 0x5927 && e < view.length && /[\u4e00-\u9fff]/.test(view[e]!)) continue;
      this.endHere[e] = id;
      this.ends.push(e);
    }
  }

  /** Does a self-name (`我校`, `学校` …) end at `e`? */
  selfEndsAt(e: number): boolean {
    for (const w of SELF_WORDS) if (e >= w.length && this.view.startsWith(w, e - w.length)) return true;
    return false;
  }

  /** Throws when a newer OrgText has been made: the shared tables answer for that one now. */
  private checkCurrent(): void {
    if (this.generation !== generation) throw new Error('an OrgText was read after a newer one was made');
  }

  /** The name ending that ends at `e`, or null. */
  suffixAt(e: number): Suffix | null {
    this.checkCurrent();
    const id = e >= 0 && e <= this.n ? this.endHere[e]! : 0;
    return id === 0 ? null : SUFFIXES.entryOf(id);
  }

  /** Does a word after which a name begins end at `s` (so a name may start at `s`)? */
  boundaryAt(s: number): boolean {
    if (s <= 0 || this.breaks.has(s)) return true;
    const view = this.view;
    const c = view.charCodeAt(s - 1);
    if (HARD_STOP.table[c] === 1) return true;
    if (isDigit(c) && !(isLatin(view.charCodeAt(s)) || isDigit(view.charCodeAt(s)))) return true;
    if (CONNECTORS.table[c] === 1) {
      // `东岭大学与西川市`, `，与南港集团`, `分别与`: 与 parts two sides after a complete name, after
      // punctuation or a word that ends one; in `材料科学与工程学院` it joins two words.
      if (OPENERS.has(view, s - 1)) return false;
      return s === 1 || HARD_STOP.table[view.charCodeAt(s - 2)] === 1 || this.suffixAt(s - 1) !== null || this.selfEndsAt(s - 1) || ALIAS_ENDS.endingAt(view, s - 1) !== null || this.boundaryAt(s - 1);
    }
    const w = BOUNDARY_ENDS.endingAt(view, s);
    if (!w) return false;
    const not = NOT_BOUNDARY.endingAt(view, s);
    if (not && not.word.length > w.word.length) return false;
    // `对外联络处`, `同济大学`, `我校地方服务合作处`: the boundary character opens the name's first word.
    if (w.word.length === 1 && (OPENERS.has(view, s - 1) || SELF.has(view, s - 1) || REFERENCES.has(view, s - 1))) return false;
    return true;
  }

  /** Does a word that may follow a name (or punctuation, or the end) start at `e`? */
  closesAt(e: number): boolean {
    if (e >= this.n) return true;
    const c = this.view.charCodeAt(e);
    if (HARD_STOP.table[c] === 1 || c === 0xff09 || c === 0x29 || c === 0xff08 || c === 0x28) return true;
    if (isDigit(c)) return true;
    if (c === 0x6240 && PARTICLE_SUO.test(this.view.slice(e + 1, e + 3))) return true; // 所进行的
    return BOUNDARY_STARTS.has(this.view, e) || FOLLOWERS.has(this.view, e) || COUNTED.test(this.view.slice(e, e + 4));
  }

  /**
   * Where the name ending at `e` starts, reading left from its ending, or −1
   * when there is none (no ending at `e`, too little before it, unbalanced brackets).
   */
  startOf(e: number, floor = 0): number {
    if (floor !== 0) return this.readStart(e, floor);
    this.checkCurrent();
    if (e < 0 || e > this.n) return -1;
    let s = this.starts[e]!;
    if (s === -2) {
      s = this.readStart(e, 0);
      this.starts[e] = s;
    }
    return s;
  }

  private readStart(e: number, floor: number): number {
    const suffix = this.suffixAt(e);
    if (!suffix) return -1;
    const view = this.view;
    const need = minCore(suffix.word, suffix.strong);
    let s = e - suffix.word.length;
    let depth = 0;
    const limit = Math.max(floor, e - MAX_NAME);
    while (s > limit) {
      const c = view.charCodeAt(s - 1);
      if (c === 0xff09 || c === 0x29) {
        depth++;
        s--;
        continue;
      }
      if (c === 0xff08 || c === 0x28) {
        if (depth === 0) break;
        depth--;
        s--;
        continue;
      }
      if (depth === 0 && e - s - suffix.word.length >= need && this.boundaryAt(s)) break;
      // `代表学校与…`, `围绕学院与…`: a bare unit word after a boundary is the text's own side.
      if (depth === 0 && s === e - suffix.word.length && BARE.has(suffix.word) && (this.boundaryAt(s) || BEFORE_BARE.endingAt(view, s) !== null) && !HAN_BEFORE_NAME.test(view.slice(Math.max(0, s - 1), s))) return s;
      // Punctuation, and digits (a date, a count: `内地18所大学`), are never read through.
      if (HARD_STOP.table[c] === 1 || (isDigit(c) && !isLatin(view.charCodeAt(s)))) break;
      // `2019年星河学院`, `5月某某大学`: a date's unit after its number ends it, like the number.
      if (s >= 2 && DATE_UNIT.table[c] === 1 && (isDigit(view.charCodeAt(s - 2)) || (CN_NUMERAL.table[view.charCodeAt(s - 2)] === 1 && /[\d〇零一二三四五六七八九十]{2}[年月日号]$/.test(view.slice(Math.max(0, s - 5), s))))) break;
      s--;
    }
    if (depth !== 0) return -1;
    if (e - s - suffix.word.length < need) return BARE.has(suffix.word) && e - s === suffix.word.length ? s : -1;
    return s;
  }

  /**
   * The ends of the names starting at `s` (shortest first): every name ending
   * reachable from `s` without crossing a boundary, where the name closes.
   */
  endsFrom(s: number, limit = this.n): number[] {
    const out: number[] = [];
    const view = this.view;
    let depth = 0;
    for (let e = s + 1; e <= Math.min(limit, s + MAX_NAME); e++) {
      const c = view.charCodeAt(e - 1);
      if (c === 0xff08 || c === 0x28) depth++;
      else if (c === 0xff09 || c === 0x29) {
        if (depth === 0) break;
        depth--;
      } else if (HARD_STOP.table[c] === 1) break;
      if (depth === 0 && this.boundaryInside(s, e - 1)) break;
      if (depth !== 0) continue;
      const suffix = this.suffixAt(e);
      if (suffix && e - s - suffix.word.length >= minCore(suffix.word, suffix.strong) && this.closesAt(e)) out.push(e);
    }
    return out;
  }

  /** Is there a boundary at `at` that parts what precedes it (read from `s`) from what follows? */
  private boundaryInside(s: number, at: number): boolean {
    return at > s && this.boundaryAt(at);
  }

  /**
   * A bracketed qualifier right after a name (`康复大学（筹）`, `齐鲁工业大学(山东省科学院)`,
   * `临沂市(费县)`), where the text closes after it: the end past it, else `e`.
   */
  qualifiedEnd(e: number): number {
    const view = this.view;
    const open = e < view.length ? view.charCodeAt(e) : -1;
    if (open !== 0xff08 && open !== 0x28) return e;
    for (let k = e + 1; k < Math.min(view.length, e + 14); k++) {
      const c = view.charCodeAt(k);
      if (c === 0xff09 || c === 0x29) return k > e + 1 && this.closesAt(k + 1) ? k + 1 : e;
      if (HARD_STOP.table[c] === 1 || c === 0xff08 || c === 0x28) return e;
    }
    return e;
  }

  /** `临沂市(费县`: a name that opened a bracket ends after its closing one. */
  closedEnd(s: number, e: number): number {
    const name = this.view.slice(s, e);
    const open = Math.max(name.lastIndexOf('（'), name.lastIndexOf('('));
    const close = Math.max(name.lastIndexOf('）'), name.lastIndexOf(')'));
    const c = this.view.charCodeAt(e);
    return open > close && (c === 0xff09 || c === 0x29) ? e + 1 : e;
  }

  /** The longest name starting at `s`, or −1. */
  longestFrom(s: number, limit = this.n): number {
    const ends = this.endsFrom(s, limit);
    return ends.length ? ends[ends.length - 1]! : -1;
  }

  /** The self-name (`我校`, `学校` …) at `s`, its length, or 0. */
  selfAt(s: number): number {
    return SELF.startingAt(this.view, s)?.length ?? 0;
  }
}

/** `海川集团两次召开…`, `双方三方共建`: a count after a name. */
const COUNTED = /^[一二两三四五六七八九十几多首再]+[次方轮届批度]/;

/** What may follow a name besides boundary words: offices (and their modifiers), delegations, event words. */
const FOLLOWERS = new StartIndex([
  ...TITLE_WORDS, '专职', '执行', '名誉', '首席', '高级', '资深', '驻',
  '一行', '代表团', '考察团', '调研组', '考察组', '访问团', '工作组', '党委', '领导', '负责人', '代表', '书记', '校长', '院长', '主任', '局长', '市长', '县长', '区长', '省长', '部长',
  '处长', '董事长', '总经理', '经理', '总裁', '行长', '所长', '厅长', '主席', '副', '常务', '党组', '纪委', '团委', '师生', '专家', '教授', '学者', '学生', '校友', '等', '之间',
  '双方', '三方', '签约', '合作', '共建', '战略', '校地', '校企', '院地', '政校', '产学研', '全面', '深化', '新一轮', '相关', '联合', '有限公司', '举行', '召开', '举办',
]);

// A record's OrgText lives only as long as the record: see shapes.ts.
keepShape(new OrgText(''));
