/**
 * People: names found from their context (an office word before them, a list
 * they stand in, a verb of attendance or speech after them), each with the
 * title printed before it. No list of individual names: a name is a surname
 * plus one or two characters, bounded by what may follow a name.
 */
import { AFTER_NAME, COMPOUND_SURNAMES, HONORIFICS, NOT_NAMES, SPEECH_VERBS, SURNAMES, TITLE_LEADERS, TITLE_WORDS } from '../lexicon/people.js';
import type { Warning } from '../schema/index.js';
import type { Piece } from '../text/piece.js';
import { ScratchArray } from '../text/scratch.js';
import { CharSet, StartIndex, wordIndex } from '../lexicon/wordindex.js';

/** One mention of a person in a text, in view indices. */
export interface PersonMention {
  name: string;
  start: number;
  end: number;
  /** The title printed before this mention, or null. */
  title: string | null;
  /** View index where the title starts (= start when there is none). */
  titleStart: number;
  /** True when the title was read back from the text (not inherited from a list). */
  readBack?: boolean;
  /** Where the person before it ended when the title was read (a later person in between means reading again). */
  floor?: number;
  /** The rule that found it (a Person's `via`). */
  via: string;
}

const byLength = (words: readonly string[]) => [...new Set(words)].sort((a, b) => b.length - a.length);

/** Office words by their last character: "does an office word end here?" is one lookup. */
const TITLE_INDEX = wordIndex(TITLE_WORDS);
const TITLE_FINAL = new CharSet(TITLE_WORDS.map((w) => w[w.length - 1]).join('') + '）');
const endsWithTitle = (s: string) => TITLE_INDEX.endingAt(s, s.length) !== null || bracketedTitleLength(s, s.length) > 0;

/** How long a bracketed note after an office or a name may be, brackets included. */
const BRACKET_NOTE_MAX = 10;
/** Notes on an office that are not offices themselves: `副校长（主持行政工作）`, `主任（兼）`, `（正厅级）`. */
const OFFICE_NOTE = /^(?:兼|兼任|挂职|代|[正副][厅局处科]级|主持(?:行政|全面|日常)?工作)$/;

/**
 * An office with a second office in brackets right after it (`校长（院长）`,
 * `主任(兼)`): the length of the whole, ending at `end`, or 0.
 */
function bracketedTitleLength(view: string, end: number): number {
  if (view.charCodeAt(end - 1) !== 0xff09) return 0; // ）
  // The opening bracket within a few characters (a search back to the start for every `）` would be quadratic).
  let open = end - 2;
  while (open >= 0 && end - open <= BRACKET_NOTE_MAX && view.charCodeAt(open) !== 0xff08) open--;
  if (open < 0 || end - open > BRACKET_NOTE_MAX) return 0;
  const before = TITLE_INDEX.endingAt(view, open);
  if (!before) return 0;
  const inner = view.slice(open + 1, end - 1);
  if (!(TITLE_INDEX.endingAt(inner, inner.length) || OFFICE_NOTE.test(inner))) return 0;
  return end - open + before.word.length;
}
const AFTER_INDEX = new StartIndex(AFTER_NAME);
const AFTER_ENDING = wordIndex(AFTER_NAME);
const SURNAME_SET = new CharSet([...SURNAMES].join(''));
const COMPOUND_INDEX = new StartIndex(COMPOUND_SURNAMES);
const LEADERS = byLength(TITLE_LEADERS);
const LEADER_INDEX = new StartIndex(TITLE_LEADERS);

/** How far back a title is read before a name (a longer stretch is not one title). */
const TITLE_READ_BACK = 90;
/** Honorifics printed after a name, and what may follow them for the name to be a person of the clause. */
const HONORIFIC_INDEX = new StartIndex(HONORIFICS);
const HONORIFIC_JOINS = /^(?:和|与|及|、|等|作|做|为|共同|一行|团队)/;
const LIST_JOIN = new StartIndex(['、', '以及', '和', '及', '与', '同']);

