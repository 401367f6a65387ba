/**
 * Agreements: every phrase ending in 协议/协议书/协定/合同/意向书/备忘录, in
 * book-title marks or read back to the verb or connector before it; a bare
 * `协议` (`根据协议`) is not one. The kind comes from the SCHEMA table.
 */
import { AGREEMENT_DETERMINERS, AGREEMENT_ENDINGS, AGREEMENT_OPENERS, agreementKind, insideCompound } from '../lexicon/agreements.js';
import type { Agreement } from '../schema/index.js';
import type { Piece } from '../text/piece.js';
import { leadingOrganization } from './organizations.js';
import { CharSet, wordIndex } from '../lexicon/wordindex.js';
import { onLexicon } from '../lexicon/user.js';
import { fold } from '../text/normalize.js';

const byLength = (w: readonly string[]) => [...w].sort((a, b) => b.length - a.length);
let ENDING_RE = new RegExp(byLength(AGREEMENT_ENDINGS).join('|'), 'g');
onLexicon((l) => {
  AGREEMENT_ENDINGS.push(...l.agreements.map(fold));
  const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  ENDING_RE = new RegExp(byLength(AGREEMENT_ENDINGS).map(escape).join('|'), 'g');
});
const OPENERS = wordIndex(AGREEMENT_OPENERS);
const MAX_LENGTH = 60;
const COUNT = /^等?[\d一二三四五六七八九十两多数几余]+(?:项|份|个|类|批|件|套)/;
const HARD_STOP = '，。；：！？、《》「」\n,;:!?';
const STOP_CHARS = new CharSet(HARD_STOP);

/** The last `ch` at or before `from` and not before `floor`, or -1: a bounded lastIndexOf. */
function lastBefore(view: string, ch: string, from: number, floor: number): number {
  const code = ch.charCodeAt(0);
  for (let i = Math.min(from, view.length - 1); i >= Math.max(0, floor); i--) if (view.charCodeAt(i) === code) return i;
  return -1;
}

/** Where an unmarked agreement name starts, reading back from its ending at `end`. */
function phraseStart(view: string, end: number): number {
  let depth = 0;
  let s = end;
  while (s > 0 && end - s < MAX_LENGTH) {
    const c = view.charCodeAt(s - 1);
    if (c === 0x201d && depth === 0) {
      // A quoted name is one piece: `共建“甲与乙研究中心”协议`.
      const open = lastBefore(view, '“', s - 2, end - MAX_LENGTH);
      if (open !== -1) {
        s = open;
        continue;
      }
    }
    if (c === 0xff09 || c === 0x29) depth++;
    else if (c === 0xff08 || c === 0x28) {
      if (depth === 0) break;
      depth--;
    } else if (depth === 0 && STOP_CHARS.at(view, s - 1)) break;
    const w = depth === 0 ? OPENERS.endingAt(view, s)?.word : undefined;
    // An opener ends here, except `的` right before the ending (`…合作项目的协议` is one name)
    // and a one-character opener inside a word (`协同育人`, `对接`).
    if (w && !(w === '的' && s === end) && !(w.length === 1 && insideCompound(view, s))) break;
    s--;
  }
  return s;
}

/** `ranges` (if given) receives where each agreement's name stands in the view. */
export function findAgreements(piece: Piece, view: string, ranges?: Array<[number, number]>): Agreement[] {
  const out: Agreement[] = [];
  // Made at the first name read (most records name no agreement).
  let seen: Set<string> | null = null;
  ENDING_RE.lastIndex = 0;
  for (let m = ENDING_RE.exec(view); m; m = ENDING_RE.exec(view)) {
    const end = m.index + m[0].length;
    let start: number;
    // `《…合作协议》`, or with its term after the ending: `《…合作协议（2024—2028年）》`.
    const closed = (end < view.length && view.charCodeAt(end) === 0x300b) || /^[（(][^（）()《》\n]{1,16}[）)]》/.test(view.slice(end, end + 19));
    const open = closed ? lastBefore(view, '《', m.index - 1, m.index - MAX_LENGTH) : -1;
    // A name in book-title marks stays within one paragraph.
    if (open !== -1 && !/[》\n]/.test(view.slice(open + 1, m.index))) {
      start = open + 1;
    } else {
      start = phraseStart(view, m.index);
      // A side's name at the front is not part of the agreement's (`厦门大学战略合作协议`),
      // unless sides are joined by a dash into the agreement's own name (`甲—乙战略合作协议`).
      const lead = leadingOrganization(view, start, m.index);
      if (lead > start && !/[—\-－–]/.test(view.slice(start, m.index))) start = lead;
      for (const d of AGREEMENT_DETERMINERS) {
        if (view.startsWith(d, start) && start + d.length <= m.index) {
          start += d.length;
          break;
        }
      }
      // A count is not part of a name: `等5项协议` (a bare 协议 then), `3份技术合同` → 技术合同.
      const count = COUNT.exec(view.slice(start, m.index));
      if (count) start += count[0].length;
    }
    if (view[start] === '的') start++;
    if (start >= m.index) continue; // a bare 协议
    const text = piece.text.slice(start, end);
    ranges?.push([start, end]);
    if (seen === null) seen = new Set<string>();
    else if (seen.has(text)) continue;
    seen.add(text);
    out.push({ kind: agreementKind(view.slice(start, end)), text, span: piece.span(start, end) });
  }
  return out;
}
