/**
 * Institutions founded, co-built or unveiled: the object of 共建/成立/组建/设立,
 * or the subject of 揭牌 (`X、Y揭牌`, `为X揭牌`), ending in 研究院, 实验室,
 * 基地, 中心 …. Quoted names (`共建“…研究院”`) are taken whole.
 */
import { INSTITUTION_ENDINGS, insideCompound } from '../lexicon/agreements.js';
import type { Institution } from '../schema/index.js';
import type { Piece } from '../text/piece.js';
import { CharSet, wordIndex } from '../lexicon/wordindex.js';
import { suffixEndingAt } from './organizations.js';
import { sortBy } from '../text/order.js';

const FOUND_VERBS = /(?:共建|合作共建|联合共建|成立|组建|设立|新建|建设|揭牌|挂牌)(?:了|的)?/g;
const UNVEIL = /(?:揭牌|挂牌|成立|落成|揭牌成立)/g;
const UNVEIL_STOP_CHARS = new CharSet('，。；：！？\n暨为在');
/** `A公司与B研究院揭牌` names two; `激光与智能制造技术研究院` is one name: 与/和 part sides only after an organization. */
const AND_CHARS = new CharSet('与和');
const partsSides = (view: string, at: number) => AND_CHARS.at(view, at) && suffixEndingAt(view, at)?.strong === true;
const UNVEIL_STOP_VERBS = wordIndex(['举行', '举办', '召开', '进行', '共建']);
const ENDING_INDEX = wordIndex(INSTITUTION_ENDINGS);
const FUNCTION_OPENERS = new CharSet('是的了将在和与及把被对向为也都就');
const STOP = /[，。；：！？、\n]|签约|签署|签订|协议|仪式|合作|暨|的|在|与|和|及|由|为|举行|揭牌|成立|落地|项目|大会|会议|作为|成为|位于|是/y;

/** Clause openers and verbs before a name (`这次`, `此次`, `共建`, `正式`): not part of it. */
const LEADING_WORDS = /^(?:这次|此次|本次|该|今年|今天|近日|日前|当天|同时|此外|随后|其中|并|还|也|将|正式|共同|合作共建|联合共建|共建|成立|设立|组建|新建|举行)+/;

/** Counted or aspirational descriptions that name no one institution. */
const GENERIC_INSTITUTION = /^(?:一批|一系列|一些|多个|多家|若干|各类|各级|一流|高水平|高层次|高质量|世界一流|国际一流|国内一流)/;

function endsAsInstitution(name: string): boolean {
  const core = name.replace(/[（(][^（）()]{1,12}[）)]$/, ''); // a qualifier: `…基地（体育特色基地）`
  const e = ENDING_INDEX.endingAt(core, core.length);
  return e !== null && core.length > e.word.length;
}

/**
 * Reads from `start` to a stop (at most 40 characters): the end of the longest
 * institution name there (−1 when none) and where the reading stopped.
 */
function readName(view: string, start: number): { end: number; stop: number } {
  let best = -1;
  let stop = start;
  // A name never opens with a particle or a verb of being (`建设是学校…`).
  if (FUNCTION_OPENERS.at(view, start)) return { end: -1, stop };
  while (stop < view.length && stop - start < 40) {
    STOP.lastIndex = stop;
    // A connector inside a word (`碳中和`, `和谐`) joins nothing.
    if (STOP.test(view) && !(STOP.lastIndex === stop + 1 && insideCompound(view, stop + 1))) break;
    stop++;
    const e = ENDING_INDEX.endingWithin(view, start, stop);
    if (e !== null && stop - start > e.word.length) best = stop;
  }
  return { end: best, stop };
}

