/**
 * Parties: the organizations that are sides of an item's cooperation.
 *
 * Names come from the mention reader (orgtext.ts: both edges of a name);
 * roles from the clause around them, one small rule each, in order. Each
 * party records the rule that made it (`via`).
 *
 *   coordination    `东岭大学与西川市人民政府签署…`: sides joined by 与/和/、/携手 where the clause cooperates
 *   institution-name `中国人民大学福州研究院揭牌成立`: where nothing else names a side, the university
 *                   and the place the founded institution's name joins
 *   partner         `学校先后与南港集团、北湖区签约`: what follows 与 before a cooperation word, and the subject
 *   sponsor         `由甲大学、乙市联合主办` / `甲、乙联合主办`
 *   host            `清华大学举行…联席会议`: the one side heading a clause that holds an event
 *   apposition      `合作企业包括：A、B以及C`: the list a partner noun announces
 *   visit           `东岭大学代表团赴西川市…`, `调研组到访南湖大学`: visitor and visited
 *   reception       `学校接待西川县考察团`
 *   meeting         `甲校长张某会见乙市市长李某`: the units of host and guest
 *   agreement-name  `《甲市人民政府、乙大学战略合作协议》`: the sides its name prints
 *
 * Not parties, by structure: organizations that only appear inside the title
 * of someone who attends; a list followed by `等单位…代表参加`; the
 * institutions the item founds.
 */
import { COOPERATION_WORDS, HOST_VERBS, VISIT_STOPS, VISIT_VERBS } from '../lexicon/organizations.js';
import { INSTITUTION_ENDINGS } from '../lexicon/agreements.js';
import { TITLE_WORDS } from '../lexicon/people.js';
import type { PrintedName, SideDraft } from './sides.js';
import { abbreviates } from './sides.js';
import { Piece } from '../text/piece.js';
import { ScratchArray } from '../text/scratch.js';
import { orgType } from './organizations.js';
import { OrgText } from './orgtext.js';
import { aliasTarget, onLexicon } from '../lexicon/user.js';
import { fold, isMainHan } from '../text/normalize.js';

/** A user lexicon's short names (`山大`), read as names where the text parts them. */
const ALIASES = { index: new StartIndex([]), size: 0 };
onLexicon((l) => {
  ALIASES.index.add([...l.aliases.keys()]);
  ALIASES.size += l.aliases.size;
});
import { CharSet, StartIndex, wordIndex } from '../lexicon/wordindex.js';
import type { PersonMention } from './people.js';
import { sortByStart, sortNumbers } from '../text/order.js';
import { keepShape } from '../text/shapes.js';
import { Memo } from '../text/memo.js';

/** What joins two sides of one list. */
const JOINS = new StartIndex(['以及', '分别与', '先后与', '与', '和', '及', '同', '跟', '、', '携手', '联合', '—', '-', '－', '–', '/']);
const STRONG_JOINS = new Set(['以及', '分别与', '先后与', '与', '和', '及', '同', '跟', '携手', '联合']);
/** The dashes (and slash) that join two names into a founded one's (`山东大学—山东能源集团未来技术学院`), by code unit. */
const DASHES = new CharSet('—-－–/');
const CLAUSE_END = new CharSet('，。；！？\n');
const SENTENCE_END = new CharSet('。；！？\n');
const TITLE_ENDING = wordIndex(TITLE_WORDS);
const TITLE_START = new StartIndex(TITLE_WORDS);
const INSTITUTION_ENDING = wordIndex(INSTITUTION_ENDINGS);
/** How far a clause or sentence is read around a word (text with no stops is not one sentence). */
const REACH = 240;
/** `甲、乙揭牌`: what a list before these words names is unveiled, not a side. */
const UNVEIL = /^(?:正式)?(?:揭牌|成立|挂牌|落成|启用|揭牌成立)/;
const SPONSOR_VERBS = /^(?:联合|共同)?(?:主办|承办|协办|共建|牵头|发起|联办|合办|组织)/;
const COOPERATIVE_OPENING = /^(?:签|共|合作|联合|举行|召开|走进|携手|达成|续签|深化|开展|建立|就)/;
/** After an attendee list: `等单位的教授代表参加签约仪式`. */
const ATTENDEES = /^(?:等)?(?:单位|部门|学院|院系|高校|企业|机构)?(?:的)?[^，。；]{0,10}?(?:代表|负责人|领导|嘉宾|师生|专家|教授|学者|人员|校友|同志|老师|学生)[^，。；]{0,6}?(?:参加|出席|陪同|列席|见证|参会|参观)/;
const RECEIVE = /接待(?:了)?/g;
const MEET = /会见|接见|会晤|会谈/g;
/** What a visiting organization's delegation is called after its name. */
const DELEGATION = new StartIndex(['考察团', '代表团', '调研组', '考察组', '访问团', '工作组', '调研团', '一行', '来访团', '客人', '领导']);
const LED = /(?:一行|带队|率队|率团|带领|率领|代表团|调研组|调研团|调研团队|考察团|考察组|工作组|访问团|\d+人)(?:先后|分别|一同|还|也|专程|再次|首站)?[，]?$/;
const VISITS = new RegExp([...VISIT_VERBS, '到访', '访问', '莅临', '参观', '考察'].sort((a, b) => b.length - a.length).join('|'), 'g');
const VISIT_END = new StartIndex(VISIT_STOPS);
/** Nouns that announce a list of partners: `合作企业包括：…`. */
const PARTNER_NOUN = /(?:合作|签约|共建|参与|联合|成员|协作|结对|对口)(?:企业|单位|高校|院校|学校|伙伴|方|对象|机构|医院|城市|地区|部门|园区)(?:主要)?(?:包括|有|为|是|涵盖|涉及)?[：:]?$/;
/** A class of sides heading a list: `…签约的内地大学有：`. */
const PLURAL_HEAD = /(?:大学|高校|院校|学校|企业|单位|机构|医院|城市|地区|部门|园区|伙伴|方)(?:主要)?(?:包括|有|为|是|涵盖|涉及|分别是|分别为)?$/;
/** Verbs by which a side sends its people (not `组织部`). */
const SENDS = /^(?:组织|派出|选派|派遣|委派)(?!部)/;

