/**
 * Pinyin glosses: aggregator copies print a character's reading in brackets
 * after it (`大學(xué)`, `協(xié)議`, `李(lǐ)明`). The cleaned line leaves them out,
 * as it leaves out layout blanks, so every rule reads through them; a pass over
 * the finished values puts back those printed inside a value (values stay as
 * printed), while a gloss after a value's last character stays outside it (its
 * span ends at that character).
 */
import type { Document, Record } from '../schema/index.js';
import { countBelow } from './order.js';
import { keepShape } from './shapes.js';

const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ';
/** A syllable with a tone mark (`xué`), or with a tone digit (`xue2`). */
const SYLLABLE = new RegExp(`^(?:[a-z]{0,5}[${TONED}][a-z]{0,4}|[a-z]{1,6}[1-5])$`);

const isHan = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);

/** Length of a gloss starting at `at` (a bracket right after a Han character), or 0. */
export function glossAt(text: string, at: number): number {
  const open = text.charCodeAt(at);
  if ((open !== 0x28 && open !== 0xff08) || at === 0 || !isHan(text.charCodeAt(at - 1))) return 0;
  let k = at + 1;
  while (k < text.length && k - at <= 12) {
    const c = text.charCodeAt(k);
    if (c === 0x29 || c === 0xff09) break;
    k++;
  }
  if (k >= text.length || k - at > 12) return 0;
  const inner = text.slice(at + 1, k);
  return SYLLABLE.test(inner) ? k + 1 - at : 0;
}

/**
 * Where a text's glosses start, ascending: made once for a document that
 * prints any (glossesOf), so that a value whose stretch holds none is left as
 * it is without reading it again.
 */
export class Glosses {
  constructor(
    readonly source: string,
    private readonly starts: readonly number[],
  ) {}

  /** Does a gloss start in source[from, to)? */
  within(from: number, to: number): boolean {
    const k = countBelow(this.starts, from);
    return k < this.starts.length && this.starts[k]! < to;
  }
}

/** The glosses a text prints, or null when it prints none (the pass below then costs nothing). */
export function glossesOf(text: string): Glosses | null {
  const re = /[(（][a-z]{0,6}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ1-5]/g;
  const starts: number[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) if (glossAt(text, m.index) > 0) starts.push(m.index);
  return starts.length > 0 ? new Glosses(text, starts) : null;
}

/**
 * `value` as printed in source[s, e): the glosses between its characters put
 * back. Its characters are found in order in the stretch; those the stretch
 * does not hold (a joining line break) are kept as they are.
 */
export function withGlosses(glosses: Glosses, s: number, e: number, value: string): string {
  // Only a gloss inside the stretch is put back: with none, the value is as printed already (most values of a glossed text).
  if (!glosses.within(s, e)) return value;
  const source = glosses.source;
  let out = '';
  let j = s;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    let k = j;
    let inserted = '';
    while (k < e && source[k] !== ch) {
      const g = out.length > 0 ? glossAt(source, k) : 0;
      if (g > 0) {
        inserted += source.slice(k, k + g);
        k += g;
      } else k++;
    }
    if (k < e) {
      out += inserted + ch;
      j = k + 1;
    } else out += ch;
  }
  return out;
}

/** The same, read backwards from `e` (a person's title, printed right before the name's span). */
function withGlossesBefore(glosses: Glosses, e: number, value: string): string {
  const floor = Math.max(0, e - value.length * 8 - 8);
  // A gloss is put back only from the stretch read (it starts after floor, at e at the latest).
  if (!glosses.within(floor + 1, e + 1)) return value;
  const source = glosses.source;
  let out = '';
  let j = e - 1;
  for (let i = value.length - 1; i >= 0; i--) {
    const ch = value[i]!;
    let k = j;
    while (k >= floor && source[k] !== ch) k--;
    if (k < floor) {
      out = ch + out;
      continue;
    }
    // A gloss right after this character and before the one already placed goes back in.
    const g = out.length > 0 ? glossAt(source, k + 1) : 0;
    out = ch + (g > 0 && k + 1 + g <= j + 1 ? source.slice(k + 1, k + 1 + g) : '') + out;
    j = k - 1;
  }
  return out;
}

/** withGlosses of a value and its span (a module function, not a closure per record: see ItemReader in layout/structure.ts). */
function glossed(glosses: Glosses, v: string, [s, e]: [number, number]): string {
  return withGlosses(glosses, s, e, v);
}

/** Puts back the glosses printed inside the masthead's and the sections' values (when the source prints any: glossesOf). */
export function restoreHeadGlosses(doc: Document, glosses: Glosses): void {
  const re = (v: string, span: [number, number]) => glossed(glosses, v, span);
  const b = doc.briefing;
  if (b.title && b.spans.title) b.title = re(b.title, b.spans.title);
  if (b.publisher && b.spans.publisher) b.publisher = re(b.publisher, b.spans.publisher);
  for (const s of doc.sections) s.heading = re(s.heading, s.span);
}

/** Puts back the glosses printed inside every value of one record. */
export function restoreRecordGlosses(r: Record, glosses: Glosses): void {
  if (r.title && r.titleSpan) r.title = glossed(glosses, r.title, r.titleSpan);
  r.text = glossed(glosses, r.text, r.span);
  for (const d of r.dates) d.text = glossed(glosses, d.text, d.span);
  if (r.date) r.date.text = glossed(glosses, r.date.text, r.date.span);
  for (const p of r.parties) p.name = glossed(glosses, p.name, p.span);
  for (const p of r.people) {
    if (p.title) p.title = withGlossesBefore(glosses, p.span[0], p.title);
    p.name = glossed(glosses, p.name, p.span);
  }
  for (const a of r.agreements) a.text = glossed(glosses, a.text, a.span);
  for (const i of r.institutions) i.name = glossed(glosses, i.name, i.span);
}

// A document's gloss table lives only as long as the document: see shapes.ts.
keepShape(new Glosses('', []));
