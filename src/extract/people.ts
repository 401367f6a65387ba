/**
 * People: a name is found by its shape (a surname and one or two characters,
 * a run of transliteration characters, parts joined by a dot) and the evidence
 * on both sides of it, never from a list of names.
 *
 * Evidence before a name: an office printed right before it (strongest), a
 * person it is listed with, the start of a clause or a word after which a
 * name begins. After it: a verb of speech or action, a time (`16日`,
 * `今天下午`), an office or honorific (`江泽民主席`, `张某教授`), an adverb, a
 * connector, punctuation. A name needs evidence enough on both sides
 * together; a surname that is also a common word (`和`, `向`) and a
 * transliteration (`伊朗` is not a person) need more.
 *
 * Rules, in order (a Person's `via`):
 *   office-before   `日照市委副书记、市长李在武出席` → 李在武
 *   list            `济南市领导王宏志、戴龙成` → 戴龙成 (the office of the list's head)
 *   evidence        `李长春强调…`, `去年江泽民主席访美`, `将郭某告上法庭` → 李长春, 江泽民, 郭某
 *   unit-member     `某集团军杨风海副军长` → 杨风海 (a unit's one-character ending, a three-character name, its office after)
 *   bracketed-title `张三（东岭大学副校长）介绍…`
 *   bare-list       `王五、李四、赵六等出席`
 *   joined-before   `易凡与刘爱华共同揭牌` (刘爱华 known)
 *   known-name      every further mention of a name found
 *
 * The title of a person is what is printed before the name, from where the
 * office's own phrase starts (its organization, its place, a `、` chain of
 * offices) — not from where the clause starts: `记者致电某某公司副总经理` →
 * 某某公司副总经理. It never reaches over another person.
 */
import { NAME_DOTS, COMPOUND_SURNAMES, GIVEN_CHARS, SURNAMES, TRANSLIT, WEAK_SURNAMES } from '../lexicon/names.js';
import { BYLINE_ROLES, HONORIFICS, MODIFIER_AFTER_NAME, NAME_FOLLOWERS_MEDIUM, NAME_FOLLOWERS_STRONG, NOT_NAMES } from '../lexicon/people.js';
import { NAME_OPENERS, NOT_BOUNDARY_ENDINGS, THING_VERBS, TITLE_BOUNDARIES } from '../lexicon/boundaries.js';
import { ORG_SUFFIXES } from '../lexicon/organizations.js';
import { onLexicon } from '../lexicon/user.js';
import type { Warning } from '../schema/index.js';
import { Piece } from '../text/piece.js';
import { ScratchArray } from '../text/scratch.js';
import { CharSet, StartIndex, wordIndex } from '../lexicon/wordindex.js';
import { officeEnds, officeFrom, officeLengthAt, readOffices } from './offices.js';
import { sortByStart } from '../text/order.js';
import { keepShape } from '../text/shapes.js';

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
  readBack: boolean;
  /** Where the person before it ended when the title was read (a later person in between means reading again), when known. */
  floor: number | undefined;
  /** The rule that found it (a Person's `via`). */
  via: string;
}

const SURNAME = new CharSet(SURNAMES);
const GIVEN = new CharSet(GIVEN_CHARS);
const WEAK = new CharSet(WEAK_SURNAMES);
const COMPOUND = new StartIndex(COMPOUND_SURNAMES);
const FOREIGN = new CharSet(TRANSLIT);
const DOTS = new CharSet(NAME_DOTS);
/** Every character a name can open with: a surname, a compound surname's first, a transliteration character. */
const NAME_FIRST = new CharSet(SURNAMES + COMPOUND_SURNAMES.map((w) => w.charAt(0)).join('') + TRANSLIT);
const STRONG_AFTER = new StartIndex(NAME_FOLLOWERS_STRONG);
const FOLLOWER_ENDS = wordIndex([...NAME_FOLLOWERS_STRONG, ...NAME_FOLLOWERS_MEDIUM]);
const HONORIFIC_ENDS = wordIndex([...HONORIFICS, '同志', '先生', '女士', '老师']);
const MEDIUM_AFTER = new StartIndex(NAME_FOLLOWERS_MEDIUM);
const HONORIFIC = new StartIndex([...HONORIFICS, '同志', '先生', '女士', '老师', '总']);
const MODIFIER_AFTER = new StartIndex(MODIFIER_AFTER_NAME);
const BYLINE = wordIndex(BYLINE_ROLES);
const TITLE_BOUNDARY = wordIndex(TITLE_BOUNDARIES);
const THING_VERB = wordIndex(THING_VERBS);
const NOT_BOUNDARY = wordIndex(NOT_BOUNDARY_ENDINGS);
const OPENERS = new StartIndex([...NAME_OPENERS, '特别行政区']);
/** NOT_NAMES as a trie, asked of the view in place (the readings ask it at nearly every surname). */
const NOT_NAME_WORDS = new StartIndex([...NOT_NAMES]);
/** Self-names open titles: `我校党委书记`. */
const SELF_OPENERS = new StartIndex(['我校', '我院', '本校', '本院', '我所', '我市', '我省', '我区', '我县', '该校', '该院', '该公司', '该市']);
/** Unit endings that open with an office word (`委员会`, `领导小组`, `理事会`, `代表团`). */
const ORG_ENDINGS_FROM = new StartIndex(['委员会', '理事会', '领导小组', '代表团', '代表处', '主席团', '董事会', '监事会', '工作组', '秘书处', '书记处', '主任会议']);
/** Strong organization endings (`医院`, `大学`, `公司`): a name may follow one directly. */
const STRONG_ORG_ENDS = wordIndex(ORG_SUFFIXES.filter((s) => s.strong && s.word.length > 1).map((s) => s.word));
/** Organization endings of more than one character (`委会`, `学院`): a given name never holds one. */
const ORG_ENDINGS = wordIndex(ORG_SUFFIXES.map((s) => s.word).filter((w) => w.length > 1));
onLexicon((l) => {
  STRONG_ORG_ENDS.add(l.units.filter((u) => u.strong && u.word.length > 1).map((u) => ({ word: u.word })));
  ORG_ENDINGS.add(l.units.filter((u) => u.word.length > 1).map((u) => ({ word: u.word })));
});

/** Characters that end a name outright: punctuation and blanks. */
const PUNCT = new CharSet('，、。；：！？“”‘’（）()《》〈〉【】「」,.;:!?"\'-—…\t\n\v\f\r \u00a0\u3000\ufeff');
/** Characters that end a clause (a title is never read across one). */
const TITLE_STOP = new CharSet('，。；：！？\n“”《》【】「」『』,;:!?（(');
/** Characters that never end a name (`王刚等`, `他们`). */
const NOT_LAST = new CharSet('等的了与及在是都也就将已还从着过们并又和同说称为对向把被让给以两省市县区州镇乡村');
/** Characters that do not open the given part of a name (`王主任`: 主 + 任 is an office). */
const CLAUSE_STOP = new CharSet('，。；：！？\n');

/** One-character endings of units (`教育部`, `财政局`, `集团军`): a name right after one needs its office after it. */
const UNIT_END_ONE = new CharSet('部局厅处委院所校军办站队馆社');