/** `考察团`, `访问团`, `调研组`: the noun of a delegation after a visit verb. */
const DELEGATION_NOUN = new CharSet('团组队');
/** The cooperation that follows a partner (`与某某签署…`, `与某某开展合作`). */
const PARTNER_COOPERATES = /^(?:[^，。；的]{0,12}?)(?:合作|共建|签署|签订|签约|续签|战略|联合|共同|开展|建立|举行|召开|座谈|会谈|洽谈|对接|深化|达成|交流|携手)/;

const TITLE_OWNER = new ScratchArray((n) => new Int32Array(n), -1);
/** PartyReader's tables of where the names read start and end. */
const MENTION_START = new ScratchArray((n) => new Int32Array(n), -1);
const MENTION_END = new ScratchArray((n) => new Uint8Array(n), 0);
/** collectMentions' table: the end of the name read from each start. */
const END_OF = new ScratchArray((n) => new Int32Array(n), -1);
/** findParties' marks of the names already in a list. */
const IN_CHAIN = new ScratchArray((n) => new Uint8Array(n), 0);

interface Found {
  start: number;
  end: number;
  via: string;
  group: number;
  /** A short form the reader guessed (`西电`): kept only where the record prints what it stands for. */
  short?: boolean;
  /** A visited place named bare (`赴济南`): a locality. */
  place?: boolean;
}

interface Mention {
  start: number;
  end: number;
}

/** Where the stretch holding view[i] that no character of `stops` ends begins, at most REACH back. */
function stretchStart(view: string, i: number, stops: CharSet): number {
  const table = stops.table;
  const floor = Math.max(0, i - REACH);
  let s = i;
  while (s > floor && table[view.charCodeAt(s - 1)] === 0) s--;
  return s;
}

/** Where that stretch ends reading on from `at`, at most REACH on. */
function stretchEnd(view: string, at: number, stops: CharSet): number {
  const table = stops.table;
  const ceiling = Math.min(view.length, at + REACH);
  let e = at;
  while (e < ceiling && table[view.charCodeAt(e)] === 0) e++;
  return e;
}

/** Does the stretch hold a word of cooperation? */
function cooperates(text: string): boolean {
  for (let k = 0; k < COOPERATION_WORDS.length; k++) if (text.includes(COOPERATION_WORDS[k]!)) return true;
  return false;
}

export interface PartyContext {
  /** Where agreements' names stand in the view. */
  agreementSpans?: Array<[number, number]>;
  /** Where the institutions the item founds are named. */
  institutionSpans?: Array<[number, number]>;
  /** Where the lines of a title meet: a name may start there (`…谱新篇` / `市政府与…`). */
  breaks?: number[];
}

/**
 * What findParties reads one text with: its names, who owns each stretch as a
 * title, and the sides found so far, each in the group of the rule application
 * that found it: methods of a class, not closures made afresh for every record
 * (see ItemReader in layout/structure.ts).
 */
class PartyReader {
  readonly found: Found[] = [];
  /** Each application of a rule (one list, one visit …) is a group: its sides stand together. */
  group = 0;
  readonly byStart: PersonMention[];
  readonly titleOwner: Int32Array;
  readonly shortStarts = new Set<number>();
  readonly mentions: Mention[];
  /** For each position, the index in `mentions` of the name starting there, or −1. */
  private readonly startsAt: Int32Array;
  /** For each position, 1 where a name ends. */
  private readonly endsAt: Uint8Array;
  /** add, as a callback for visitedPlaces. */
  readonly addFound: (start: number, end: number, via: string, place?: boolean) => void;

  constructor(
    readonly t: OrgText,
    readonly view: string,
    people: PersonMention[],
  ) {
    // Who owns each stretch of text as a title: a name there belongs to an attendee's office.
    this.byStart = sortByStart([...people]);
    const titleOwner = TITLE_OWNER.take(view.length + 1);
    this.byStart.forEach((p, k) => {
      if (p.titleStart < p.start) titleOwner.fill(k, p.titleStart, p.start);
    });
    this.titleOwner = titleOwner;
    // Every name in the text, read from its ending; the longest where several share a start.
    this.mentions = collectMentions(t, view, this.shortStarts);
    const startsAt = MENTION_START.take(view.length + 1);
    const endsAt = MENTION_END.take(view.length + 1);
    for (let k = 0; k < this.mentions.length; k++) {
      const m = this.mentions[k]!;
      startsAt[m.start] = k;
      endsAt[m.end] = 1;
    }
    this.startsAt = startsAt;
    this.endsAt = endsAt;
    this.addFound = this.add.bind(this);
  }

  next(): number {
    return ++this.group;
  }

  add(start: number, end: number, via: string, place = false): void {
    if (end > start) this.found.push({ start, end, via, group: this.group, place });
  }

