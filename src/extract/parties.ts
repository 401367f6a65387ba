/**
 * Parties: the organizations acting together in an item. Found by position,
 * not by name: a chain of organizations joined by 与/和/、/携手 at the head of
 * a clause next to a word of cooperation; `由A、B共建/主办`; an organization
 * after 与 followed by 合作/共建; the host of an event (`A举行…`); and both
 * sides of a visit (`A的领导带队赴B`). Organizations only named inside an
 * attendee's title are not parties.
 */
import { COOPERATION_WORDS, HOST_VERBS, VISIT_STOPS, VISIT_VERBS } from '../lexicon/organizations.js';
import { insideCompound } from '../lexicon/agreements.js';
import { TITLE_WORDS } from '../lexicon/people.js';
import type { Party } from '../schema/index.js';
import type { Piece } from '../text/piece.js';
import { ScratchArray } from '../text/scratch.js';
import { isSelfName, nameShaped, orgType, readOrganization, selfNameAt, suffixEndingAt } from './organizations.js';
import { CharSet, StartIndex, wordIndex } from '../lexicon/wordindex.js';
import type { PersonMention } from './people.js';

const byLength = (w: readonly string[]) => [...new Set(w)].sort((a, b) => b.length - a.length);
const CONNECTORS = new StartIndex(['分别与', '先后与', '以及', '与', '和', '及', '同', '、', '携手', '联合', '—', '-', '－', '–']);
const STRONG_CONNECTORS = new Set(['分别与', '先后与', '与', '和', '及', '同', '携手', '联合', '—', '-', '－', '–', '以及']);
const CLAUSE_LEAD = new StartIndex(['此外', '同时', '另外', '会上', '此次', '本次', '其中', '随后', '目前', '近日', '日前', '据悉', '据了解', '并', '还', '由', '与', '同', '和', '联合', '携手']);
/** `大会由A主办`: the event's name before 由 is not a side. */
const EVENT_BY = /^(?:大会|会议|活动|论坛|仪式|峰会|比赛|大赛|展会|项目|研讨会|座谈会|本次活动|本届大会|此次活动)由/;
const SPONSOR_VERBS = ['主办', '承办', '协办', '牵头', '共建', '联合', '联办', '发起', '组织', '共同'];
/** `学校在海口举办…`: a host with the place of its event between. */
const HOST_AT_PLACE = /^在[^，。；、与和]{1,12}?(?:举行|召开|举办|主办)/;
const SPONSOR_ROLE = wordIndex(['主办', '承办', '协办', '指导', '支持']);
const UNVEIL = /^(?:揭牌|成立|挂牌|正式成立|落成|启用|揭牌成立)/;
const CLAUSE_END_CHARS = new CharSet('，。；！？\n');
const ANCHOR_CHARS = new CharSet('，。；：！？\n暨');
const SENTENCE_END = new CharSet('。；！？\n');
const AND_CHARS = new CharSet('与同和');
/** Office words by their ending (a table, not a 150-way pattern compiled at every start). */
const TITLE_ENDING = wordIndex(TITLE_WORDS);
const MEET_RE = /会见|接见|会晤|会谈/g;
const RECEIVE_RE = /接待(?:了)?/g;
/** What a visiting organization's delegation is called after its name. */
const DELEGATION = new StartIndex(['考察团', '代表团', '调研组', '考察组', '访问团', '一行', '来访团', '客人', '领导']);
const LED_BY = /(?:一行|带队|率队|率团|代表团|\d+人|一行\d+人)[，]?$/;
const VISIT_RE = new RegExp(byLength(VISIT_VERBS).join('|'), 'g');
const STOPS = new StartIndex(VISIT_STOPS);

/**
 * How far a sentence or clause is read around a verb. Real sentences are far
 * shorter; text with no stop at all (a list of thousands of names) would
 * otherwise make every visit verb read back to the start: quadratic.
 */
const SENTENCE_REACH = 240;