/** Surnames that are also adverbs or open place names (`主席曾亲临`, `老师都与`, `越南`, `左上臂`): they need a word after them. */
const ADVERB_SURNAME = new CharSet('曾都越左');

/**
 * Characters that seldom end a three-character name (a negation, an adverb, a
 * verb, a measure that opens the next word): `张军不…`, `韩彬却认为`. Before
 * punctuation they open nothing, and the name may end in one (`吴中一：`).
 */
const NOT_LAST_OF_THREE = new CharSet('不一因拿回出来去到本大完长却仍竟便');

const QUOTE_OPEN = new CharSet('“‘「『"\'”’');
const QUOTE_CLOSE = new CharSet('”’」』"\'');
/** How far back a title is read before a name (a longer stretch is not one title). */
const TITLE_READ_BACK = 90;
/** How long a bracketed note after an office or a name may be, brackets included. */
const BRACKET_NOTE_MAX = 12;
/** Notes on an office that are not offices themselves: `副校长（主持行政工作）`, `主任（兼）`, `（正厅级）`. */
const OFFICE_NOTE = /^(?:兼|兼任|挂职|代|[正副][厅局处科]级|主持(?:行政|全面|日常)?工作)$/;
/** Verbs that cannot sit inside a title: a title read back starts after them. */
const TITLE_BREAK = /(?:出席|主持|参加|签署|签订|表示|指出|会见|看望|陪同|举行|召开|致辞|讲话|揭牌|一行|带队|率队|的有|等(?=[，、]))/g;
/** Leading words of a title that are not part of the office. */
const TITLE_LEADERS = /^(?:来访的|到访的|来自|特邀嘉宾|嘉宾|在|前来|莅临|来访|了|会议由|活动由|仪式由|大会由|论坛由|会上由|由|与|和|及|以及|同|聘任|聘请|选举|推选|任命|邀请|特邀|会见|看望|慰问|据|向|为|对|并|另有|还有|其中|包括|期间|会上|会后|随后|最后|首先|、)/;

const TAKEN = new ScratchArray((n) => new Uint8Array(n), 0);
const ENDS_HERE = new ScratchArray((n) => new Uint8Array(n), 0);

const isHan = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
function hanAt(view: string, at: number, len: number): boolean {
  if (at + len > view.length) return false;
  for (let i = at; i < at + len; i++) if (!isHan(view.charCodeAt(i))) return false;
  return true;
}

/**
 * How firmly what stands at `e` ends a name: 3 a verb, a time, an office; 2
 * punctuation, an adverb, a connector; 0 nothing; −9 a modifier (`…理论`).
 * `follow` is the length of the word read there (a longer word read is firmer).
 */
function rightEvidence(view: string, e: number): { score: number; follow: number; personal?: boolean } {
  if (e >= view.length) return { score: 2, follow: 1 };
  const c = view.charCodeAt(e);
  if (PUNCT.table[c] === 1) return { score: 2, follow: 1 };
  if (c >= 0x30 && c <= 0x39) return /^\d{1,2}(?:日|月|时|号|点|岁)/.test(view.slice(e, e + 4)) ? { score: 3, follow: 2 } : { score: 1, follow: 1 };
  if (MODIFIER_AFTER.has(view, e)) return { score: -9, follow: 0 };
  // `赵志全纪念馆`: a person named inside a place's name is a person of the record.
  if (MEMORIAL.has(view, e)) return { score: 3, follow: 3 };
  // `欧盟委员会`: an office word that runs on into a unit's name (委员 in 委员会) is that unit.
  const office = ORG_ENDINGS_FROM.has(view, e) ? 0 : officeFrom(view, e);
  if (office > 0 || HONORIFIC.has(view, e)) {
    // `伊朗总统鲁哈尼`: an office that a name follows belongs to that name, not to this one.
    const len = office || HONORIFIC.startingAt(view, e)!.length;
    if (!nameFollows(view, e + len)) return { score: 3, follow: len, personal: true };
  }
  const strong = STRONG_AFTER.startingAt(view, e);
  if (strong) return { score: 3, follow: strong.length, personal: PERSONAL.has(view, e) };
  const medium = MEDIUM_AFTER.startingAt(view, e);
  if (medium) {
    // `邱勇对…提出四点建议`: a coverb, and a verb of speech or action later in the clause
    // (not a connector to the next name: `卜显和、迟力峰`).
    // A transliteration character after the coverb opens a word as often as a name (`向多家媒体`): only a surname counts.
    const next = e + medium.length;
    if (COVERB.has(view, e) && !(SURNAME.at(view, next) || COMPOUND.has(view, next)) && verbLaterInClause(view, e)) return { score: 3, follow: medium.length };
    return { score: 2, follow: medium.length };
  }
  return { score: 0, follow: 0 };
}

/** Words of cooperation: a reading whose last character opens one (`鲁港合|作`) is no name. */
const COOPERATIVE = new StartIndex(['合作', '签约', '签署', '共建', '对接', '交流', '座谈', '洽谈', '会谈', '联合', '协作']);

/** Surnames that are also connectors (`和`, `同`, `向`). */
const CONNECTOR_SURNAMES = new CharSet('向');
/** Connectors that are never read as surnames (`部长和国防…`, `院士和李华`). */
const JOINING = new CharSet('和与及同跟');

/** First characters of office modifiers (`副`, `常务`, `执行` …). */
const MODIFIER_CHARS = new CharSet('副常执首名高资专代前原总');

/** Offices that head a name so firmly that even a word can be one (`副市长黄河`). */
const HEAD_OFFICE = /(?:长|书记|主任|主席|委员|经理|总监|教授|院士)$/;

/** A memorial or former home named after a person (`某某纪念馆`). */
const MEMORIAL = new StartIndex(['纪念馆', '故居', '纪念碑', '纪念堂', '铜像', '塑像']);

/** Coverbs after a name whose clause goes on to its verb (`某某对…提出`, `某某向…介绍`). */
const COVERB = new StartIndex(['对', '向', '在', '为', '从', '把', '被', '将', '给', '就']);
function verbLaterInClause(view: string, e: number): boolean {
  for (let i = e + 1; i < Math.min(view.length, e + 40); i++) {
    if (CLAUSE_STOP.at(view, i)) return false;
    if (STRONG_AFTER.has(view, i) && i > e + 1) return true;
  }
  return false;
}

/** Verbs said of people far more than of places (`克林顿指出`, not `伊朗表示`): what a transliteration needs. */
const PERSONAL = new StartIndex(['说', '指出', '告诉', '透露', '坦言', '直言', '回忆', '解释', '笑', '称赞', '强调', '介绍', '主持', '致辞', '讲话', '出席', '会见', '接见', '率团', '一行', '夫人', '先生', '女士', '来访', '访华', '表示', '认为']);

/**
 * Does a name follow at `e` (one with some word after it)? After an office, it
 * means the office is that name's (`总统鲁哈尼`); `主席曾亲临` has none.
 */