/** Characters that end a name outright: punctuation and every blank JavaScript's \s knows. */
const STRONG_AFTER = new CharSet('，、。；：！？“”‘’（）()《》〈〉【】,.;:!?"\'-—·…' + '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff');
/** Characters that end a title when read backwards. */
const TITLE_STOP = '，。；：！？\n“”《》【】,;:!?';
const TITLE_STOP_SET = new CharSet(TITLE_STOP);
/** Characters that end a clause word, never a name (`王刚等`, `他们`). */
const NOT_LAST = new CharSet('等的了与及在是都也就将已还从着过们并又');
const CLAUSE_STOP_SET = new CharSet('，。；：！？\n');
const CLAUSE_OR_LIST = new CharSet('，。；：！？\n、与和及由');
/** Verbs that cannot sit inside a title: a title read back stops after them. */
const TITLE_BREAK = /(?:出席|主持|参加|签署|签订|表示|指出|会见|看望|陪同|举行|召开|致辞|讲话|揭牌|一行|带队|率队|的有|等(?=[，、]))/g;

const LENGTHS = [3, 2] as const;
const LENGTHS_COMPOUND = [4, 3] as const;

const TAKEN = new ScratchArray((n) => new Uint8Array(n), 0);
const ENDS_HERE = new ScratchArray((n) => new Uint8Array(n), 0);

/** Are view[at, at+len) all Han characters? (No string is made.) */
function hanAt(view: string, at: number, len: number): boolean {
  for (let i = at; i < at + len; i++) {
    const c = view.charCodeAt(i);
    if (!((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf))) return false;
  }
  return true;
}

function surnameLength(view: string, at: number): number {
  if (COMPOUND_INDEX.has(view, at)) return 2;
  return SURNAME_SET.at(view, at) ? 1 : 0;
}

/** How firmly the text at `at` ends a name: 2 punctuation or end, 1 a following word, 0 not at all. */
function followStrength(view: string, at: number): number {
  if (at >= view.length || STRONG_AFTER.at(view, at)) return 2;
  if (AFTER_INDEX.has(view, at)) return 1;
  return 0;
}

/**
 * Reads a personal name starting at `at`: a surname and one or two more
 * characters, the reading whose ending is firmest. Returns its length or 0.
 */
export function readName(view: string, at: number): number {
  const dotted = dottedNameLength(view, at);
  if (dotted > 0) return dotted;
  const sl = surnameLength(view, at);
  if (sl === 0) return 0;
  let best = 0;
  let bestScore = 0;
  for (const len of sl === 2 ? LENGTHS_COMPOUND : LENGTHS) {
    if (at + len > view.length || !hanAt(view, at, len) || NOT_LAST.at(view, at + len - 1)) continue;
    const score = followStrength(view, at + len);
    if (score === 0) continue;
    const cand = view.slice(at, at + len);
    if (NOT_NAMES.has(cand) || NOT_NAMES.has(cand.slice(0, 2))) continue;
    // `由校长任组长`, `王主任`: a surname character before an office word is no name.
    if (TITLE_INDEX.endingAt(cand, len)?.word.length === len - sl) continue;
    if (score > bestScore) {
      best = len;
      bestScore = score;
    } else if (score === bestScore && len < best) {
      // A tie: the longer reading swallowed the first character of a following word (`王伟等出席`).
      // A connector swallowed is only a connector when a name follows it (`卜显和出席` is one name).
      const swallowed = view.slice(at + len, at + best);
      const connector = /^[和与及同]$/.test(swallowed);
      const nameFollows = connector && surnameLength(view, at + best) > 0 && !AFTER_INDEX.has(view, at + best);
      if (AFTER_INDEX.has(swallowed + view.slice(at + best, at + best + 3), 0) && (!connector || nameFollows)) best = len;
    }
  }
  return best;
}