  inTitle(start: number, end: number): boolean {
    const titleOwner = this.titleOwner;
    return titleOwner[start]! !== -1 && titleOwner[start] === titleOwner[end - 1];
  }

  peopleIn(from: number, to: number): PersonMention[] {
    return this.byStart.filter((p) => p.start >= from && p.end <= to);
  }

  /** The name read starting at `s`, if any. */
  mentionAt(s: number): Mention | undefined {
    const k = s >= 0 && s <= this.view.length ? this.startsAt[s]! : -1;
    return k === -1 ? undefined : this.mentions[k];
  }

  /** Does a name read end at `e`? */
  mentionEndsAt(e: number): boolean {
    return e >= 0 && e <= this.view.length && this.endsAt[e] === 1;
  }

  /** The name (or self-name) starting at `s`, within `limit`. */
  nameAt(s: number, limit = this.view.length): Mention | null {
    const m = this.mentionAt(s);
    if (m && m.end <= limit) return m;
    const self = this.t.selfAt(s);
    if (self > 0 && this.t.closesAt(s + self)) return { start: s, end: s + self };
    return null;
  }

  /** The units people's offices name first (`控制学院党委副书记` → 控制学院). */
  addUnits(who: PersonMention[], via: string): void {
    for (const p of who) {
      if (!p.title) continue;
      const unit = unitOfTitle(this.t, p.titleStart, p.start);
      if (unit) this.add(unit.start, unit.end, via);
    }
  }
}

/** The code units of a few-character string, each as a string, kept for each string asked (the rules ask three). */
const CHARS_OF = new Memo<readonly string[]>(64, (chars) => Array.from({ length: chars.length }, (_, k) => chars.charAt(k)));

/**
 * The positions of a few characters in a text, in order (`new CharScan(view,
 * '与同和跟')`): the runtime's indexOf finds each, where a loop tested every
 * character of the record. The next position of each character is kept, so
 * each part of the text is searched once for each (a character that never
 * comes is searched for once, not after every hit of another).
 */
export class CharScan {
  private readonly at: number[];
  /** The characters, each a string of its own (indexing a string for a Chinese character makes a new string each time). */
  private readonly chars: readonly string[];

  constructor(
    private readonly text: string,
    chars: string,
  ) {
    this.chars = CHARS_OF.get(chars);
    this.at = [];
    for (let k = 0; k < this.chars.length; k++) this.at.push(text.indexOf(this.chars[k]!));
  }

  /** The next position holding one of the characters, or −1 past the last. */
  next(): number {
    const at = this.at;
    let best = -1;
    let which = -1;
    for (let k = 0; k < at.length; k++) {
      const p = at[k]!;
      if (p !== -1 && (best === -1 || p < best)) {
        best = p;
        which = k;
      }
    }
    if (which !== -1) at[which] = this.text.indexOf(this.chars[which]!, best + 1);
    return best;
  }
}

/** The founded names of a record that founds nothing (most records). */
const NO_FOUNDED: readonly string[] = [];