function nameFollows(view: string, e: number): boolean {
  if (e >= view.length || PUNCT.at(view, e) || !nameStartsAt(view, e)) return false;
  // `某某先生曾说`: an adverb that is also a surname, then a verb, opens no name.
  if (ADVERB_SURNAME.at(view, e) && STRONG_AFTER.has(view, e + 1)) return false;
  for (const len of [2, 3]) {
    if (!hanAt(view, e, len) || NOT_NAME_WORDS.isWord(view, e, e + 2)) continue;
    if (closesName(view, e + len)) return true;
  }
  // `议长拉特纳亚克时`, `总统哈塔米25日`: a run of transliteration characters, ending where a word closes it.
  let run = 0;
  while (run < 8 && FOREIGN.at(view, e + run)) run++;
  for (let len = run; len >= 3; len--) if (!NOT_NAME_WORDS.isWord(view, e, e + len) && closesName(view, e + len)) return true;
  return false;
}

/** Does what stands at `e` close a name read before it: the end, punctuation, a word after names, a day or hour? */
function closesName(view: string, e: number): boolean {
  if (e >= view.length) return true;
  const after = view.charCodeAt(e);
  if (PUNCT.table[after] === 1 || STRONG_AFTER.has(view, e) || MEDIUM_AFTER.has(view, e)) return true;
  return after >= 0x30 && after <= 0x39 && /^\d{1,2}(?:日|时|号|点)/.test(view.slice(e, e + 3));
}

/**
 * Words whose last character is also a surname (`在于`, `由于`, `越来越`): that
 * character closes the word and opens no name (`在于公民参与`, `由于主力门将`).
 */
const WORD_TAILS = wordIndex(['在于', '由于', '关于', '属于', '对于', '等于', '位于', '基于', '至于', '终于', '处于', '鉴于', '善于', '勇于', '敢于', '乐于', '易于', '便于', '归于', '源于', '忙于', '急于', '苦于', '限于', '用于', '越来越', '按揭', '原来', '未来', '本来', '将来', '后来']);

/** Could a name start at `at` (a surname, or a transliteration character)? */
function nameStartsAt(view: string, at: number): boolean {
  const c = view.charCodeAt(at);
  if (NAME_FIRST.table[c] !== 1) return false;
  if (!(SURNAME.table[c] === 1 || FOREIGN.table[c] === 1 || COMPOUND.has(view, at))) return false;
  return WORD_TAILS.endingAt(view, at + 1) === null;
}

/** How firmly what stands before `s` opens a name: 1 a clause start or a word after which a name begins, 0 not at all. */
function leftEvidence(view: string, s: number): number {
  if (s <= 0) return 1;
  const c = view.charCodeAt(s - 1);
  if (PUNCT.table[c] === 1 || c === 0x7684) return 1; // punctuation, 的
  // `肿瘤医院黄国俊教授`: a unit's name right before (an affiliation with no office).
  if (STRONG_ORG_ENDS.endingAt(view, s)) return 1;
  const w = TITLE_BOUNDARY.endingAt(view, s);
  if (!w || THING_VERB.endingAt(view, s)) return 0;
  const not = NOT_BOUNDARY.endingAt(view, s);
  if (not && not.word.length > w.word.length) return 0;
  if (w.word.length === 1 && OPENERS.has(view, s - 1)) return 0;
  return 1;
}

interface NameReading {
  len: number;
  right: number;
  /** The length of the word read after it. */
  follow: number;
  /** Its surname is also a connector (`和`, `同`): it needs an office before it. */
  connector: boolean;
  /** Every given character is one common in names. */
  given: boolean;
  /** What follows is said of people (a verb of speech, an office, an honorific). */
  personal: boolean;
  /** 2 a common surname, 1 a surname that is also a word, 0 a transliteration or dotted name, −1 a word (`黄河`). */
  surname: number;
  foreign: boolean;
}

/** A reading of `len` characters with the evidence after it (`right` as rightEvidence scores it, or 0 with nothing read). One shape for all. */
function reading(len: number, right: { score: number; follow: number; personal?: boolean } | null, surname: number, foreign: boolean, given = false, connector = false): NameReading {
  return { len, right: right ? right.score : 0, follow: right ? right.follow : 0, connector, given, personal: right?.personal === true, surname, foreign };
}

/**
 * The readings of a name at `at`: a surname with one or two characters (two
 * or three after a compound surname), a dotted name, a run of transliteration
 * characters. Each with the evidence after it.
 */
function readings(view: string, at: number): NameReading[] {
  const out: NameReading[] = [];
  if (WORD_TAILS.endingAt(view, at + 1)) return out;
  const dotted = dottedNameLength(view, at);
  if (dotted > 0) out.push(reading(dotted, rightEvidence(view, at + dotted), 0, true));
  const compound = COMPOUND.has(view, at);
  const c = view.charCodeAt(at);
  let sl = compound ? 2 : (SURNAME.table[c] === 1 || WEAK.table[c] === 1) && !JOINING.at(view, at) ? 1 : 0;
  // `院士和李华`: a connector before a name is a connector, not a surname.
  if (sl === 1 && CONNECTOR_SURNAMES.at(view, at) && nameStartsAt(view, at + 1) && SURNAME.at(view, at + 1)) sl = 0;
  if (sl > 0) {
    const strength = compound || (SURNAME.table[c] === 1 && WEAK.table[c] === 0) ? 2 : 1;
    // What stands right after the surname and at the reading's start, the same for every length.
    const officeInside = officeFrom(view, at + sl) > 0 || HONORIFIC.has(view, at + sl);
    // After a surname that is also an adverb even a verb of one character is that verb (`都说`, `曾任`).
    const wordAfterSurname = (STRONG_AFTER.startingAt(view, at + sl)?.length ?? 0) >= (sl === 1 && ADVERB_SURNAME.table[c] === 1 ? 1 : 2);
    const wordAtStart = STRONG_AFTER.startingAt(view, at)?.length ?? 0;
    const memorialAtStart = MEMORIAL.startingAt(view, at)?.length;
    for (const len of sl === 2 ? [3, 4] : [2, 3]) {
      if (!hanAt(view, at, len)) continue;
      const last = view.charCodeAt(at + len - 1);
      if (NOT_LAST.table[last] === 1 && !(len === 3 && connectorInsideName(view, at + len))) continue;
      // Characters that seldom end a given name and often open the next word (`张军不…`, `杨斌拿…`, `崔恺出席`).
      if (len === 3 && NOT_LAST_OF_THREE.table[last] === 1 && !(at + 3 < view.length && PUNCT.at(view, at + 3))) continue;
      // `王主任`, `由校长任组长`: an office starting inside the name is no given name.
      if (officeInside || officeLengthAt(view, at + len) >= len) continue;
      // `于当日`, `强调`, `凌晨`: a given part that is a word of its own after a surname, or a verb or time word read whole.
      if (wordAfterSurname) continue;
      if (wordAtStart >= len || memorialAtStart === len) continue;
      // `项目副总理`: a modifier opening an office inside the reading ends the name before it.
      let opens = false;
      for (let k = at + sl + 1; k < at + len && !opens; k++) if (MODIFIER_CHARS.at(view, k) && officeFrom(view, k) >= 3) opens = true;
      if (opens) continue;
      // `王诚王总`: a last character that is a surname addressed as 某总 starts a second mention;
      // so does the name's own surname again with an honorific (`孙晶孙女士`).
      if (len === 3 && SURNAME.at(view, at + 2) && !WEAK.at(view, at + 2) && (view[at + 3] === '总' || (view[at + 2] === view[at] && HONORIFIC.has(view, at + 3)))) continue;
      // `鲁港合作`: a last character that opens a word of cooperation belongs to that word.
      if (len >= 2 && COOPERATIVE.has(view, at + len - 1)) continue;
      // `刘强任组长`: a last character that takes the office after it (任, 兼, 当) is a verb.
      if (len === 3 && '任兼当做'.includes(view[at + 2]!) && officeFrom(view, at + 3) > 0) continue;
      // `贾刚共同担任`: a last character that opens the word after it belongs to that word.
      if (len === 3 && ((STRONG_AFTER.startingAt(view, at + 2)?.length ?? 0) >= 2 || (MEDIUM_AFTER.startingAt(view, at + 2)?.length ?? 0) >= 2)) continue;
      // `管委会主任`, `和两院`: a unit's ending reaching into or past the name is no given name.
      if (orgEndingNear(view, at, at + len)) continue;
      let given = true;
      for (let k = at + sl; k < at + len; k++) if (!GIVEN.at(view, k)) given = false;
      // Words such as `黄河`, `高度` are names only right after an office (`副市长黄河`): see bestName.
      const word = NOT_NAME_WORDS.isWord(view, at, at + len) || NOT_NAME_WORDS.isWord(view, at, at + 2);
      out.push(reading(len, rightEvidence(view, at + len), word ? -1 : strength, false, given, CONNECTOR_SURNAMES.at(view, at)));
    }
  }
  // A transliteration: the longest run of its characters (two to eight) that closes.
  if (FOREIGN.table[c] === 1) {
    let run = 0;
    while (run < 8 && at + run < view.length && FOREIGN.table[view.charCodeAt(at + run)] === 1) run++;
    let pushed = false;
    for (let len = run; len >= 2; len--) {
      if (NOT_NAME_WORDS.isWord(view, at, at + len)) continue;
      const r = rightEvidence(view, at + len);
      if (r.score > 0) {
        out.push(reading(len, r, 0, true));
        pushed = true;
        break;
      }
    }
    // The whole run, ending where transliteration characters end (`韦尔特罗尼|乘…`): good after an office.
    if (!pushed && run >= 2 && !NOT_NAME_WORDS.isWord(view, at, at + run)) out.push(reading(run, null, 0, true));
  }
  return out;
}

