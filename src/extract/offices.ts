/**
 * The office lexicon by morphology: where does an office word end, and how
 * long is it? Listed heads (书记, 主任, 总经理, 发言人, 主教练 …) and the productive
 * forms: a unit's head `…长` (部长, 署长, 舰长: any unit character before 长),
 * `…学家`, and the modifiers an office takes (副, 常务, 执行, 首席, 一级 …), read
 * as part of the office.
 *
 *   `财政部长`  → 部长 (2), with its domain read as part of the title
 *   `常务副校长` → 常务副校长 (5)
 *   `成长`, `增长` → no office (成, 增 are no units)
 */
import { HEAD_UNITS, ROLE_ENDINGS, ROLE_ENDING_WORDS, ROLE_WORDS, TITLE_WORDS } from '../lexicon/people.js';
import { SURNAMES, WEAK_SURNAMES } from '../lexicon/names.js';
import { CharSet, wordIndex } from '../lexicon/wordindex.js';
import { ScratchArray } from '../text/scratch.js';
import { isMainHan } from '../text/normalize.js';

const HEADS = wordIndex([...TITLE_WORDS, ...ROLE_WORDS]);
const UNITS = new CharSet(HEAD_UNITS);
/** Modifiers that open an office: `副`, `常务副`, `执行`, `首席`, `一级` … (longest first). */
const MODIFIERS = wordIndex(['副', '常务', '常务副', '执行', '执行副', '名誉', '首席', '高级', '资深', '专职', '专职副', '代理', '代', '前', '原', '总', '一级', '二级', '三级', '四级', '特聘', '特邀', '特约', '驻华', '驻']);
const CHANG = 0x957f; // 长
/** Characters that make 长 an adjective's first (长期, 长远, 长足, 长效, 长久). */
const LONG_NEXT = new CharSet('期远足效久');
const ROLE_END = new CharSet(ROLE_ENDINGS);
/**
 * Every character an office word can end with: the last character of a title
 * or role word, 长, a role ending. At any other position officeLengthRead
 * finds nothing, and most positions of a text are turned away by one load.
 */
const OFFICE_LAST = new CharSet([...TITLE_WORDS, ...ROLE_WORDS].map((w) => w.slice(-1)).join('') + '长' + ROLE_ENDINGS);
const NOT_ROLES = wordIndex(ROLE_ENDING_WORDS);
const PLACE_AFTER_JIA = new CharSet('庄口港村湾寨坡坪营屯沟堡峪嘴店集镇岭坝桥园');
const SURNAME = new CharSet(SURNAMES);
const WEAK_SURNAME = new CharSet(WEAK_SURNAMES);
/** Numerals and function words: no stem of a role (`千家万户`, `公司在商谈`). */
const NOT_STEM = new CharSet('一二三四五六七八九十百千万两几多每各全该此本其这那在于的了和与及或是为对向从把被将就都也还又再才已曾不没很最更');

/**
 * `驾驶员`, `体能师`, `鉴赏家`, `邮商`: a role word by its ending, its stem the two
 * Han characters before it (one where only one is there); 0 when the ending
 * closes a word that is no role (`国家`, `人员`, `协商`).
 */
function roleByEnding(view: string, e: number): number {
  if (e < 2 || !ROLE_END.at(view, e - 1) || !isMainHan(view.charCodeAt(e - 2))) return 0;
  const not = NOT_ROLES.endingAt(view, e);
  if (not) return 0;
  // `石家庄`, `张家口`, `李家村`: 家 inside a place's name.
  if (view.charCodeAt(e - 1) === 0x5bb6 && PLACE_AFTER_JIA.at(view, e)) return 0;
  // `总裁魏家福`: 家 after a surname that follows an office opens a given name, not a role.
  if (view.charCodeAt(e - 1) === 0x5bb6 && SURNAME.at(view, e - 2) && !WEAK_SURNAME.at(view, e - 2) && officeLengthAt(view, e - 2) > 0) return 0;
  if (!stemChar(view, e - 2)) return 0;
  return e >= 3 && stemChar(view, e - 3) ? 3 : 2;
}

/** Can the character at `k` stand in the stem of a role word (`经理`, `厂长`): a Han character not on NOT_STEM. */
function stemChar(view: string, k: number): boolean {
  return isMainHan(view.charCodeAt(k)) && !NOT_STEM.at(view, k);
}

/**
 * The office words of one text, tabled once: its length ending at each position
 * and the longest starting at each. The people rules ask about the same
 * positions many times over (every candidate name asks what starts after its
 * surname and after its end). Only the text handed to `readOffices` is
 * tabled; any other text is read directly.
 */
const ENDING = new ScratchArray((n) => new Uint8Array(n), 0);
const STARTING = new ScratchArray((n) => new Uint8Array(n), 0);
const TABLE = { view: '', ending: ENDING.take(0), starting: STARTING.take(0), ends: [] as number[] };
/** Longest office officeFrom looks for. */
const FROM_MAX = 8;

/** Tables the office words of `view` (the record text the people rules read). */
export function readOffices(view: string): void {
  const n = view.length;
  TABLE.view = '';
  const ending = (TABLE.ending = ENDING.take(n + 1));
  const starting = (TABLE.starting = STARTING.take(n + 1));
  const ends = TABLE.ends;
  ends.length = 0;
  for (let e = 1; e <= n; e++) {
    const len = officeLengthRead(view, e);
    ending[e] = len;
    if (len === 0) continue;
    ends.push(e);
    if (len <= FROM_MAX && len > starting[e - len]!) starting[e - len] = len;
  }
  TABLE.view = view;
}

/** Where an office word ends in the text last handed to readOffices, ascending (read before the next call). */
export function officeEnds(): readonly number[] {
  return TABLE.ends;
}

/** The length of the office word ending at `e` (its modifiers included), or 0. */
export function officeLengthAt(view: string, e: number): number {
  if (view === TABLE.view && e >= 0 && e <= view.length) return TABLE.ending[e]!;
  return officeLengthRead(view, e);
}

function officeLengthRead(view: string, e: number): number {
  if (!OFFICE_LAST.at(view, e - 1)) return 0;
  // `对蔡甸区长期以来的支持`: 长 opening 长期, 长远, 长足 … ends no office (`校长期间` does).
  // Bounds first: V8 leaves optimised code that reads a string past its end.
  if (e > 0 && e <= view.length && view.charCodeAt(e - 1) === CHANG && LONG_NEXT.at(view, e) && !view.startsWith('期间', e)) return 0;
  let len = HEADS.endingAt(view, e)?.word.length ?? 0;
  // `…长` after a unit character: 部长, 署长, 舰长, 行长.
  if (e >= 2 && e <= view.length && view.charCodeAt(e - 1) === CHANG && UNITS.at(view, e - 2)) len = Math.max(len, 2);
  if (len === 0) len = roleByEnding(view, e);
  if (len === 0) return 0;
  // Modifiers before it (`常务副`), read as part of the office.
  for (let k = 0; k < 3; k++) {
    const m = MODIFIERS.endingAt(view, e - len);
    if (!m) break;
    len += m.word.length;
  }
  return len;
}

/** The length of the office word that starts exactly at `at` (the longest), or 0. */
export function officeFrom(view: string, at: number): number {
  if (view === TABLE.view && at >= 0 && at <= view.length) return TABLE.starting[at]!;
  let best = 0;
  for (let e = at + 1; e <= Math.min(view.length, at + FROM_MAX); e++) if (officeLengthAt(view, e) === e - at) best = e - at;
  return best;
}