export function findParties(piece: Piece, view: string, people: PersonMention[], exclude: ReadonlySet<string>, context: PartyContext = {}): { drafts: SideDraft[]; printed: PrintedNames } {
  const t = new OrgText(view, context.breaks);
  const r = new PartyReader(t, view, people);
  const { found, shortStarts, mentions } = r;

  // Lists of sides: names joined by 与/和/、/携手 …
  const chains: Array<{ members: Mention[]; joins: string[] }> = [];
  // 1 at the start of every name already in a list.
  const inChain = IN_CHAIN.take(view.length + 1);
  for (const m of mentions) {
    if (inChain[m.start] === 1) continue;
    const members = [m];
    const joins: string[] = [];
    let at = m.end;
    for (;;) {
      const j = JOINS.startingAt(view, at);
      if (!j) break;
      const next = r.nameAt(at + j.length);
      if (!next) break;
      members.push(next);
      joins.push(j);
      at = next.end;
    }
    for (const x of members) inChain[x.start] = 1;
    chains.push({ members, joins });
  }

  const agreementSpans = context.agreementSpans ?? [];
  const inAgreement = (m: Mention) => agreementSpans.some(([a, b]) => m.start >= a && m.end <= b);
  for (const { members, joins } of chains) {
    r.next();
    const first = members[0]!;
    // Sides printed inside an agreement's name are read by the agreement-name rule.
    if (members.every(inAgreement)) continue;
    const last = members[members.length - 1]!;
    if (members.some((x) => r.inTitle(x.start, x.end))) continue;
    // `与鲁南制药的党建基地、实习基地合作`: what follows a name's 的 belongs to that name; it is no side
    // (after a verb's 的 it is: `正在推进的上海大学与嘉善市所进行的合作`).
    if (first.start > 0 && view.charCodeAt(first.start - 1) === 0x7684 && r.mentionEndsAt(first.start - 1)) continue;
    const clauseFrom = stretchStart(view, first.start, CLAUSE_END);
    const clauseTo = stretchEnd(view, last.end, CLAUSE_END);
    const before = view.slice(clauseFrom, first.start);
    const after = view.slice(last.end, clauseTo);
    // The list names what is unveiled (`甲—乙…学院揭牌`): its sides, if nothing else names them, come
    // from the founded institution's name (see below).
    if (UNVEIL.test(after)) continue;
    if (ATTENDEES.test(after)) continue;
    // `社会合作处、新农村发展研究院处长谈某`: a list an office follows is someone's affiliation.
    if (TITLE_START.has(view, last.end)) continue;
    const viaBy = before.endsWith('由');
    if (viaBy || /^(?:、[^，。；]{0,20})?(?:联合|共同)?(?:主办|承办|协办)/.test(after)) {
      if (SPONSOR_VERBS.test(after) || /^[^，。；]{0,16}(?:主办|承办|共建|牵头)/.test(after)) for (const x of members) r.add(x.start, x.end, 'sponsor');
      continue;
    }
    // `南港大学与内地12所大学签署…`, `学校与多家企业签约`: a named side and a counted plural; the named one is a side.
    if (members.length === 1) {
      const plural = PLURAL_PARTNER.exec(after);
      if (plural && cooperates(after.slice(plural[0].length))) {
        r.add(first.start, first.end, 'coordination');
        continue;
      }
    }
    if (members.length >= 2 && joins.length > 0) {
      const strong = joins.some((j) => STRONG_JOINS.has(j));
      if (cooperates(after) || (strong && COOPERATIVE_OPENING.test(after))) {
        for (const x of members) r.add(x.start, x.end, 'coordination');
        continue;
      }
    }
    // One side heading its clause before an event: `清华大学举行…`, `学校在海口举办…`.
    const afterJoint = before.endsWith('暨');
    if (members.length === 1 && (afterJoint || skipLead(view, clauseFrom) === first.start)) {
      if (HOST_VERBS.some((w) => after.startsWith(w)) || /^(?:合作签约|签约|合作协议|战略合作|牵头|发起)/.test(after) || /^在[^，。；、与和]{1,12}?(?:举行|召开|举办|主办)/.test(after)) {
        r.add(first.start, first.end, 'host');
      }
    }
  }

  // Partners after 与/同: `学校先后与南港集团、北湖区签约`, and the subject that cooperates with them.
  const partnerWords = new CharScan(view, '与同和跟');
  for (let i = partnerWords.next(); i !== -1; i = partnerWords.next()) {
    const list: Mention[] = [];
    let at = i + 1;
    for (;;) {
      const m = r.nameAt(at);
      // `与镇党委书记某某座谈`: a name an office follows is someone's affiliation.
      if (!m || r.inTitle(m.start, m.end) || TITLE_START.has(view, m.end)) break;
      list.push(m);
      const j = JOINS.startingAt(view, m.end);
      if (!j || j === '与' || j === '和' || j === '同') break;
      at = m.end + j.length;
    }
    if (list.length === 0) continue;
    r.next();
    const last = list[list.length - 1]!;
    const rest = view.slice(last.end, stretchEnd(view, last.end, CLAUSE_END));
    // The cooperation follows the partner itself, not a list it heads or a thing it owns (`与学校、学子的交流`).
    if (rest.startsWith('、') || !PARTNER_COOPERATES.test(rest)) continue;
    if (ATTENDEES.test(rest)) continue;
    for (const m of list) r.add(m.start, m.end, 'partner');
    // The subject: the side opening the clause (`学校先后与…`).
    const from = stretchStart(view, i, CLAUSE_END);
    const subject = r.nameAt(skipLead(view, from), i + 1);
    // `某研究院由甲大学与乙市共建`: after 由 the agents are the sides; what opens the clause is what they build.
    const between = view.slice(subject?.end ?? i, i);
    if (subject && subject.end <= i && /^(?:[^，。；]{0,8})$/.test(between) && !between.includes('由') && !r.inTitle(subject.start, subject.end)) r.add(subject.start, subject.end, 'partner');
  }

  // Partners announced by a noun: `本次签约的合作企业包括：A、B、C以及D`, `同时签约的内地大学有：…`.
  const colons = new CharScan(view, '：:');
  for (let i = colons.next(); i !== -1; i = colons.next()) {
    const from = stretchStart(view, i, CLAUSE_END);
    const head = view.slice(from, i);
    if (!PARTNER_NOUN.test(head) && !(cooperates(head) && PLURAL_HEAD.test(head))) continue;
    r.next();
    let at = i + 1;
    for (let guard = 0; guard < 60; guard++) {
      const m = r.nameAt(at);
      if (!m) break;
      r.add(m.start, m.end, 'apposition');
      const j = JOINS.startingAt(view, m.end);
      if (!j) break;
      at = m.end + j.length;
    }
  }


  // Visits: the visitors (a side heading the sentence, or the units in the visitors' titles) and the places visited.
  VISITS.lastIndex = 0;
  for (let vm = VISITS.exec(view); vm; vm = VISITS.exec(view)) {
    const i = vm.index;
    const verb = vm[0];
    // `考察团`, `访问团`, `调研组`: the noun of a delegation, not its visit.
    if (DELEGATION_NOUN.at(view, i + verb.length)) continue;
    const from = stretchStart(view, i, SENTENCE_END);
    const clause = stretchStart(view, i, CLAUSE_END);
    const ledBy = LED.test(view.slice(Math.max(from, i - 8), i)) || lastLead(view, from, i) >= 0;
    const heads = mentions.filter((m) => m.start >= from && m.end <= i && !r.inTitle(m.start, m.end) && m.start === skipLead(view, stretchStart(view, m.start, CLAUSE_END)));
    const subjects: Mention[] = [...heads];
    const head = skipLead(view, clause);
    const selfHead = r.mentionAt(head) !== undefined ? 0 : t.selfAt(head);
    if (selfHead > 0 && head + selfHead <= i && t.closesAt(head + selfHead)) subjects.push({ start: head, end: head + selfHead });
    if (subjects.length === 0) {
      const sender = senderAt(t, view, skipLead(view, clause));
      if (sender) subjects.push(sender);
    }
    // 到 and 来 are visits only after 一行/带队 … or right after the side that comes (`北方工业大学来校交流`).
    if ((verb === '到' || verb === '来' || verb === '来到') && !ledBy && !subjects.some((s) => s.end === i)) continue;
    // The visitors: the people before the word that leads them (`校长某某率队赴…，…前往…`), else those of the verb's clause.
    const lead = lastLead(view, from, i);
    const visitors = lead >= 0 ? r.peopleIn(from, lead) : r.peopleIn(clause, i);
    if (visitors.length === 0 && !ledBy && subjects.length === 0) continue;
    if ((verb === '参观' || verb === '考察') && subjects.length === 0 && !ledBy) continue;
    r.next();
    for (const s of subjects) r.add(s.start, s.end, 'visit');
    r.addUnits(visitors.filter((p) => p.end <= i), 'visit');
    // `院长带领管理工程学院相关专业负责人一行到访…`: the unit a leader brings.
    if (lead >= 0) {
      const after = /^(?:带领|率领)/.exec(view.slice(lead, lead + 2));
      const m = after ? r.nameAt(lead + 2, i) : null;
      if (m && !r.inTitle(m.start, m.end)) r.add(m.start, m.end, 'visit');
    }
    visitedPlaces(t, view, i + verb.length, r.addFound, verb === '参观');
  }

  // Receptions: `学校接待西川县考察团` — the host heading the sentence and the delegation's organization.
  RECEIVE.lastIndex = 0;
  for (let rm = RECEIVE.exec(view); rm; rm = RECEIVE.exec(view)) {
    const i = rm.index;
    const guest = delegationOf(t, view, i + rm[0].length);
    if (!guest) continue;
    r.next();
    const from = stretchStart(view, i, SENTENCE_END);
    const hosts = mentions.filter((m) => m.start >= from && m.end <= i && !r.inTitle(m.start, m.end));
    for (const h of hosts) r.add(h.start, h.end, 'reception');
    if (hosts.length === 0) {
      const c = skipLead(view, stretchStart(view, i, CLAUSE_END));
      const self = t.selfAt(c);
      if (self > 0) r.add(c, c + self, 'reception');
    }
    r.add(guest.start, guest.end, 'reception');
  }

  // Meetings: `甲校长张某会见（来访的）乙市市长李某一行` — host and guest units, each read from a title.
  MEET.lastIndex = 0;
  for (let mm = MEET.exec(view); mm; mm = MEET.exec(view)) {
    const i = mm.index;
    const from = stretchStart(view, i, SENTENCE_END);
    const to = stretchEnd(view, i, SENTENCE_END);
    const hosts = r.peopleIn(from, i);
    const guests = r.peopleIn(i + 1, to);
    if (hosts.length === 0 || guests.length === 0) continue;
    r.next();
    r.addUnits([hosts[0]!, guests[0]!], 'meeting');
  }

  // Sides printed in an agreement's name: `《四川省人民政府、北京大学全面深化战略合作协议》`.
  for (const [a, b] of agreementSpans) {
    r.next();
    // The sides an agreement's name joins (`四川省人民政府、北京大学…`, `甲学院—乙县…`); a single
    // name in it is what the agreement is about (`《北湖•临海产业学院共建协议》`).
    const inside = mentions.filter((m) => m.start >= a && m.end <= b && t.suffixAt(m.end)?.strong);
    for (const m of inside) {
      // A quoted name inside (`共建“甲—乙研究中心”协议`) is what is founded, not a side.
      const before = view.slice(a, m.start);
      if (before.split('“').length - 1 > before.split('”').length - 1) continue;
      const joined = inside.some((o) => o !== m && (JOINS.startingAt(view, m.end) !== null && o.start === m.end + JOINS.startingAt(view, m.end)!.length || (JOINS.startingAt(view, o.end) !== null && m.start === o.end + JOINS.startingAt(view, o.end)!.length)));
      if (joined) r.add(m.start, m.end, 'agreement-name');
    }
  }

  // Sides in the name of what is founded: `中国人民大学福州研究院揭牌成立` → 中国人民大学 and 福州.
  const institutionSpans = context.institutionSpans ?? [];
  const fromInstitutions: Found[] = [];
  for (const [a, b] of institutionSpans) {
    const ends = t.endsFrom(a, b).filter((e) => e < b && t.suffixAt(e)?.word === '大学');
    if (ends.length === 0) continue;
    r.group++;
    const u = ends[0]!;
    fromInstitutions.push({ start: a, end: u, via: 'institution-name', group: r.group });
    const ending = INSTITUTION_ENDING.endingAt(view, b);
    const rest = ending ? b - ending.word.length : b;
    const place = view.slice(u, rest);
    if (/^[\u4e00-\u9fff]{2,3}$/.test(place) || /^[\u4e00-\u9fff]{2,6}[省市县区]$/.test(place)) fromInstitutions.push({ start: u, end: rest, via: 'institution-name', group: r.group, place: true });
  }

  const drafts: SideDraft[] = [];
  const founded: readonly string[] = exclude.size === 0 ? NO_FOUNDED : [...exclude];
  // The founded institution's name speaks for its sides only when nothing else in the item does.
  const actors = found.filter((f) => !insideInstitution(f, institutionSpans));
  const kept = actors.length > 0 ? actors : fromInstitutions;
  for (const f of sortByStart(kept)) {
    let key = view.slice(f.start, f.end);
    if (founded.length > 0 && DASHES.at(view, f.start - 1) && foundedTail(founded, key)) {
      // `山东大学—山东能源集团未来技术学院揭牌`: the side after the dash is named up to its own ending.
      const end = innerSideEnd(t, f.start, f.end);
      if (end < 0) continue;
      f.end = end;
      key = view.slice(f.start, f.end);
    }
    // What the item founds is no side, nor is it under a shorter name.
    if (founded.length > 0 && (foundedTail(founded, key) || exclude.has(key)) && f.via !== 'institution-name') continue;
    const alias = aliasTarget(key);
    const type = orgType(alias ? fold(alias) : key);
    drafts.push({ name: piece.text.slice(f.start, f.end), type: f.place && type === 'other' ? 'government' : type, span: piece.span(f.start, f.end), via: f.via, at: f.start, group: f.group, short: shortStarts.has(f.start) });
  }
  // Every name the record prints, nested ones too (`西安电子科技大学` inside `西安电子科技大学广州研究院`), as printed:
  // where each is, now (the OrgText answers only until the next record's is made); the names, when a rule asks.
  const bounds: number[] = [];
  for (const e of t.ends) {
    if (!t.suffixAt(e)!.strong) continue;
    const s = t.startOf(e);
    if (s >= 0) bounds.push(s, e);
  }
  return { drafts, printed: new PrintedNames(piece, view, bounds) };
}