/** Length of a run of Han characters at `at` (at most `max`). */
function hanRun(view: string, at: number, max: number): number {
  let n = 0;
  while (n < max && at + n < view.length && hanAt(view, at + n, 1)) n++;
  return n;
}

/**
 * A transliterated name whose parts a middle dot joins (`阿不都热依木·买买提`,
 * `玛丽・居里`): no surname list applies. Its length, or 0.
 */
function dottedNameLength(view: string, at: number): number {
  const first = hanRun(view, at, 7);
  if (first < 2) return 0;
  const dot = view.charCodeAt(at + first);
  if (dot !== 0xb7 && dot !== 0x30fb) return 0;
  const second = hanRun(view, at + first + 1, 8);
  if (second < 2) return 0;
  // The last part may run into the verb after it (`买买提出席`): the longest
  // reading that ends where a name may end and does not itself end in such a word.
  const partStart = at + first + 1;
  for (let len = second; len >= 2; len--) {
    const end = partStart + len;
    if (followStrength(view, end) === 0) continue;
    const swallowed = AFTER_ENDING.endingWithin(view, partStart, end);
    if (swallowed && swallowed.word.length >= 2) continue;
    return end - at;
  }
  return 0;
}

/** Strips function words and verbs from the front of a title read back. */
function cleanTitle(title: string): string {
  let t = title;
  const by = t.lastIndexOf('由');
  if (by !== -1) t = t.slice(by + 1);
  TITLE_BREAK.lastIndex = 0;
  let cut = -1;
  for (let m = TITLE_BREAK.exec(t); m; m = TITLE_BREAK.exec(t)) {
    // A verb inside a bracketed note is part of the office (`副校长（主持工作）`).
    if (t.lastIndexOf('（', m.index) > t.lastIndexOf('）', m.index)) continue;
    cut = m.index + m[0].length;
  }
  if (cut !== -1) t = t.slice(cut);
  for (let changed = true; changed; ) {
    changed = false;
    t = t.replace(/^[、\s]+/, '');
    const w = LEADER_INDEX.startingAt(t, 0);
    if (w && t.length > w.length) {
      t = t.slice(w.length);
      changed = true;
    }
  }
  return t;
}

/** The title printed before view[start]: back to a clause boundary or the previous person. */
function titleBefore(view: string, start: number, floor: number): { title: string | null; at: number } {
  let s = start;
  const stop = TITLE_STOP_SET.table;
  while (s > floor && stop[view.charCodeAt(s - 1)] === 0) s--;
  if (start - s > TITLE_READ_BACK) return { title: null, at: start };
  const raw = view.slice(s, start);
  const cleaned = cleanTitle(raw);
  if (!cleaned || !endsWithTitle(cleaned)) return { title: null, at: start };
  return { title: cleaned, at: start - cleaned.length };
}

/** Bylines and credits (`本报讯（记者王某 通讯员李某）`, `文/张三`) are not people of the record. */
function maskedRanges(view: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const re = /[（(](?:[^（）()]{0,30}?(?:记者|通讯员|摄影|摄|撰稿|编辑|供稿|文\/|图\/))[^（）()]{0,40}[）)]|(?:本网讯|本报讯|本刊讯|本站讯)[（(][^）)]{0,60}[）)]|(?:记者|通讯员)[\u4e00-\u9fff]{2,3}(?:\s+(?:记者|通讯员)[\u4e00-\u9fff]{2,3})*(?=\s|报道|讯)|(?:撰稿|编辑|责编|审核|供稿|摄影|文|图)[：:/／][^\n。]{0,30}/g;
  for (let m = re.exec(view); m; m = re.exec(view)) ranges.push([m.index, m.index + m[0].length]);
  return ranges;
}

export interface PeopleResult {
  mentions: PersonMention[];
}

/**
 * Finds every person mention in a text (view indices). `knownNames` carries
 * names found in earlier parts of the same record (its title).
 */