const TITLE_OWNER = new ScratchArray((n) => new Int32Array(n), -1);
const IN_CHAIN = new ScratchArray((n) => new Uint8Array(n), 0);

interface Found {
  start: number;
  end: number;
  /** The rule that found it (a Party's `via`). */
  via: string;
  /** A place visited by a bare two- or three-character name (`赴济南`): a locality (`天罡仪表` may be a firm). */
  place?: boolean;
}

/** Where the stretch holding view[i] that no character of `stops` ends begins, at most SENTENCE_REACH back. */
function stretchStart(view: string, i: number, stops: CharSet): number {
  const table = stops.table;
  const floor = Math.max(0, i - SENTENCE_REACH);
  let s = i;
  while (s > floor && table[view.charCodeAt(s - 1)] === 0) s--;
  return s;
}

/** Where that stretch ends reading on from `at`, at most SENTENCE_REACH on. */
function stretchEnd(view: string, at: number, stops: CharSet): number {
  const table = stops.table;
  const ceiling = Math.min(view.length, at + SENTENCE_REACH);
  let e = at;
  while (e < ceiling && table[view.charCodeAt(e)] === 0) e++;
  return e;
}

/** The rest of the clause from `at`, at most SENTENCE_REACH long. */
function clauseRest(view: string, at: number): string {
  return view.slice(at, stretchEnd(view, at, CLAUSE_END_CHARS));
}