/**
 * The names at `bounds` (start, end pairs, in text order), once each by key,
 * first printed first: made the first time they are asked for, and most
 * records never ask (only a short form or a self-reference looks for a name
 * printed elsewhere). A class, not a closure per record (see ItemReader in
 * layout/structure.ts).
 */
export class PrintedNames {
  private names: PrintedName[] | null = null;

  constructor(
    private readonly piece: Piece,
    private readonly view: string,
    private readonly bounds: readonly number[],
  ) {}

  all(): readonly PrintedName[] {
    if (this.names === null) {
      const byKey = new Map<string, PrintedName>();
      const { piece, view, bounds } = this;
      for (let k = 0; k < bounds.length; k += 2) {
        const s = bounds[k]!;
        const e = bounds[k + 1]!;
        const key = view.slice(s, e);
        if (!byKey.has(key)) byKey.set(key, { key, text: piece.text.slice(s, e), span: piece.span(s, e) });
      }
      this.names = [...byKey.values()];
    }
    return this.names;
  }
}

/** Is `key` what the item founds, or the end of its name? */
function foundedTail(founded: readonly string[], key: string): boolean {
  for (let k = 0; k < founded.length; k++) if (founded[k]!.endsWith(key)) return true;
  return false;
}

/** Is `f` inside (not the whole of) the name of something founded? */
function insideInstitution(f: { start: number; end: number }, institutionSpans: ReadonlyArray<readonly [number, number]>): boolean {
  // A plain loop: a record can name a thousand institutions, and this runs for every side found.
  for (let k = 0; k < institutionSpans.length; k++) {
    const a = institutionSpans[k]![0];
    const b = institutionSpans[k]![1];
    if (f.start >= a && f.end <= b && !(f.start === a && f.end === b)) return true;
  }
  return false;
}