/** Does an organization's ending end at `end`, or start inside the name and reach past it? */
function orgEndingNear(view: string, start: number, end: number): boolean {
  if (ORG_ENDINGS.endingAt(view, end)) return true;
  for (let e = end + 1; e <= Math.min(view.length, end + 3); e++) {
    const w = ORG_ENDINGS.endingAt(view, e);
    if (w && e - w.word.length > start && e - w.word.length < end) return true;
  }
  return false;
}

/** `卜显和出席`: a connector ending a three-character reading is the name's own when no name follows it. */
function connectorInsideName(view: string, e: number): boolean {
  const last = view[e - 1]!;
  if (!'和与同'.includes(last)) return false;
  return !nameStartsAt(view, e) && (STRONG_AFTER.has(view, e) || PUNCT.at(view, e) || e >= view.length || officeFrom(view, e) > 0 || HONORIFIC.has(view, e));
}

/**
 * The best reading at `at` given the evidence before it (`left`: 3 an office,
 * 2 a list, 1 a clause start), or null when the evidence is not enough.
 */
function bestName(view: string, at: number, left: number): NameReading | null {
  let best: NameReading | null = null;
  let bestScore = -Infinity;
  for (const r of readings(view, at)) {
    if (r.right < 0) continue;
    // What each kind of name needs, both sides together.
    if (r.connector && left < 3) continue;
    // `设立"华启"智慧能源研究中心`: a word quoted whole is a term or a brand unless an office names it.
    if (left < 3 && at > 0 && QUOTE_OPEN.at(view, at - 1) && QUOTE_CLOSE.at(view, at + r.len)) continue;
    if (r.surname === -1 && (left < 3 || r.right < 2 || !HEAD_OFFICE.test(view.slice(Math.max(0, at - 3), at)))) continue;
    // A transliteration needs an office before it, or a word said of people after it (`伊朗` is not a person).
    // After an office a common surname opens a name even with nothing known after it (`副司长周望军公开表示`).
    // A transliteration right after an office ends where its characters end (`主帅多梅内克|公布`).
    const need = r.foreign ? (left >= 3 ? (r.len >= 3 && !FOREIGN.at(view, at + r.len) ? 3 : 4) : r.personal ? 4 : 6) : r.surname === 2 && left >= 3 && !ADVERB_SURNAME.at(view, at) ? 3 : r.surname === 2 || r.surname === -1 ? 4 : 5;
    // A name made of characters common in names needs less from the words around it:
    // `董事长某某密谋…` (an office before, nothing known after), `刘某的这种感受` (a clause start and 的).
    // After 的 a noun is the rule (`取得的成效`): there the shape alone is not enough.
    const shape = !r.foreign && r.surname === 2 && r.given && !(left < 3 && view[at - 1] === '的') ? 1 : 0;
    const total = left + r.right + shape;
    if (total < need) continue;
    // Firmer evidence wins, then the longer word read after it (`贾刚|共同` over `贾刚共|同`),
    // then a reading of name characters; between equals a three-character Han name, the usual length.
    const score = r.right * 10 + r.follow * 2 + shape * (left >= 3 ? 0.5 : 1.5) + (r.foreign ? r.len * 0.1 : r.len === 3 ? 1 : 0);
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  return best;
}

/** Length of a run of Han characters at `at` (at most `max`). */
function hanRun(view: string, at: number, max: number): number {
  let n = 0;
  while (n < max && at + n < view.length && isHan(view.charCodeAt(at + n))) n++;
  return n;
}

/**
 * A name whose parts a middle dot joins (`阿不都热依木·买买提`, `安德斯·松德斯特伦`,
 * `克里斯·莫瑞斯`): no surname list applies. Its length, or 0. Its last part stops
 * before the verb after it (`卡洛斯·阿马特在表决前` → 卡洛斯·阿马特).
 */
function dottedNameLength(view: string, at: number): number {
  // Its first part holds no office and opens with no verb (`名叫保罗·邦珀` is 保罗·邦珀;
  // `兼财政部长安瓦尔·…` starts after the office).
  const firstRun = hanRun(view, at, 8);
  // No dot after the first part: no dotted name (the cheap test first; most positions end here).
  if (firstRun < 1 || !DOTS.at(view, at + firstRun)) return 0;
  if (DOTTED_OPENERS.test(view.slice(at, at + 2))) return 0;
  for (let e = at + 1; e <= at + firstRun; e++) if (officeLengthAt(view, e) > 0 || ORG_ENDINGS.endingAt(view, e)) return 0;
  let p = at;
  let parts = 0;
  for (;;) {
    const run = hanRun(view, p, 8);
    if (run < 1) break;
    parts++;
    if (!DOTS.at(view, p + run)) {
      if (parts < 2) return 0;
      // The last part: the reading after which the firmest word stands (a known word over
      // punctuation: `康德苏|则担心`, `马卡罗夫|当天表示`, `哈格隆德|上将`), the longer between
      // equals (`买买提|出席` over `买买|提出`); never one ending in such a word or an office.
      let best = 0;
      let bestScore = 0;
      for (let len = run; len >= 1; len--) {
        const end = p + len;
        const r = rightEvidence(view, end);
        let foreign = 0;
        for (let k = p; k < end; k++) if (FOREIGN.at(view, k)) foreign++;
        // Where transliteration characters end, the name may end (`山姆·雷米|坐镇指挥`): weak evidence.
        const translitEnds = foreign === len && !FOREIGN.at(view, end);
        if (r.score <= 0 && !translitEnds) continue;
        if (FOLLOWER_ENDS.endingWithin(view, p, end) || officeLengthAt(view, end) > 0 || HONORIFIC_ENDS.endingWithin(view, p, end)) continue;
        if (/[的了之等和与及在是]/.test(view.slice(p + 1, end))) continue;
        let score = r.score <= 0 ? 1 : PUNCT.at(view, end) || end >= view.length ? 1.5 : r.score;
        // A last part with two characters or more that transliterate nothing runs into the clause.
        if (len - foreign >= 2) score -= 1.2;
        if (score > bestScore) {
          best = end - at;
          bestScore = score;
        }
      }
      return best;
    }
    p += run + 1;
  }
  return 0;
}

/** What cannot open a dotted name: a verb or a conjunction (`名叫…`, `兼…`, `和…`). */
const DOTTED_OPENERS = /^(?:名叫|叫|名为|兼|和|与|及|同|是|为|由|在|向|对|称|被|把|将|即|系)/;

/** The office with a second office in brackets right after it (`校长（院长）`, `主任(兼)`), its length ending at `end`, or 0. */
function bracketedOfficeLength(view: string, end: number): number {
  const close = end > 0 ? view.charCodeAt(end - 1) : -1;
  if (close !== 0xff09 && close !== 0x29) return 0;
  let open = end - 2;
  while (open >= 0 && end - open <= BRACKET_NOTE_MAX && view.charCodeAt(open) !== 0xff08 && view.charCodeAt(open) !== 0x28) open--;
  if (open < 0 || end - open > BRACKET_NOTE_MAX) return 0;
  const before = officeLengthAt(view, open);
  if (!before) return 0;
  const inner = view.slice(open + 1, end - 1);
  // `副校长（兼）`, `副校长（人才及国际战略）`: an office's note or its portfolio.
  if (!(officeLengthAt(inner, inner.length) || OFFICE_NOTE.test(inner) || (/^[\u4e00-\u9fff、及和与]{2,10}$/.test(inner) && !/^[左右前后中][一二三四五六七八九十]/.test(inner)))) return 0;
  return end - open + before;
}

/** The office that ends right before `at` (with a bracketed second office), its length, or 0. */
function officeBefore(view: string, at: number): number {
  return bracketedOfficeLength(view, at) || officeLengthAt(view, at);
}

/** Where a title (or its `、` segment) may start, reading left from `s`: a word after which a title begins. */
function titleBoundaryAt(view: string, s: number): boolean {
  if (s <= 0) return true;
  const c = view.charCodeAt(s - 1);
  if (TITLE_STOP.table[c] === 1) return true;
  const w = TITLE_BOUNDARY.endingAt(view, s);
  if (!w) return false;
  const not = NOT_BOUNDARY.endingAt(view, s);
  if (not && not.word.length > w.word.length) return false;
  // `香港特别行政区`, `同济大学党委书记`, `我校党委书记`: a boundary word opening the title's first word stays.
  if (OPENERS.has(view, s - w.word.length) || SELF_OPENERS.has(view, s - w.word.length)) return false;
  // `企业代表高级总监`: an office word in a chain of offices is no boundary.
  if (officeLengthAt(view, s) >= w.word.length) return false;
  // `香港中联办教育科技部`: a boundary word ending in a unit's character, right after a character of
  // the same name (联办 in 中联办), is the tail of that name.
  if (w.word.length >= 2 && '办部局处厅委'.includes(view[s - 1]!) && s - w.word.length > 0 && isHan(view.charCodeAt(s - w.word.length - 1)) && !TITLE_BOUNDARY.endingAt(view, s - w.word.length)) return false;
  if (w.word.length === 1 && '与和及同跟'.includes(view[s - 1]!) && s >= 2) {
    // 与/和 inside a name (`材料科学与工程学院院长`) part nothing: only after an ending, an office, a note or punctuation.
    const before = view.slice(Math.max(0, s - 5), s - 1);
    if (!TITLE_STOP.at(view, s - 2) && !/(?:大学|学院|公司|集团|政府|委|局|厅|部|处|院|所|会|中心|市|县|区|省|[）)])$/.test(before) && officeLengthAt(view, s - 1) === 0) return false;
    // `校长及大学杰出教授某某`: an office right before 及 (no name between) is one more office of this
    // person; 和 joins people more often than offices (`某教授和副校长某某`).
    if (view[s - 1] === '及' && officeLengthAt(view, s - 1) > 0) return false;
  }
  return true;
}