export function findParties(piece: Piece, view: string, people: PersonMention[], exclude: Set<string>): Party[] {
  const found: Found[] = [];
  const add = (start: number, end: number, via: string, place = false) => {
    if (end > start) found.push({ start, end, via, place });
  };
  // Position tables keep every question local (linear however many people and chains a record holds).
  const byStart = [...people].sort((a, b) => a.start - b.start);
  const titleOwner = TITLE_OWNER.take(view.length + 1);
  byStart.forEach((p, k) => {
    if (p.titleStart < p.start) titleOwner.fill(k, p.titleStart, p.start);
  });
  const inTitle = (start: number, end: number) => titleOwner[start]! !== -1 && titleOwner[start] === titleOwner[end - 1];
  /** The people mentioned within view[from, to). */
  const peopleIn = (from: number, to: number) => {
    let lo = 0;
    let hi = byStart.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (byStart[mid]!.start < from) lo = mid + 1;
      else hi = mid;
    }
    const out: PersonMention[] = [];
    for (let k = lo; k < byStart.length && byStart[k]!.start < to; k++) if (byStart[k]!.end <= to) out.push(byStart[k]!);
    return out;
  };
  const covered: Array<[number, number]> = [];
  const inChain = IN_CHAIN.take(view.length + 1);

  // Chains at the head of each clause (and after 暨).
  const anchors = [0];
  const anchorTable = ANCHOR_CHARS.table;
  for (let i = 0; i < view.length; i++) {
    if (anchorTable[view.charCodeAt(i)] === 1) anchors.push(i + 1);
    // `由A主办、B与C联合承办`: the next sponsors' chain starts after the 、.
    else if (view.charCodeAt(i) === 0x3001 && SPONSOR_ROLE.endingAt(view, i)) anchors.push(i + 1);
  }
  for (const anchor of anchors) {
    let p = anchor;
    let viaBy = false;
    const event = EVENT_BY.exec(view.slice(p, p + 8));
    if (event) {
      p += event[0].length;
      viaBy = true;
    }
    for (let w = CLAUSE_LEAD.startingAt(view, p); w && !view.startsWith('联合国', p); w = CLAUSE_LEAD.startingAt(view, p)) {
      if (w === '由') viaBy = true;
      p += w.length;
    }
    const chain: Array<{ start: number; end: number }> = [];
    const joins: string[] = [];
    for (;;) {
      const lastJoin = joins[joins.length - 1] ?? '';
      const end = readOrganization(view, p, { lenient: chain.length > 0 && STRONG_CONNECTORS.has(lastJoin), afterDash: DASHES.has(lastJoin) });
      if (end < 0 || inTitle(p, end)) break;
      chain.push({ start: p, end });
      const join = CONNECTORS.startingAt(view, end);
      if (!join) break;
      joins.push(join);
      p = end + join.length;
    }
    // A chain that ran into a non-organization keeps only its joined members.
    if (joins.length >= chain.length && chain.length > 0) joins.length = chain.length - 1;
    if (chain.length === 0) continue;
    const last = chain[chain.length - 1]!;
    const after = view.slice(last.end, last.end + 6);
    for (const c of chain) {
      covered.push([c.start, c.end]);
      inChain.fill(1, c.start, c.end);
    }
    if (UNVEIL.test(after)) {
      // The chain names what is unveiled; `甲—乙…学院揭牌` still names the two sides that found it.
      if (joins.length > 0 && joins.every((j) => DASHES.has(j))) for (const c of chain) add(c.start, c.end, 'dash-sides');
      continue;
    }
    const rest = clauseRest(view, last.end);
    const strong = joins.some((j) => STRONG_CONNECTORS.has(j));
    let take = false;
    let via = 'coordination';
    // Two or more sides joined by 与/和/携手 (or a plain 、 list) act together only where the clause says so.
    const cooperating = COOPERATION_WORDS.some((w) => rest.includes(w)) || (strong && /^(?:签|共|合作|联合|举行|召开|走进)/.test(after));
    if (chain.length >= 2) take = cooperating;
    else if (viaBy) (via = 'sponsor'), (take = SPONSOR_VERBS.some((w) => after.startsWith(w)) || /^[^，。；]{0,12}(?:主办|承办|共建|牵头)/.test(rest));
    else (via = 'host'), (take = HOST_VERBS.some((w) => after.startsWith(w)) || /^(?:合作签约|签约|合作协议|战略合作|牵头|发起)/.test(after) || HOST_AT_PLACE.test(rest));
    if (take) for (const c of chain) add(c.start, c.end, via);
  }

  // An organization after 与/同/和 followed by a word of cooperation (`与B合作`, `与B共建`).
  const andTable = AND_CHARS.table;
  for (let i = 0; i < view.length; i++) {
    if (andTable[view.charCodeAt(i)] === 0 || insideCompound(view, i + 1)) continue;
    if (inChain[i] === 1) continue;
    const end = readOrganization(view, i + 1);
    if (end < 0 || inTitle(i + 1, end)) continue;
    const after = view.slice(end, end + 4);
    if (/^(?:合作|共建|签署|签订|签约|战略|联合|共同|开展|建立)/.test(after)) add(i + 1, end, 'partner-with');
  }

  /** Start of the sentence holding view[i] (text without stops is not one sentence). */
  const sentenceStart = (i: number) => stretchStart(view, i, SENTENCE_END);
  /** The unit each titled person's office names first (`控制学院党委副书记` → 控制学院). */
  const addUnits = (who: PersonMention[], via: string) => {
    for (const p of who) {
      if (!p.title) continue;
      const unit = unitOfTitle(view.slice(p.titleStart, p.start));
      if (unit > 0) add(p.titleStart, p.titleStart + unit, via);
    }
  };

  // Visits: the visitors' units (from their titles) and the places visited.
  VISIT_RE.lastIndex = 0;
  for (let vm = VISIT_RE.exec(view); vm; vm = VISIT_RE.exec(view)) {
    const i = vm.index;
    const verb = vm[0];
    const from = sentenceStart(i);
    const ledBy = LED_BY.test(view.slice(Math.max(from, i - 8), i));
    // A visiting organization at the head of the sentence (`东岭大学代表团赴…`),
    // or one that sends people (`学校组织专家团队赴…`).
    const subjects = chainsIn(covered, from, i).filter(([a, b]) => !inTitle(a, b));
    if (subjects.length === 0) {
      const sender = senderAt(view, stretchStart(view, i, CLAUSE_END_CHARS));
      if (sender) subjects.push(sender);
    }
    // 到 and 来 are visits only right after 一行/带队 … or the organization that comes (`北方工业大学来校交流`).
    if ((verb === '到' || verb === '来' || verb === '来到') && !ledBy && !subjects.some(([, b]) => b === i)) continue;
    const visitors = peopleIn(from, i);
    if (visitors.length === 0 && !ledBy && subjects.length === 0) continue;
    for (const [a, b] of subjects) add(a, b, 'visitor');
    addUnits(visitors, 'visitor-unit');
    visitedPlaces(view, i + verb.length, (a, b, place) => add(a, b, 'visited', place));
  }

  // Receptions: `学校接待西川县考察团` — the host at the head of the sentence and the delegation's organization.
  RECEIVE_RE.lastIndex = 0;
  for (let rm = RECEIVE_RE.exec(view); rm; rm = RECEIVE_RE.exec(view)) {
    const i = rm.index;
    const guestEnd = delegationOf(view, i + rm[0].length);
    if (guestEnd < 0) continue;
    const hosts = chainsIn(covered, sentenceStart(i), i).filter(([a, b]) => !inTitle(a, b));
    for (const [a, b] of hosts) add(a, b, 'reception-host');
    if (hosts.length === 0) {
      // `学校分两批次接待…`: a self-name opening the clause hosts, whatever follows it.
      const c = stretchStart(view, i, CLAUSE_END_CHARS);
      add(c, c + selfNameAt(view, c), 'reception-host');
    }
    add(i + rm[0].length, guestEnd, 'reception-guest');
  }

  // Meetings: `甲校长张某会见（来访的）乙市市长李某一行` — host and guest units, each read from a title.
  MEET_RE.lastIndex = 0;
  for (let mm = MEET_RE.exec(view); mm; mm = MEET_RE.exec(view)) {
    const i = mm.index;
    const sentenceEnd = stretchEnd(view, i, SENTENCE_END);
    const hosts = peopleIn(sentenceStart(i), i);
    const guests = peopleIn(i + 1, sentenceEnd);
    if (hosts.length === 0 || guests.length === 0) continue;
    addUnits([...hosts, ...guests], 'meeting-unit');
  }

  const parties: Party[] = [];
  const seen = new Set<string>();
  const founded = [...exclude];
  /** Is `key` what the item founds, or the end of its name? */
  const foundedTail = (key: string) => founded.some((name) => name.endsWith(key));
  for (const f of found.sort((a, b) => a.start - b.start)) {
    let key = view.slice(f.start, f.end);
    if (DASHES.has(view[f.start - 1] ?? '') && foundedTail(key)) {
      // `山东大学—山东能源集团未来技术学院揭牌`: the side after the dash is named up to its own ending.
      const end = innerSideEnd(view, f.start, f.end);
      if (end < 0) continue;
      f.end = end;
      key = view.slice(f.start, f.end);
    }
    // What the item founds is no side, nor is it under a shorter name (`健康医疗大数据研究院` for `国家健康医疗大数据研究院`).
    if (seen.has(key) || foundedTail(key)) continue;
    seen.add(key);
    const type = orgType(key);
    parties.push({ name: piece.text.slice(f.start, f.end), type: f.place && type === 'other' ? 'government' : type, span: piece.span(f.start, f.end), via: f.via });
  }
  return parties;
}