/** Every name in the text: read leftwards from each ending where the text closes it, longest first at one start. */
function collectMentions(t: OrgText, view: string, shortStarts: Set<number>): Mention[] {
  // For each start, the end of the name read from there (−1: none); `starts` lists the starts set, first set first.
  const endOf = END_OF.take(view.length + 1);
  const starts: number[] = [];
  const set = (s: number, e: number) => {
    if (endOf[s] === -1) starts.push(s);
    endOf[s] = e;
  };
  for (const e of t.ends) {
    if (!t.closesAt(e)) continue;
    const s = t.startOf(e);
    if (s < 0 || !plausibleName(view, s, e)) continue;
    const end = t.qualifiedEnd(e);
    const had = endOf[s]!;
    if (had === -1 || had < end) set(s, end);
  }
  // A user's aliases (`--lexicon`: `山大`), where the text parts them from what is around.
  if (ALIASES.size > 0) {
    for (let i = 0; i < view.length; i++) {
      const a = ALIASES.index.startingAt(view, i);
      if (!a || !(i === 0 || t.boundaryAt(i)) || !t.closesAt(i + a.length)) continue;
      const had = endOf[i]!;
      if (had === -1 || had < i + a.length) set(i, i + a.length);
    }
  }
  // Short forms of universities: `川大与宜宾`, `城大分别与…` (a few characters and 大, where the text closes it).
  for (let i = view.indexOf('大', 1); i !== -1; i = view.indexOf('大', i + 1)) {
    if (view.charCodeAt(i + 1) === 0x5b66) continue; // 大, not 大学
    for (let len = 1; len <= 3 && i - len >= 0; len++) {
      const s = i - len;
      if (!allHan(view, s, i)) break;
      if (t.boundaryAt(s) && t.closesAt(i + 1) && JOINS.has(view, i + 1)) {
        if (endOf[s] === -1) set(s, i + 1);
        break;
      }
    }
  }
  // An unknown short name joined to a name (`由西电与广州市合作共建…`): kept only where the record
  // prints what it stands for (see sides.ts).
  // When the name after the 与 was read back through it (`西电与广州市`), the two are parted only
  // where another name printed in the record is what the short one stands for, skipping characters
  // (西安电子科技大学…): `化学与化工学院` is one name.
  const standsFor = (short: string, except: number) => {
    for (const a of starts) {
      const full = view.slice(a, endOf[a]);
      if (a !== except && abbreviates(short, full) && !full.includes(short)) return true;
    }
    return false;
  };
  const joins = new CharScan(view, '与和');
  for (let i = joins.next(); i !== -1; i = joins.next()) {
    if (i < 2) continue;
    for (const len of [2, 3]) {
      const s = i - len;
      if (s < 0 || !allHan(view, s, i) || !t.boundaryAt(s) || t.suffixAt(i)) continue;
      const glued = endOf[s]!;
      const parted = glued !== -1 && glued > i + 1 && t.suffixAt(glued) && t.startOf(glued, i + 1) === i + 1 && endOf[i + 1] === -1 && standsFor(view.slice(s, i), s);
      if (!parted && !(glued === -1 && endOf[i + 1] !== -1)) continue;
      if (parted) set(i + 1, glued);
      set(s, i);
      shortStarts.add(s);
      break;
    }
  }
  const out: Mention[] = [];
  let reach = -1;
  for (const s of sortNumbers(starts)) {
    const e = endOf[s]!;
    // A name inside a longer one (`日照研究院` inside `山东大学日照研究院`) is not a mention of its own.
    if (e <= reach) continue;
    out.push({ start: s, end: e });
    reach = Math.max(reach, e);
  }
  return out;
}