/** `ranges` (if given) receives where each institution's name stands in the view, every mention. */
export function findInstitutions(piece: Piece, view: string, ranges?: Array<[number, number]>): Institution[] {
  const found: Array<[number, number]> = [];
  // Quoted names right after a founding verb, or standing before 揭牌.
  // Straight quotes fold to ” on both sides, so a quoted name may open with either mark.
  const quoted = /[“”]([^“”\n]{2,40})”/g;
  for (let m = quoted.exec(view); m; m = quoted.exec(view)) {
    const inner = m[1]!;
    const close = m.index + m[0].length;
    // `“微生物组学大数据”产业孵化平台`: a quoted word heading a name whose ending follows the quote.
    const tail = endsAsInstitution(inner) ? close : readName(view, close).end;
    if (tail < 0) continue;
    const before = view.slice(Math.max(0, m.index - 6), m.index);
    const after = view.slice(tail, tail + 6);
    if (/(?:共建|成立|组建|设立|建设|揭牌|挂牌|授牌|共同打造)$/.test(before) || /^(?:签约|揭牌|挂牌|成立|落地)/.test(after)) {
      found.push(tail === close ? [m.index + 1, m.index + 1 + inner.length] : [m.index, tail]);
    }
  }
  // Unquoted objects of a founding verb.
  FOUND_VERBS.lastIndex = 0;
  // Where list items read so far start: a verb opening one (`共建A研究院、共建B中心、…`)
  // starts no walk of its own, or thousands of verbs would each walk the rest of the list.
  let itemStarts: Set<number> | null = null;
  for (let m = FOUND_VERBS.exec(view); m; m = FOUND_VERBS.exec(view)) {
    if (itemStarts === null) itemStarts = new Set<number>();
    else if (itemStarts.has(m.index)) continue;
    // The object, or each object of a `、` list (`共建A研究院、B实验室`).
    for (let start = m.index + m[0].length; start < view.length; itemStarts.add(start)) {
      let stop: number;
      if (view[start] === '“' || view[start] === '”') {
        // A quoted object was read above (a straight quote folds to ” on both
        // sides); step over it and any tail to see whether the list goes on.
        // Look for the closing mark nearby only: a search to the end for every verb would be quadratic.
        const near = view.slice(start + 1, start + 42).indexOf('”');
        if (near < 0) break;
        stop = readName(view, start + 1 + near + 1).stop;
      } else {
        const name = readName(view, start);
        if (name.end < 0) break;
        found.push([start, name.end]);
        stop = name.stop;
      }
      if (view[stop] !== '、') break;
      start = stop + 1;
    }
  }
  // Subjects of unveiling: `X、Y揭牌`.
  UNVEIL.lastIndex = 0;
  for (let m = UNVEIL.exec(view); m; m = UNVEIL.exec(view)) {
    // `X签约暨揭牌仪式`: X is what is signed for and unveiled.
    const joint = /(?:签约|签约仪式|合作签约)暨$/.exec(view.slice(Math.max(0, m.index - 5), m.index));
    let to = joint ? m.index - joint[0].length : m.index;
    // `…工作站正式挂牌成立`: an adverb between the name and the verb.
    if (/^(?:正式|顺利|隆重|成功)$/.test(view.slice(to - 2, to))) to -= 2;
    let s = to;
    while (s > 0 && to - s < 60 && !UNVEIL_STOP_CHARS.at(view, s - 1) && !partsSides(view, s - 1) && !UNVEIL_STOP_VERBS.endingAt(view, s)) s--;
    const segment = view.slice(s, to);
    let at = s;
    for (const part of segment.split('、')) {
      const name = part.replace(/^(?:共同|正式|举行|新)/, '');
      const offset = at + (part.length - name.length);
      if (endsAsInstitution(name) && name.length <= 40 && !/[了的是将]/.test(name)) found.push([offset, offset + name.length]);
      at += part.length + 1;
    }
  }
  // Most records found nothing.
  if (found.length === 0) return [];
  const out: Institution[] = [];
  const seen = new Set<string>();
  for (const [s0, nameEnd] of sortBy(found, (f) => f[0])) {
    // Words that open the clause, not the name: `这次某某研究院揭牌`, `共建实习实训基地`.
    const lead = LEADING_WORDS.exec(view.slice(s0, nameEnd));
    const s = s0 + (lead ? lead[0].length : 0);
    const core = view.slice(s, nameEnd);
    // A kind described, not one named: `一批高水平研究平台`, `高水平公共卫生学院`.
    if (!endsAsInstitution(core) || GENERIC_INSTITUTION.test(core)) continue;
    // A qualifier in brackets is part of the name: `…实验基地（体育特色基地）`, `…研究院（筹）`.
    const qualifier = /^[（(][^（）()，。；、\n]{1,12}[）)]/.exec(view.slice(nameEnd, nameEnd + 14));
    let e = nameEnd + (qualifier ? qualifier[0].length : 0);
    // A quote opened inside the name closes with it: `某某种植“产学研基地”`.
    const inner = view.slice(s, e);
    if (view[e] === '”' && (inner.match(/“/g)?.length ?? 0) > (inner.match(/”/g)?.length ?? 0)) e++;
    // A closing mark inside with no opening one before it: the name was read from the wrong side of a quote.
    if (/^[^“”][^“]*”/.test(view.slice(s, e))) continue;
    const name = piece.text.slice(s, e);
    ranges?.push([s, e]);
    if (seen.has(name)) continue;
    seen.add(name);
    out.push({ name, span: piece.span(s, e) });
  }
  return out;
}