/** Strips what cannot open an office from the front of a title read back. */
function cleanTitle(title: string): string {
  let t = title;
  // The office at the end (`主持人`, `特邀代表`) is kept whole: verbs are looked for before it.
  const office = officeLengthAt(t, t.length);
  const by = t.lastIndexOf('由');
  if (by !== -1 && by < t.length - 2) t = t.slice(by + 1);
  TITLE_BREAK.lastIndex = 0;
  let cut = -1;
  for (let m = TITLE_BREAK.exec(t); m; m = TITLE_BREAK.exec(t)) {
    // A verb inside a bracketed note is part of the office (`副校长（主持工作）`).
    if (t.lastIndexOf('（', m.index) > t.lastIndexOf('）', m.index)) continue;
    if (m.index + m[0].length > t.length - office) continue;
    cut = m.index + m[0].length;
  }
  if (cut !== -1) t = t.slice(cut);
  for (let m = TITLE_LEADERS.exec(t); m && t.length > m[0].length && !OPENERS.has(t, 0); m = TITLE_LEADERS.exec(t)) t = t.slice(m[0].length);
  return t;
}

/**
 * The title printed before view[start]: the office ending there, read left to
 * where its own phrase starts, over a `、` chain of offices and of the units
 * that share one; never below `floor` (the person before).
 */