/** Is view[from, to) all Han characters of the main block (`/^[\u4e00-\u9fff]+$/` on the slice, with no slice)? */
function allHan(view: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) if (!isMainHan(view.charCodeAt(i))) return false;
  return true;
}

/** `与内地18所大学`, `和多家企业`, `同各地市`: a partner counted, not named. */
const PLURAL_PARTNER = /^(?:与|和|同|跟)[\u4e00-\u9fff]{0,4}?(?:[零〇一两三四五六七八九十百千万几数多\d]+[所家个批]|多|各|一批|若干|部分)[\u4e00-\u9fff]{0,6}?(?:大学|高校|院校|学校|企业|单位|机构|医院|城市|地市|市县|县区|部门|园区|伙伴|公司|银行|政府)/;

/** Generic phrases and clause material are no names (`该公司`, `内地18所大学`, `多家企业`, `我校二级学院`). */
export const GENERIC = /^(?:该|此|本|各|全|其|相关|有关|上述|多家|一批|多个|若干|部分)|^[零〇一两双三四五六七八九十百千万几数多]+[所家个位名方校地项批]|^[所家个位名]|[多数几]+[所家个]|[了是将把被让的]|进行|开展|举行|召开|签署|签订|出席|参加|表示|带队|率队|一行|携手|共建|成立|揭牌|(?:二级学院|二级单位|职能部门|相关部门|有关部门|直属单位|下属单位)$/;

/**
 * Every character a GENERIC match can start with (the first characters of
 * its alternatives): a name holding none is no generic phrase, and most names
 * are passed by a scan of their characters against one table, with no slice.
 */
const GENERIC_FIRST = new CharSet('该此本各全其相有上多一若部零〇两双三四五六七八九十百千万几数所家个位名了是将把被让的进开举召签出参表带率携共成揭二职直下');

/** Could GENERIC match view[s, e) (does it hold a character a match can start with)? */
export function mayBeGeneric(view: string, s: number, e: number): boolean {
  const table = GENERIC_FIRST.table;
  for (let i = s; i < e; i++) if (table[view.charCodeAt(i)] === 1) return true;
  return false;
}

function plausibleName(view: string, s: number, e: number): boolean {
  return !(mayBeGeneric(view, s, e) && GENERIC.test(view.slice(s, e)));
}

/** Where the last word that leads a delegation (`一行`, `率队` …) stands in view[from, to), or −1. */
function lastLead(view: string, from: number, to: number): number {
  const m = /(?:一行|带队|率队|率团|带领|率领|领队)/g;
  let at = -1;
  m.lastIndex = from;
  for (let x = m.exec(view); x && x.index < to; x = m.exec(view)) at = x.index;
  return at;
}

