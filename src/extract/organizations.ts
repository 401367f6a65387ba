/**
 * Organization names: where one ends (a suffix from the lexicon, followed by
 * something that may follow a name) and what type it is.
 */
import { COOPERATION_WORDS, ORG_FOLLOWERS, ORG_SUFFIXES, SELF_NAMES } from '../lexicon/organizations.js';
import { onLexicon } from '../lexicon/user.js';
import { TITLE_WORDS } from '../lexicon/people.js';
import type { PartyType } from '../schema/index.js';
import { CharSet, EndingIndex, StartIndex } from '../lexicon/wordindex.js';
import { Memo } from '../text/memo.js';

const SUFFIXES = [...ORG_SUFFIXES].sort((a, b) => b.word.length - a.word.length);
const SUFFIX_INDEX = new EndingIndex(SUFFIXES);
const SELF_INDEX = new StartIndex(SELF_NAMES.map((s) => s.word));
const SELF_TYPES = new Map(SELF_NAMES.map((s) => [s.word, s.type]));
const STRONG_INDEX = new EndingIndex(SUFFIXES.filter((s) => s.strong));
/** orgType's answers by name (the same sides are typed in record after record); cleared when a lexicon is taken in. */
const TYPES = new Memo<PartyType>(4096, typeOf);
onLexicon((l) => {
  SUFFIXES.push(...l.units);
  SUFFIXES.sort((a, b) => b.word.length - a.word.length);
  SUFFIX_INDEX.add(l.units);
  STRONG_INDEX.add(l.units.filter((u) => u.strong));
  // A user's units may give a name another type.
  TYPES.clear();
});
const FOLLOWERS = new StartIndex([...ORG_FOLLOWERS, ...TITLE_WORDS]);
const MAX_ORG = 32;
/** Characters an organization's name never holds. */
const NOT_IN_NAME = /[，。；：！？、“”《》\n\s,;:!?]/;
const NOT_IN_NAME_CHARS = new CharSet('，。；：！？、“”《》\n \t,;:!?');
/** Words an organization's name never holds: verbs and particles of the sentence around it. */
const NOT_IN_NAME_WORDS = /了|在|将|是|把|被|从|让|使(?!馆|领馆)|有效|进行|通过|已经|正在|及其|举行|召开|签署|签订|出席|主持|参加|表示|带队|率队|一行|走进|携手|共建|成立|揭牌|围绕|推动|加强|开展|建设(?!银行|局|厅|委|部|集团|公司|工程|投资|兵团|发展|研究)|聘任|选举|对接|分别|先后|共同|以及|并|的|进一步|提升|推进/;
/** Leading words that make a mention generic (`该公司`, `各学院`). */
const GENERIC_LEAD = /^(?:该|此|本|各|全|其|相关|有关|上述|多家|一批|多个|若干|[\d一二三四五六七八九十百千余多数几]+[家个所]|两|双|三)/;

/** `我校`, `学校`, `我市` …: how a text names its own side. */
export function isSelfName(view: string): boolean {
  return SELF_TYPES.has(view);
}

/** The length of the self-name (`学校`, `我校` …) starting at `at`, or 0. */
export function selfNameAt(view: string, at: number): number {
  return SELF_INDEX.startingAt(view, at)?.length ?? 0;
}

export function suffixEndingAt(view: string, end: number): (typeof SUFFIXES)[number] | null {
  return SUFFIX_INDEX.endingAt(view, end);
}

/** A company's legal form at the end makes it an enterprise, whatever its name holds (`…研究院有限公司`). */
const COMPANY_FORM = /(?:公司|集团)$/;

/** A company's regional division (`阿斯利康亚太区`, `某某中国区`): a business, not a district. */
const BUSINESS_REGION = /(?:亚太|大中华|中国|全球|欧洲|北美|华东|华南|华北|华中|西南|西北|东北)区$/;

/** A unit of government by its name: a place, a level, a party committee or a state body heads it. */
const GOVERNMENT_MARK = /[省市县区州旗镇乡]|国家|中央|中共|国务院|人民政府|政府|人大|政协|党委|市委|省委|县委|区委|党工委|管委会/;
/** Offices and departments (`创新管理部`, `科技处`, `校长办公室`): a university's own unless the name marks it as government's. */
const OFFICE_ENDING = /(?:部|处|办公室|办|室|科)$/;

/** The type of the organization named `view` (folded): see typeOf. */
export function orgType(view: string): PartyType {
  return TYPES.get(view);
}

function typeOf(view: string): PartyType {
  // `临沂市(费县)`, `齐鲁工业大学(山东省科学院)`: a note in brackets after a name leaves its type to the name.
  const note = /^(.{2,}?)[（(][^（()）]+[）)]$/.exec(view);
  if (note) {
    const main = typeOf(note[1]!);
    if (main !== 'other') return main;
  }
  const self = SELF_TYPES.get(view);
  if (self) return self;
  if (OFFICE_ENDING.test(view) && !GOVERNMENT_MARK.test(view) && !/^[\u4e00-\u9fff]{2}部$/.test(view)) {
    // `教育部`, `外交部` (a two-character domain): a ministry; `创新管理部`: a university's department.
    return /(?:大学|学院|学校)/.test(view) || !/(?:集团|公司|银行|医院)/.test(view) ? 'university' : orgTypeByEnding(view);
  }
  return orgTypeByEnding(view);
}

