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
import { HEAD_UNITS, ROLE_WORDS, TITLE_WORDS } from '../lexicon/people.js';
import { CharSet, wordIndex } from '../lexicon/wordindex.js';

const HEADS = wordIndex([...TITLE_WORDS, ...ROLE_WORDS]);
const UNITS = new CharSet(HEAD_UNITS);
/** Modifiers that open an office: `副`, `常务副`, `执行`, `首席`, `一级` … (longest first). */
const MODIFIERS = wordIndex(['副', '常务', '常务副', '执行', '执行副', '名誉', '首席', '高级', '资深', '专职', '专职副', '代理', '代', '前', '原', '总', '一级', '二级', '三级', '四级', '特聘', '特邀', '特约', '驻华', '驻']);
const CHANG = 0x957f; // 长

/** The length of the office word ending at `e` (its modifiers included), or 0. */
export function officeLengthAt(view: string, e: number): number {
  let len = HEADS.endingAt(view, e)?.word.length ?? 0;
  // `…长` after a unit character: 部长, 署长, 舰长, 行长.
  if (view.charCodeAt(e - 1) === CHANG && e >= 2 && UNITS.at(view, e - 2)) len = Math.max(len, 2);
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
  let best = 0;
  for (let e = at + 1; e <= Math.min(view.length, at + 8); e++) if (officeLengthAt(view, e) === e - at) best = e - at;
  return best;
}