/** Leading words of a clause before its subject: `此外，`, `会上，`, a time. */
export const LEAD_WORDS = /^(?:此外|同时|另外|随后|近日|日前|目前|会上|会后|当天|当日|其中|据悉|并|还|今年|去年|(?:\d{1,4}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?(?:上午|下午|晚上)?)/;
/** The first characters of LEAD_WORDS' words and of its time (a digit, 上午, 下午, 晚上): a clause opening otherwise has no lead. */
const LEAD_FIRST = new CharSet('此同另随近日目会当其据并还今去上下晚0123456789');
export function skipLead(view: string, at: number): number {
  if (!LEAD_FIRST.at(view, at)) return at;
  const m = LEAD_WORDS.exec(view.slice(at, at + 14));
  return m ? at + m[0].length : at;
}

/** `学校组织专家团队赴…`: the side opening the clause at `at` that sends people, or null. */
function senderAt(t: OrgText, view: string, at: number): Mention | null {
  const sends = (e: number) => SENDS.test(view.slice(e, e + 3));
  const self = t.selfAt(at);
  if (self > 0) return sends(at + self) ? { start: at, end: at + self } : null;
  for (const e of t.endsFrom(at, at + 24)) if (sends(e)) return { start: at, end: e };
  return null;
}

/** The organization a delegation at `start` comes from (`西川县考察团` → 西川县), or null. */
function delegationOf(t: OrgText, view: string, start: number): Mention | null {
  for (const e of t.endsFrom(start, start + 24)) if (DELEGATION.has(view, e)) return { start, end: e };
  // A name the reader does not close before the delegation word (`西川县考察团`: 考察 is a verb).
  for (let e = start + 2; e <= Math.min(view.length, start + 24); e++) {
    if (CLAUSE_END.at(view, e - 1)) return null;
    if (DELEGATION.has(view, e) && t.suffixAt(e) && t.startOf(e, start) === start) return { start, end: e };
  }
  return null;
}

/** The last strong ending strictly inside [start, end), or −1. */
function innerSideEnd(t: OrgText, start: number, end: number): number {
  for (let e = end - 1; e >= start + 3; e--) if (t.suffixAt(e)?.strong) return e;
  return -1;
}

/**
 * The unit a title names first (`控制学院党委副书记` → 控制学院, `北方工业大学(江东省科学院)副校长` →
 * the whole bracketed name), or null. A bare unit word (`学院院长`) names no particular unit.
 */
function unitOfTitle(t: OrgText, start: number, end: number): Mention | null {
  const view = t.view;
  // The first office of a chain (`党委书记、市长` → 党委书记), its office words stripped from the end.
  const comma = view.indexOf('、', start);
  let officeEnd = comma !== -1 && comma < end ? comma : end;
  for (;;) {
    let e = officeEnd;
    // A bracketed note on an office (`副校长（副院长）`) goes with it.
    if (view.charCodeAt(e - 1) === 0xff09) {
      const open = view.lastIndexOf('（', e - 1);
      if (open > start && e - open <= 10 && TITLE_ENDING.endingAt(view, open)) e = open;
    }
    const w = TITLE_ENDING.endingAt(view, e);
    if (!w || e - w.word.length < start) break;
    officeEnd = e - w.word.length;
    if (officeEnd === start) return null;
  }
  // The last name ending before the office (`阿斯利康亚太区人力资源总监` → 阿斯利康亚太区).
  for (let e = officeEnd; e >= start + 2; e--) {
    const s = t.suffixAt(e);
    if (!s || e - start <= s.word.length) continue;
    // `北方工业大学（江东省科学院）`: a bracket opened in the name closes in it.
    const head = view.slice(start, e);
    const closeAt = head.lastIndexOf('（') > head.lastIndexOf('）') && view[e] === '）' ? e + 1 : e;
    return { start, end: closeAt };
  }
  // `学校党委书记`: a self-name is the unit; no name ending before the office (`质量负责人`): no unit.
  const self = t.selfAt(start);
  return self > 0 && start + self === officeEnd ? { start, end: officeEnd } : null;
}

/** Sights, not sides: a museum or an exhibition visited is a stop on the way (`参观了校史馆`). */
const SIGHTS = /(?:纪念馆|博物馆|展览馆|校史馆|陈列馆|美术馆|展厅|展区|陈列室|纪念地|旧址|故居|景区)$/;
/** Under 参观 every hall is a sight (`参观了体育馆`); a working visit to a 文化馆 meets a side. */
const HALLS = /馆$/;

/**
 * The places named after a visit verb, up to what is done there: each item of
 * a `、` list, by the longest name inside it; an item that is a thing of a side
 * (`鲁南制药集团有限公司的展览馆`) names that side.
 */
function visitedPlaces(t: OrgText, view: string, start: number, add: (s: number, e: number, via: string, place?: boolean) => void, sightseeing = false): void {
  if (view[start] === '了') start++; // `走访了A、B`
  let end = start;
  while (end < view.length && end - start < 60 && !VISIT_END.has(view, end)) end++;
  let p = start;
  while (p < end) {
    let q = p;
    let depth = 0;
    while (q < end && !(depth === 0 && (view[q] === '、' || view[q] === '和' || view[q] === '及'))) {
      if (view[q] === '（' || view[q] === '(') depth++;
      else if (view[q] === '）' || view[q] === ')') depth--;
      q++;
    }
    // `集团子公司—山东新时代药业的厂区`: after a dash, the side itself.
    let from = p;
    for (let k = p; k < q; k++) if ('—–－-'.includes(view[k]!)) from = k + 1;
    const of = view.indexOf('的', from);
    const to = of !== -1 && of < q ? of : q;
    let best = -1;
    for (let e = from + 2; e <= to; e++) {
      const s = t.suffixAt(e);
      if (s && e - from > s.word.length) best = e;
    }
    if (best > 0) {
      // The name starts where the reader says, within the item (`…一行20人来东岭大学` is 东岭大学),
      // unless the item opens a bracket the name closes (`临沂市(费县)`).
      const s0 = /[（(]/.test(view.slice(from, best)) ? from : t.startOf(best, from);
      if (s0 > from) from = s0;
      const e = t.closedEnd(from, t.qualifiedEnd(best));
      const name = view.slice(from, e);
      if (!SIGHTS.test(name) && !(sightseeing && HALLS.test(name))) add(from, e, 'visit');
    } else if (to === q && q - from >= 2 && q - from <= 4 && /^[\u4e00-\u9fff]+$/.test(view.slice(from, q))) add(from, q, 'visit', q - from <= 3);
    p = q + 1;
  }
}

// A record's reader lives only as long as the record: see shapes.ts.
keepShape(new PartyReader(new OrgText(''), '', []));
keepShape(new PrintedNames(new Piece('', 0), '', []));
keepShape(new CharScan('', ''));
