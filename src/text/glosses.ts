/**
 * Pinyin glosses: aggregator copies print a character's reading in brackets
 * after it (`大學(xué)`, `協(xié)議`, `李(lǐ)明`). The cleaned line leaves them out,
 * as it leaves out layout blanks, so every rule reads through them; a pass over
 * the finished values puts back those printed inside a value (values stay as
 * printed), while a gloss after a value's last character stays outside it (its
 * span ends at that character).
 */
import type { Document, Record } from '../schema/index.js';

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

/** Does the text print any gloss? (The pass below costs nothing when it does not.) */
export function hasGlosses(text: string): boolean {
  const re = /[(（][a-z]{0,6}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ1-5]/g;
  for (let m = re.exec(text); m; m = re.exec(text)) if (glossAt(text, m.index) > 0) return true;
  return false;
}

/**
 * `value` as printed in source[s, e): the glosses between its characters put
 * back. Its characters are found in order in the stretch; those the stretch
 * does not hold (a joining line break) are kept as they are.
 */
export function withGlosses(source: string, s: number, e: number, value: string): string {
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
function withGlossesBefore(source: string, e: number, value: string): string {
  let out = '';
  let j = e - 1;
  const floor = Math.max(0, e - value.length * 8 - 8);
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
function glossed(source: string, v: string, [s, e]: [number, number]): string {
  return withGlosses(source, s, e, v);
}

/** Puts back the glosses printed inside the masthead's and the sections' values (when the source prints any: hasGlosses). */
export function restoreHeadGlosses(doc: Document, source: string): void {
  const re = (v: string, span: [number, number]) => glossed(source, v, span);
  const b = doc.briefing;
  if (b.title && b.spans.title) b.title = re(b.title, b.spans.title);
  if (b.publisher && b.spans.publisher) b.publisher = re(b.publisher, b.spans.publisher);
  for (const s of doc.sections) s.heading = re(s.heading, s.span);
}

/** Puts back the glosses printed inside every value of one record. */
export function restoreRecordGlosses(r: Record, source: string): void {
  if (r.title && r.titleSpan) r.title = glossed(source, r.title, r.titleSpan);
  r.text = glossed(source, r.text, r.span);
  for (const d of r.dates) d.text = glossed(source, d.text, d.span);
  if (r.date) r.date.text = glossed(source, r.date.text, r.date.span);
  for (const p of r.parties) p.name = glossed(source, p.name, p.span);
  for (const p of r.people) {
    if (p.title) p.title = withGlossesBefore(source, p.span[0], p.title);
    p.name = glossed(source, p.name, p.span);
  }
  for (const a of r.agreements) a.text = glossed(source, a.text, a.span);
  for (const i of r.institutions) i.name = glossed(source, i.name, i.span);
}