function orgTypeByEnding(view: string): PartyType {
  if (COMPANY_FORM.test(view) || BUSINESS_REGION.test(view)) return 'enterprise';
  // A name ending in 大学 is a university, whatever it starts with (`中国科学院大学`).
  if (view.endsWith('大学')) return 'university';
  // The leftmost strong ending decides (`山东大学晶体材料研究院` is the university's);
  // place endings (市, 区 …) only when no strong one is present.
  // Scan ends left to right; the first strong ending found starts leftmost among the shortest.
  let best: { at: number; type: PartyType } | null = null;
  for (let end = 2; end <= view.length; end++) {
    const s = STRONG_INDEX.endingAt(view, end);
    if (!s) continue;
    const at = end - s.word.length;
    if (!best || at < best.at) best = { at, type: s.type };
  }
  if (best) return best.type;
  return suffixEndingAt(view, view.length)?.type ?? 'other';
}

/**
 * Where `与`/`和` joins two sides in a text: right after a unit's ending
 * (`学院与南港公司`, `东岭大学和西川市政府`), not inside one name
 * (`材料科学与工程学院`, `校地合作与交流`). The index of the first 与/和, or −1.
 */
export function sidesJoinedAt(text: string): number {
  const and = text.search(/[与和]/);
  return and > 0 && suffixEndingAt(text, and) !== null ? and : -1;
}

/** `西川市人大常委会`: an ending that starts right here (`常委会`) makes the name go on past an office word (`常委`). */
function longerEndingAhead(view: string, at: number): boolean {
  for (let k = 2; k <= 4 && at + k <= view.length; k++) {
    const s = STRONG_INDEX.endingAt(view, at + k);
    if (s && at + k - s.word.length === at) return true;
  }
  return false;
}

function followsName(view: string, at: number): boolean {
  if (at >= view.length) return true;
  return FOLLOWERS.has(view, at);
}

/** Is view[start, end) shaped like an organization's name? */
export function nameShaped(view: string, start: number, end: number): boolean {
  const length = end - start;
  if (length < 2 || length > MAX_ORG) return false;
  // The cheap questions first: most candidates fail on their ending.
  const suffix = suffixEndingAt(view, end);
  if (!suffix || suffix.word.length === length) return false;
  // A one-character suffix needs a real name before it (`金融系`, not `院系`).
  if (suffix.word.length === 1 && length < 3 && !suffix.strong) return false;
  if (suffix.word === '系' && length < 3) return false;
  const name = view.slice(start, end);
  if (NOT_IN_NAME.test(name) || NOT_IN_NAME_WORDS.test(name) || GENERIC_LEAD.test(name)) return false;
  if (sidesJoinedAt(name) > 0) return false;
  // Parentheses must balance: `中节能（即墨）环保能源有限公司`.
  let depth = 0;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c === 0xff08 || c === 0x28) depth++;
    else if (c === 0xff09 || c === 0x29) depth--;
  }
  const first = name.charCodeAt(0);
  return depth === 0 && first !== 0xff08 && first !== 0x28 && first !== 0xff09 && first !== 0x29;
}

/**
 * Reads an organization's name starting at `start`: the first end that is a
 * name ending followed by what may follow a name. Returns its end, or -1.
 */
export function readOrganization(view: string, start: number, options: { allowWeak?: boolean; lenient?: boolean; afterDash?: boolean } = {}): number {
  const allowWeak = options.allowWeak ?? true;
  // With `lenient` (a name right after 与/和 in a chain), a strong ending followed
  // by anything still ends the name when nothing better is found.
  let fallback = -1;
  const self = SELF_INDEX.startingAt(view, start);
  if (self && followsName(view, start + self.length)) return start + self.length;
  const notInName = NOT_IN_NAME_CHARS.table;
  for (let end = start + 2; end <= Math.min(view.length, start + MAX_ORG); end++) {
    if (notInName[view.charCodeAt(end - 1)] === 1) return fallback;
    const suffix = suffixEndingAt(view, end);
    if (!suffix || (!allowWeak && !suffix.strong)) continue;
    if (!nameShaped(view, start, end)) continue;
    if (followsName(view, end) && !longerEndingAhead(view, end)) return end;
    // After a dash (`东岭大学—南港市全面合作推进会`) a place name stands as a side too.
    if (options.lenient && (suffix.strong || options.afterDash)) fallback = end;
    // A parenthesis closing the name: `康复大学（筹）`, `山东大学（威海）`.
    const paren = /^[（(][^（）()，。]{1,10}[）)]/.exec(view.slice(end, end + 12));
    if (paren && followsName(view, end + paren[0].length)) return end + paren[0].length;
  }
  return fallback;
}

/** The end of an organization's name at the very front of view[start, limit), or `start`. */
export function leadingOrganization(view: string, start: number, limit: number): number {
  let best = start;
  for (let end = start + 2; end < limit; end++) {
    const suffix = suffixEndingAt(view, end);
    if (!suffix || !suffix.strong) continue;
    const name = view.slice(start, end);
    if (COOPERATION_WORDS.some((w) => name.includes(w)) || !nameShaped(view, start, end)) continue;
    best = end;
  }
  return best;
}