export function findPersonMentions(view: string, knownNames: Iterable<string>, warnings: Warning[], piece: Piece): PersonMention[] {
  const masked = maskedRanges(view);
  const isMasked = (i: number) => masked.some(([a, b]) => i >= a && i < b);
  const found = new Map<number, PersonMention>();
  // Per-position marks keep every check local, so a record naming thousands of people stays linear.
  // Both live in buffers reused from record to record (cleared before use): most records are short.
  const taken = TAKEN.take(view.length + 1);
  const endsHere = ENDS_HERE.take(view.length + 1);
  /** The end of the person mention closest before `at` (titles are read back no further than this). */
  const prevEnd = (at: number) => {
    for (let i = at; i >= 0 && at - i <= TITLE_READ_BACK; i--) if (endsHere[i] === 1) return i;
    return Math.max(0, at - TITLE_READ_BACK - 1);
  };
  const add = (m: PersonMention) => {
    if (found.has(m.start) || isMasked(m.start)) return false;
    for (let i = m.start; i < m.end; i++) if (taken[i] === 1) return false;
    found.set(m.start, m);
    taken.fill(1, m.start, m.end);
    endsHere[m.end] = 1;
    // A short note after the name (`邱丽（女）、…`) belongs to it: the next title starts after it.
    if (view.charCodeAt(m.end) === 0xff08) {
      const close = view.indexOf('）', m.end);
      if (close !== -1 && close - m.end < BRACKET_NOTE_MAX && !/[，。；：！？\n]/.test(view.slice(m.end, close))) endsHere[close + 1] = 1;
    }
    return true;
  };

  // 1. A name right after an office word (or an office with a bracketed second office).
  const titleFinal = TITLE_FINAL.table;
  for (let at = 1; at <= view.length; at++) {
    if (titleFinal[view.charCodeAt(at - 1)] === 0) continue;
    const bracketed = bracketedTitleLength(view, at);
    const word = bracketed > 0 ? { word: view.slice(at - bracketed, at) } : TITLE_INDEX.endingAt(view, at);
    if (!word) continue;
    // A longer office word going on past this one wins (`董事` inside `董事长`).
    const wordStart = at - word.word.length;
    let longer = false;
    for (let k = 1; k <= 3 && !longer; k++) {
      const w = at + k <= view.length ? TITLE_INDEX.endingAt(view, at + k) : null;
      if (w && at + k - w.word.length <= wordStart) longer = true;
    }
    if (longer) continue;
    const len = readName(view, at);
    if (len === 0) {
      reportOrphanTitle(view, at - word.word.length, at, warnings, piece);
      continue;
    }
    const floor = prevEnd(at);
    const { title, at: titleStart } = titleBefore(view, at, floor);
    if (add({ name: piece.text.slice(at, at + len), start: at, end: at + len, title: title && piece.text.slice(titleStart, at), titleStart, readBack: true, floor, via: 'office-before' })) {
      at += len;
    }
  }

  // 2. Names that follow a known person in a list (`王宏志、戴龙成`) or after 与/和/及.
  const extendLists = () => {
    let grew = false;
    const sorted = [...found.values()].sort((a, b) => a.start - b.start);
    // A person reached by an earlier walk along the same list needs no walk of its own.
    const walked = new Set<number>();
    for (const p of sorted) {
      if (walked.has(p.start)) continue;
      let at = p.end;
      let listTitle = p.title;
      let inList = false;
      for (;;) {
        const sep = LIST_JOIN.startingAt(view, at);
        if (!sep) break;
        const nameAt = at + sep.length;
        walked.add(nameAt);
        if (found.has(nameAt)) {
          const q = found.get(nameAt)!;
          at = q.end;
          inList = inList || sep === '、';
          continue;
        }
        const len = readName(view, nameAt);
        if (len === 0) break;
        const inherited = sep === '、' || (inList && (sep === '和' || sep === '及' || sep === '以及'));
        if (!add({ name: piece.text.slice(nameAt, nameAt + len), start: nameAt, end: nameAt + len, title: inherited ? listTitle : null, titleStart: nameAt, via: 'list' })) break;
        grew = true;
        if (!inherited) listTitle = null;
        inList = inList || sep === '、';
        at = nameAt + len;
      }
    }
    return grew;
  };
  extendLists();

  // 3. A sentence-initial name before a verb of speech or attendance (`邱勇对…提出`).
  const clauseStart = /(?:^|[。；！？\n]|[，：](?=[\u4e00-\u9fff]{2,4}(?:表示|指出|强调|介绍|认为|主持|致辞|讲话)))/g;
  for (let m = clauseStart.exec(view); m; m = clauseStart.exec(view)) {
    const at = m.index + m[0].length;
    if (m[0].length === 0) clauseStart.lastIndex++;
    const len = readName(view, at);
    if (len === 0) continue;
    // An honorific may stand between the name and the verb (`张明院士和李华共同揭牌`); it is not a title printed before the name.
    const honorific = HONORIFIC_INDEX.startingAt(view, at + len);
    const verbAt = at + len + (honorific ? honorific.length : 0);
    const after = view.slice(verbAt, verbAt + 2);
    if (!SPEECH_VERBS.some((v) => after.startsWith(v)) && !(honorific && HONORIFIC_JOINS.test(after))) continue;
    add({ name: piece.text.slice(at, at + len), start: at, end: at + len, title: null, titleStart: at, via: 'speech-verb' });
  }

  // 4. Bare names joined to a person (`易凡与刘爱华共同揭牌`) are covered by step 2;
  //    every further occurrence of a known name is a mention too (its title may be longer there).
  const names = new Set<string>(knownNames);
  for (const p of found.values()) names.add(view.slice(p.start, p.end));
  // Where is each known name printed? Where two start at one place the longer is the mention.
  // One pass over the text, looking names up by their first two characters (a search per name would be quadratic).
  const byHead = new Map<number, string[]>();
  const headAt = (t: string, i: number) => t.charCodeAt(i) * 65536 + t.charCodeAt(i + 1);
  for (const name of names) {
    if (name.length < 2) continue;
    const head = headAt(name, 0);
    const list = byHead.get(head);
    if (list) list.push(name);
    else byHead.set(head, [name]);
  }
  const occurrences: Array<[number, string]> = [];
  for (let at = 0; at + 1 < view.length; at++) {
    const list = byHead.get(headAt(view, at));
    if (!list) continue;
    let best: string | null = null;
    for (const name of list) if ((best === null || name.length > best.length) && view.startsWith(name, at)) best = name;
    if (best !== null) occurrences.push([at, best]);
  }
  for (const [at, name] of occurrences) {
    if (found.has(at)) continue;
    if (followStrength(view, at + name.length) === 0) continue;
    const before = view[at - 1];
    const head = view.slice(Math.max(0, at - 8), at);
    if (before && /[\u4e00-\u9fff]/.test(before) && !endsWithTitle(head) && !/[与和及同由对向为]/.test(before) && !LEADERS.some((w) => head.endsWith(w))) continue;
    const { title, at: titleStart } = titleBefore(view, at, prevEnd(at));
    add({ name: piece.text.slice(at, at + name.length), start: at, end: at + name.length, title: title && piece.text.slice(titleStart, at), titleStart, readBack: true, via: 'known-name' });
  }
  extendLists();

  // 5a. A title in brackets after the name: `张三（东岭大学副校长）介绍…`.
  for (let i = view.indexOf('（'); i !== -1; i = view.indexOf('（', i + 1)) {
    // Look for the closing bracket nearby only: a scan to the end for every `（` would be quadratic.
    const close = view.slice(i, i + 33).indexOf('）') + i;
    if (close < i) continue;
    const inner = view.slice(i + 1, close);
    if (!endsWithTitle(inner) || /[，。；]/.test(inner)) continue;
    for (const len of [3, 2]) {
      const start = i - len;
      if (start < 0 || surnameLength(view, start) === 0) continue;
      const cand = view.slice(start, i);
      if (!hanAt(view, start, len) || NOT_NAMES.has(cand) || NOT_LAST.at(cand, len - 1)) continue;
      if (start > 0 && !CLAUSE_OR_LIST.at(view, start - 1)) continue;
      if (add({ name: piece.text.slice(start, i), start, end: i, title: piece.text.slice(i + 1, close), titleStart: i + 1, via: 'bracketed-title' })) break;
    }
  }

  // 5b. A list of bare names at the head of a clause (`王五、李四、赵六等出席`).
  const clauseStop = CLAUSE_STOP_SET.table;
  for (let at = 0; at < view.length; at++) {
    if (at > 0 && clauseStop[view.charCodeAt(at - 1)] === 0) continue;
    const names: Array<[number, number]> = [];
    let p = at;
    for (;;) {
      const len = readName(view, p);
      if (len === 0 || found.has(p)) break;
      names.push([p, p + len]);
      if (view[p + len] !== '、') break;
      p += len + 1;
    }
    if (names.length < 2) continue;
    const last = names[names.length - 1]![1];
    if (!/^(?:等|和|及|共同|分别|出席|参加)/.test(view.slice(last, last + 2))) continue;
    for (const [s, e] of names) add({ name: piece.text.slice(s, e), start: s, end: e, title: null, titleStart: s, via: 'bare-list' });
  }

  // 5. A bare name joined before a person (`甲与乙共同揭牌`, where only 乙 was known).
  for (const p of [...found.values()]) {
    const join = view[p.titleStart - 1];
    if (!join || !'与和及、同'.includes(join)) continue;
    const end = p.titleStart - 1;
    for (const len of [3, 2]) {
      const start = end - len;
      if (start < 0 || surnameLength(view, start) === 0) continue;
      const cand = view.slice(start, end);
      if (!hanAt(view, start, len) || NOT_NAMES.has(cand) || NOT_NAMES.has(cand.slice(0, 2))) continue;
      const before = view.slice(Math.max(0, start - 8), start);
      if (!(start === 0 || /[，。；：！？\n由]$/.test(before) || endsWithTitle(before))) continue;
      const { title, at: titleStart } = titleBefore(view, start, prevEnd(start));
      if (add({ name: piece.text.slice(start, end), start, end, title: title && piece.text.slice(titleStart, start), titleStart, readBack: true, via: 'joined-before' })) break;
    }
  }

  // Titles read back stop at the person before them; with every person known now, read them again.
  for (const m of found.values()) {
    if (!m.readBack) continue;
    const floor = prevEnd(m.start);
    if (floor === m.floor) continue;
    const { title, at } = titleBefore(view, m.start, floor);
    m.title = title && piece.text.slice(at, m.start);
    m.titleStart = title ? at : m.start;
  }
  return [...found.values()].sort((a, b) => a.start - b.start);
}

/**
 * `浪潮集团执行总裁、总工程师，…`: a clause that is nothing but a title chain,
 * with no name after it, is reported and not turned into a person.
 */
function reportOrphanTitle(view: string, titleStart: number, titleEnd: number, warnings: Warning[], piece: Piece): void {
  if (view[titleEnd] !== '，' && view[titleEnd] !== '；') return;
  let s = titleStart;
  while (s > 0 && !CLAUSE_STOP_SET.at(view, s - 1)) s--;
  const clause = view.slice(s, titleEnd);
  if (clause.length > 40 || /担任|任|是|为|作为|聘|选|当选|兼|的|在|和|与|及|等|了|由|对|向/.test(clause)) return;
  if (!/[、]/.test(clause) && !/(?:集团|公司|大学|学院|政府|局|厅|委|院|会|行)/.test(clause)) return;
  const span = piece.span(s, titleEnd);
  if (warnings.some((w) => w.code === 'title-without-name' && w.span[0] === span[0])) return;
  warnings.push({ code: 'title-without-name', message: `a title with no name after it: "${piece.text.slice(s, titleEnd)}"`, span });
}