function titleBefore(view: string, start: number, floor: number): { title: string | null; at: number } {
  const office = officeBefore(view, start);
  if (office === 0) return { title: null, at: start };
  let s = start - office;
  for (;;) {
    while (s > floor && start - s <= TITLE_READ_BACK && view.charCodeAt(s - 1) !== 0x3001) {
      const c = view.charCodeAt(s - 1);
      // A bracket closed inside the title (`山东大学（威海）校长`) is read whole.
      if (c === 0xff09 || c === 0x29) {
        let open = s - 2;
        while (open > floor && s - open <= BRACKET_NOTE_MAX && view.charCodeAt(open) !== 0xff08 && view.charCodeAt(open) !== 0x28) open--;
        if (open > floor && s - open <= BRACKET_NOTE_MAX && (view.charCodeAt(open) === 0xff08 || view.charCodeAt(open) === 0x28)) {
          s = open;
          continue;
        }
        break;
      }
      // `南港集团有限公司的总经理`: 的 after a unit's name joins it to the office.
      if (s > 0 && view.charCodeAt(s - 1) === 0x7684 && UNIT_BEFORE_OF.test(view.slice(Math.max(0, s - 7), s - 1))) {
        s--;
        continue;
      }
      // A word after which a title begins, unless it is part of an office (`调研员`, `指导员`).
      if (titleBoundaryAt(view, s) && !insideOffice(view, s)) break;
      s--;
    }
    // `日照市委副书记、市长`, `济南高新区、自贸试验区济南片区党工委书记`: a segment ending in an office or a unit goes with it.
    if (s > floor + 1 && view.charCodeAt(s - 1) === 0x3001 && segmentJoins(view, s - 1, floor)) {
      s--;
      continue;
    }
    break;
  }
  if (start - s > TITLE_READ_BACK) return { title: null, at: start };
  // `出席活动的有东山市副市长许丽`: after 的, 有 opens the list, not the title.
  if (s > 0 && view.charCodeAt(s - 1) === 0x7684 && view.charCodeAt(s) === 0x6709) s++;
  const raw = view.slice(s, start);
  const cleaned = cleanTitle(raw);
  if (!cleaned || officeBefore(cleaned, cleaned.length) === 0) return { title: null, at: start };
  return { title: cleaned, at: start - cleaned.length };
}

/** A unit's name before 的 in a title (`…有限公司的总经理`, `…大学的副校长`). */
const UNIT_BEFORE_OF = /(?:大学|学院|公司|集团|银行|医院|政府|研究院|研究所|委员会|局|厅|部|处)$/;

/** Is position `s` inside an office word (one starting before it and ending after it)? */
function insideOffice(view: string, s: number): boolean {
  for (let e = s + 1; e <= Math.min(view.length, s + 6); e++) if (officeLengthAt(view, e) > e - s) return true;
  return false;
}

/** Does the `、` segment ending at `end` belong to the title after it (it ends in an office or a unit's name)? */
function segmentJoins(view: string, end: number, floor: number): boolean {
  if (end <= floor) return false;
  if (officeLengthAt(view, end) > 0 || bracketedOfficeLength(view, end) > 0) return true;
  // `社会合作处（技术转移中心）、新农村发展研究院处长`: a unit with a bracketed second name goes with it too.
  const note = /[（(][^（）()，。；、]{1,12}[）)]$/.exec(view.slice(Math.max(floor, end - 14), end));
  const unitEnd = note ? end - note[0].length : end;
  return /(?:大学|学院|公司|集团|政府|人大|政协|委|局|厅|部|处|院|所|会|中心|区|市|县|省|办|组|队|社|行)$/.test(view.slice(Math.max(floor, unitEnd - 6), unitEnd));
}

/** Bylines and credits, the stretches maskedRanges leaves out. */
const BYLINES = /《[^《》\n]{1,30}》|(?:电|讯)[（(][^（）()，。\n]{1,30}[）)]|[（(](?:[^（）()]{0,30}?(?:记者|通讯员|摄影|摄|撰稿|编辑|供稿|文\/|图\/))[^（）()]{0,40}[）)]|(?:本网讯|本报讯|本刊讯|本站讯)[（(][^）)]{0,60}[）)]|(?:记者|通讯员|编辑|摄影)[\u4e00-\u9fff]{2,3}(?:[、\s]+[\u4e00-\u9fff]{2,3})*(?=\s|报道|讯|发自|$|[，。）)])|(?:撰稿|编辑|责编|审核|供稿|摄影|文|图)[：:/／][^\n。]{0,30}/g;

/** Bylines and credits (`本报讯（记者王某 通讯员李某）`, `文/张三`) are not people of the record. */
function maskedRanges(view: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  BYLINES.lastIndex = 0;
  for (let m = BYLINES.exec(view); m; m = BYLINES.exec(view)) ranges.push([m.index, m.index + m[0].length]);
  return ranges;
}

/**
 * The marks of one text's person mentions while findPersonMentions reads it,
 * with the steps that read and set them: methods of a class, not closures
 * made afresh for every record (see ItemReader in layout/structure.ts).
 */
class MentionMarks {
  readonly found = new Map<number, PersonMention>();
  // Per-position marks keep every check local, so a record naming thousands of people stays linear.
  readonly taken: Uint8Array;
  readonly endsHere: Uint8Array;
  constructor(
    readonly view: string,
    readonly piece: Piece,
    readonly masked: Array<[number, number]>,
  ) {
    this.taken = TAKEN.take(view.length + 1);
    this.endsHere = ENDS_HERE.take(view.length + 1);
  }

  isMasked(i: number): boolean {
    const masked = this.masked;
    for (let k = 0; k < masked.length; k++) if (i >= masked[k]![0] && i < masked[k]![1]) return true;
    return false;
  }

  /** The end of the person mention closest before `at` (titles are read back no further than this). */
  prevEnd(at: number): number {
    const endsHere = this.endsHere;
    for (let i = at; i >= 0 && at - i <= TITLE_READ_BACK; i--) if (endsHere[i] === 1) return i;
    return Math.max(0, at - TITLE_READ_BACK - 1);
  }

  add(m: PersonMention): boolean {
    const { found, taken, endsHere, view } = this;
    if (found.has(m.start) || this.isMasked(m.start)) return false;
    for (let i = m.start; i < m.end; i++) if (taken[i] === 1) return false;
    found.set(m.start, m);
    taken.fill(1, m.start, m.end);
    endsHere[m.end] = 1;
    // A short note after the name (`邱丽（女）、…`, `某某（左二）`) belongs to it: the next title starts after it.
    const c = m.end < view.length ? view.charCodeAt(m.end) : -1;
    if (c === 0xff08 || c === 0x28) {
      let close = m.end + 1;
      while (close < view.length && close - m.end < BRACKET_NOTE_MAX && view.charCodeAt(close) !== 0xff09 && view.charCodeAt(close) !== 0x29) close++;
      if (close < view.length && close - m.end < BRACKET_NOTE_MAX && !/[，。；：！？\n]/.test(view.slice(m.end, close))) endsHere[close + 1] = 1;
    }
    return true;
  }

  mention(at: number, len: number, via: string, title: { title: string | null; at: number } | null, floor?: number): PersonMention {
    const text = this.piece.text;
    return {
      name: text.slice(at, at + len),
      start: at,
      end: at + len,
      title: title && title.title ? text.slice(title.at, at) : null,
      titleStart: title && title.title ? title.at : at,
      readBack: title !== null,
      floor,
      via,
    };
  }