/** The chains (in ascending order) lying within [from, to). */
function chainsIn(chains: Array<[number, number]>, from: number, to: number): Array<[number, number]> {
  let lo = 0;
  let hi = chains.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (chains[mid]![0] < from) lo = mid + 1;
    else hi = mid;
  }
  const out: Array<[number, number]> = [];
  for (let k = lo; k < chains.length && chains[k]![0] < to; k++) if (chains[k]![1] <= to) out.push(chains[k]!);
  return out;
}

/** Verbs by which a side sends its people on a visit (not `组织部`). */
const SENDS = /^(?:组织|派出|选派|派遣|委派)(?!部)/;

/** `学校组织专家团队赴…`: the side opening the clause at `at` that sends people, or null. */
function senderAt(view: string, at: number): [number, number] | null {
  const sends = (e: number) => SENDS.test(view.slice(e, e + 3));
  const self = selfNameAt(view, at);
  const end = self > 0 ? (sends(at + self) ? at + self : -1) : orgEndBefore(view, at, sends);
  return end > at ? [at, end] : null;
}

const DASHES = new Set(['—', '-', '－', '–']);

/** The last strong organization ending strictly inside view[start, end), or −1. */
function innerSideEnd(view: string, start: number, end: number): number {
  for (let e = end - 1; e >= start + 3; e--) if (suffixEndingAt(view, e)?.strong) return e;
  return -1;
}

/**
 * The first end, within the clause and 24 characters, of an organization's name
 * read from `start` that `follows` accepts what comes after, or −1.
 */
function orgEndBefore(view: string, start: number, follows: (end: number) => boolean): number {
  for (let end = start + 2; end <= Math.min(view.length, start + 24); end++) {
    if (CLAUSE_END_CHARS.at(view, end - 1)) return -1;
    if (follows(end) && suffixEndingAt(view, end) && nameShaped(view, start, end)) return end;
  }
  return -1;
}

/** The end of the organization a delegation at `start` comes from (`西川县考察团` → 西川县), or −1. */
function delegationOf(view: string, start: number): number {
  return orgEndBefore(view, start, (end) => DELEGATION.has(view, end));
}

/** The unit a title names first (`控制学院党委副书记` → 控制学院): its length, or 0. */
function unitOfTitle(title: string): number {
  let office = title.split('、')[0]!;
  for (;;) {
    // A bracketed note on an office (`副校长（副院长）`) goes with it.
    const open = office.endsWith('）') ? office.lastIndexOf('（') : -1;
    if (open > 0 && office.length - open <= 10 && TITLE_ENDING.endingAt(office, open)) office = office.slice(0, open);
    const w = TITLE_ENDING.endingAt(office, office.length);
    if (!w) break;
    if (w.word.length === office.length) return 0;
    office = office.slice(0, office.length - w.word.length);
  }
  for (let end = office.length; end >= 2; end--) {
    const s = suffixEndingAt(office, end);
    if (!s || end <= s.word.length) continue;
    // `北方工业大学（江东省科学院）`: a bracket opened in the name closes in it.
    const head = office.slice(0, end);
    return head.lastIndexOf('（') > head.lastIndexOf('）') && office[end] === '）' ? end + 1 : end;
  }
  // A bare unit word (`学院院长` → 学院) names no particular unit.
  if (suffixEndingAt(office, office.length)?.word === office && !isSelfName(office)) return 0;
  return office.length >= 2 && office.length <= 12 ? office.length : 0;
}

/** The places named after a visit verb, up to what is done there. */
function visitedPlaces(view: string, start: number, add: (s: number, e: number, place: boolean) => void): void {
  if (view[start] === '了') start++; // `走访了A、B`
  let end = start;
  while (end < view.length && end - start < 60 && !STOPS.has(view, end)) end++;
  let p = start;
  while (p < end) {
    let q = p;
    while (q < end && view[q] !== '、' && view[q] !== '和' && view[q] !== '及') q++;
    let stop = q;
    // The longest organization name inside the chunk, else a short place name.
    let best = -1;
    for (let e = p + 2; e <= stop; e++) {
      const s = suffixEndingAt(view, e);
      if (s && e - p > s.word.length) best = e;
    }
    if (best > 0) add(p, best, false);
    else if (stop - p >= 2 && stop - p <= 4 && /^[\u4e00-\u9fff]+$/.test(view.slice(p, stop))) add(p, stop, stop - p <= 3);
    p = q + 1;
  }
}