  /** 2. Names that follow a known person in a list (`王宏志、戴龙成`), or after 与/和/及. */
  extendLists(): boolean {
    const { found, endsHere, view } = this;
    // No one found, no list to follow (most records name no one).
    if (found.size === 0) return false;
    let grew = false;
    const sorted = sortByStart([...found.values()]);
    const walked = new Set<number>();
    for (const p of sorted) {
      if (walked.has(p.start)) continue;
      let at = p.end;
      // Past a short note (`邱丽（女）、`).
      if (endsHere[at] !== 1) {
        for (let k = at + 1; k <= at + BRACKET_NOTE_MAX && k <= view.length; k++) if (endsHere[k] === 1 && /^[（(]/.test(view[at] ?? '')) at = k;
      }
      let listTitle = p.title;
      let inList = false;
      for (;;) {
        const sep = listJoinAt(view, at);
        if (!sep) break;
        const nameAt = at + sep.length;
        walked.add(nameAt);
        const q = found.get(nameAt);
        if (q) {
          at = q.end;
          inList = inList || sep === '、';
          continue;
        }
        // An office of its own after the separator: the walk stops (step 1 read it).
        if (officeFrom(view, nameAt) > 0) break;
        // `刘志刚、华远电子董事长黄伟`: an item holding a person found with an office is a titled person, not a bare name.
        let titled = false;
        for (let k = nameAt + 1; k < Math.min(view.length, nameAt + TITLE_READ_BACK) && !titled; k++) {
          if (CLAUSE_STOP.at(view, k) || view[k] === '、') break;
          if (found.get(k)?.title) titled = true;
        }
        if (titled) break;
        const r = bestName(view, nameAt, 3);
        if (!r) break;
        const inherited = sep === '、' || (inList && (sep === '和' || sep === '及' || sep === '以及'));
        const m = this.mention(nameAt, r.len, 'list', null);
        if (inherited && listTitle) {
          m.title = listTitle;
          m.titleStart = nameAt;
        }
        if (!this.add(m)) break;
        grew = true;
        if (!inherited) listTitle = null;
        inList = inList || sep === '、';
        at = nameAt + r.len;
      }
    }
    return grew;
  }
}

/** What joins the names of a list: `、`, `以及`, `和`, `及`, `与`, `同`. */
export const LIST_JOIN = /^(?:、|以及|和|及|与|同)/;
const LIST_JOIN_ONE = new CharSet('、和及与同');

/** The joiner of LIST_JOIN at `at` (`王宏志、戴龙成` at 3 → `、`), read in place, or undefined. */
export function listJoinAt(view: string, at: number): string | undefined {
  if (LIST_JOIN_ONE.at(view, at)) return view[at];
  return view.startsWith('以及', at) ? '以及' : undefined;
}

/**
 * First code units of the known names, marked while one record is scanned for
 * them (step 6 of findPersonMentions). A mark left set (by a throw mid-scan)
 * costs only a map lookup: the map decides.
 */
const KNOWN_HEADS = new Uint8Array(65536);

/** Finds every person mention in a text (view indices). */
export function findPersonMentions(view: string, knownNames: Iterable<string>, warnings: Warning[], piece: Piece): PersonMention[] {
  readOffices(view);
  const marks = new MentionMarks(view, piece, maskedRanges(view));
  const { found, taken } = marks;

  // 1. A name right after an office word: `市长李在武`, `主教练勒夫`, `副校长（主持工作）某某`.
  // Only where an office word ends, or a bracket closes (`副校长（主持工作）`), can one stand before a name:
  // those positions, ascending, past the last name read.
  const officeAt = officeEnds();
  let k = 0;
  let wide = view.indexOf('）');
  let narrow = view.indexOf(')');
  for (let next = 1; ; ) {
    while (k < officeAt.length && officeAt[k]! < next) k++;
    while (wide !== -1 && wide + 1 < next) wide = view.indexOf('）', wide + 1);
    while (narrow !== -1 && narrow + 1 < next) narrow = view.indexOf(')', narrow + 1);
    let at = k < officeAt.length ? officeAt[k]! : view.length;
    if (wide !== -1 && wide + 1 < at) at = wide + 1;
    if (narrow !== -1 && narrow + 1 < at) at = narrow + 1;
    if (at >= view.length) break;
    next = at + 1;
    const office = officeBefore(view, at);
    if (office === 0) continue;
    // A longer office going on past this one wins (`董事` inside `董事长`, `主任` in `主任委员`).
    if (officeFrom(view, at) > 0 || officeLengthAt(view, at + 1) >= office + 1 || officeLengthAt(view, at + 2) >= office + 2) continue;
    if (BYLINE.endingAt(view, at)) continue;
    const r = bestName(view, at, 3);
    if (!r) {
      reportOrphanTitle(view, at - office, at, warnings, piece);
      continue;
    }
    const floor = marks.prevEnd(at);
    if (marks.add(marks.mention(at, r.len, 'office-before', titleBefore(view, at, floor), floor))) next = at + r.len;
  }

  // 2. Names that follow a known person in a list: see MentionMarks.extendLists.
  marks.extendLists();

  // 3. A name at the start of a clause or after a word that opens one, with evidence after it:
  //    `李长春强调`, `去年江泽民主席访美`, `将郭某告上法庭`, `刘某的这种感受`.
  for (let at = 0; at < view.length; at++) {
    if (taken[at] === 1 || !nameStartsAt(view, at)) continue;
    // After a verb that takes a thing, a name only as that thing's owner, its office after it
    // (`落实某某总书记重要讲话精神`).
    const opens = leftEvidence(view, at) > 0;
    // After a unit's one-character ending, the same, and only a three-character name: two characters there
    // are as often a noun of the office (`组委景观设计师`).
    const thingOwner = !opens && THING_VERB.endingAt(view, at) !== null && TITLE_BOUNDARY.endingAt(view, at) !== null;
    const unitMember = !opens && !thingOwner && UNIT_END_ONE.at(view, at - 1);
    if (!opens && !thingOwner && !unitMember) continue;
    const r = bestName(view, at, 1);
    if (!r || ((thingOwner || unitMember) && !(r.personal && r.right >= 3 && officeFrom(view, at + r.len) > 0)) || (unitMember && r.len !== 3)) continue;
    const floor = marks.prevEnd(at);
    if (marks.add(marks.mention(at, r.len, unitMember ? 'unit-member' : 'evidence', titleBefore(view, at, floor), floor))) at += r.len - 1;
  }
  marks.extendLists();

  // 4. A title in brackets after the name: `张三（东岭大学副校长）介绍…`.
  for (let i = view.indexOf('（'); i !== -1; i = view.indexOf('（', i + 1)) {
    const close = view.slice(i, i + 33).indexOf('）') + i;
    if (close < i) continue;
    const inner = view.slice(i + 1, close);
    if (officeLengthAt(inner, inner.length) === 0 || /[，。；]/.test(inner)) continue;
    for (const len of [3, 2]) {
      const start = i - len;
      if (start < 0 || !nameStartsAt(view, start) || !hanAt(view, start, len)) continue;
      const cand = view.slice(start, i);
      if (NOT_NAMES.has(cand) || NOT_LAST.at(cand, len - 1)) continue;
      if (start > 0 && !CLAUSE_STOP.at(view, start - 1) && !'、与和及由'.includes(view[start - 1]!)) continue;
      if (marks.add({ name: piece.text.slice(start, i), start, end: i, title: piece.text.slice(i + 1, close), titleStart: i + 1, readBack: false, floor: undefined, via: 'bracketed-title' })) break;
    }
  }

  // 5. A list of bare names at the head of a clause (`王五、李四、赵六等出席`), or after a word that
  //    opens one and closed by 等 (`双方为某某、某某等10位学生…`, `授予某某、某某等个人`).
  // (A list needs a Han name of two to four characters, then `、`: most positions are turned away at once.)
  let nextComma = view.indexOf('、');
  for (let at = 0; at < view.length; at++) {
    if (nextComma === -1) break;
    if (nextComma < at) {
      nextComma = view.indexOf('、', at);
      if (nextComma === -1) break;
    }
    if (nextComma - at < 2 || nextComma - at > 4) continue;
    const c0 = view.charCodeAt(at);
    if (SURNAME.table[c0] !== 1 && WEAK.table[c0] !== 1 && !COMPOUND.has(view, at)) continue;
    const head = at === 0 || CLAUSE_STOP.table[view.charCodeAt(at - 1)] === 1;
    if (!head && leftEvidence(view, at) === 0) continue;
    const names: Array<[number, number]> = [];
    let p = at;
    for (;;) {
      const r = readings(view, p).filter((x) => !x.foreign && x.right >= 2)[0];
      if (!r || found.has(p)) break;
      names.push([p, p + r.len]);
      if (view[p + r.len] !== '、') break;
      p += r.len + 1;
    }
    if (names.length < 2) continue;
    const last = names[names.length - 1]![1];
    if (!(head ? /^(?:等|和|及|共同|分别|出席|参加)/ : /^等/).test(view.slice(last, last + 2))) continue;
    for (const [s, e] of names) marks.add({ name: piece.text.slice(s, e), start: s, end: e, title: null, titleStart: s, readBack: false, floor: undefined, via: 'bare-list' });
  }

  // 6. Every further mention of a known name (its title may be longer there).
  const names = new Set<string>(knownNames);
  for (const p of found.values()) names.add(view.slice(p.start, p.end));
  if (names.size > 0) findKnownNames(view, names, marks);
  marks.extendLists();

  // 7. A bare name joined before a person (`甲与乙共同揭牌`, where only 乙 was known).
  for (const p of [...found.values()]) {
    const join = view[p.titleStart - 1];
    if (!join || !'与和及、同'.includes(join)) continue;
    const end = p.titleStart - 1;
    for (const len of [3, 2]) {
      const start = end - len;
      if (start < 0 || !nameStartsAt(view, start) || !hanAt(view, start, len)) continue;
      const cand = view.slice(start, end);
      if (NOT_NAMES.has(cand) || NOT_NAMES.has(cand.slice(0, 2)) || NOT_LAST.at(cand, len - 1)) continue;
      // `梅校长和…`: a surname with an office is someone addressed, no name.
      if (officeFrom(view, start + 1) === len - 1) continue;
      if (!(start === 0 || CLAUSE_STOP.at(view, start - 1) || view[start - 1] === '由' || officeBefore(view, start) > 0)) continue;
      const floor = marks.prevEnd(start);
      if (marks.add(marks.mention(start, len, 'joined-before', titleBefore(view, start, floor), floor))) break;
    }
  }

  // Titles read back stop at the person before them; with every person known now, read them again.
  for (const m of found.values()) {
    if (!m.readBack) continue;
    const floor = marks.prevEnd(m.start);
    if (floor === m.floor) continue;
    const { title, at } = titleBefore(view, m.start, floor);
    m.title = title && piece.text.slice(at, m.start);
    m.titleStart = title ? at : m.start;
  }
  return sortByStart([...found.values()]);
}

/** Step 6 of findPersonMentions: every further mention of a known name (its title may be longer there). */
function findKnownNames(view: string, names: ReadonlySet<string>, marks: MentionMarks): void {
  const { found } = marks;
  // Keyed by the first code unit: a small integer, where a key of two code units
  // (`c0 * 65536 + c1`) is past V8's small-integer range for Chinese text and
  // made a heap number at every position.
  // KNOWN_HEADS marks those first code units for the scan (cleared after it): most positions are ruled out by one load.
  const byHead = new Map<number, string[]>();
  for (const name of names) {
    if (name.length < 2) continue;
    const head = name.charCodeAt(0);
    const list = byHead.get(head);
    if (list) list.push(name);
    else byHead.set(head, [name]);
    KNOWN_HEADS[head] = 1;
  }
  for (let at = 0; byHead.size > 0 && at + 1 < view.length; at++) {
    if (KNOWN_HEADS[view.charCodeAt(at)] === 0) continue;
    const list = byHead.get(view.charCodeAt(at));
    if (!list || found.has(at)) continue;
    let best: string | null = null;
    for (const name of list) if ((best === null || name.length > best.length) && view.startsWith(name, at)) best = name;
    if (best === null) continue;
    if (rightEvidence(view, at + best.length).score <= 0) continue;
    if (at > 0 && isHan(view.charCodeAt(at - 1)) && leftEvidence(view, at) === 0 && officeBefore(view, at) === 0) continue;
    const floor = marks.prevEnd(at);
    marks.add(marks.mention(at, best.length, 'known-name', titleBefore(view, at, floor), floor));
  }
  for (const head of byHead.keys()) KNOWN_HEADS[head] = 0;
}

/**
 * `浪潮集团执行总裁、总工程师，…`: a clause that is nothing but a title chain,
 * with no name after it, is reported and not turned into a person.
 */
function reportOrphanTitle(view: string, titleStart: number, titleEnd: number, warnings: Warning[], piece: Piece): void {
  if (view[titleEnd] !== '，' && view[titleEnd] !== '；') return;
  let s = titleStart;
  while (s > 0 && !CLAUSE_STOP.at(view, s - 1)) s--;
  const clause = view.slice(s, titleEnd);
  if (clause.length > 40 || /担任|任|是|为|作为|聘|选|当选|兼|的|在|和|与|及|等|了|由|对|向/.test(clause)) return;
  if (!/[、]/.test(clause) && !/(?:集团|公司|大学|学院|政府|局|厅|委|院|会|行)/.test(clause)) return;
  const span = piece.span(s, titleEnd);
  if (warnings.some((w) => w.code === 'title-without-name' && w.span[0] === span[0])) return;
  warnings.push({ code: 'title-without-name', message: `a title with no name after it: "${piece.text.slice(s, titleEnd)}"`, span });
}

/** Exported for tests and other rules: the best person reading at `at` after an office. */
export function readName(view: string, at: number): number {
  return bestName(view, at, 3)?.len ?? 0;
}

// A record's marks live only as long as the record: see shapes.ts.
keepShape(new MentionMarks('', new Piece('', 0), []));
