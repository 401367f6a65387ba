/**
 * Label Studio tasks: one task per Document, its text as read and the
 * extraction as `predictions`, so a reviewer imports them and corrects at once
 * (`briefing gold` turns the corrected export back into gold files).
 *
 * - Regions (`labels` results) for each record, its headline and source, each
 *   date mention, person, person's title, party (its type in the label:
 *   `Party/government`), agreement (`Agreement/strategic`) and institution, and
 *   for the masthead's title, issue, publisher and date.
 * - Relations: a title to its person (`title-of`), a party to its record
 *   (`in-record`).
 * - Offsets are Unicode code points (what Label Studio stores), not the UTF-16
 *   units of a Document's spans: a character outside the BMP counts once.
 * - `data.briefing`, `data.records` and `data.values` keep what the extraction
 *   normalised (date ranges, issue numbers, anchors, sections) for each region
 *   id, so a region left as predicted goes back to gold unchanged.
 */
import type { Document } from '../schema/index.js';
import { baseYearOf } from '../core.js';
import { countBelow } from '../text/order.js';

export const PARTY_TYPES = ['university', 'government', 'enterprise', 'hospital', 'research', 'association', 'other'] as const;
export const AGREEMENT_KINDS = ['memorandum', 'strategic', 'framework', 'co-construction', 'investment', 'service', 'cooperation', 'other'] as const;

const COLOURS: { [label: string]: string } = {
  Record: '#e6e6e6',
  Headline: '#b3c7e6',
  Source: '#d9d2e9',
  Date: '#ffd966',
  Person: '#93c47d',
  Title: '#d9ead3',
  Institution: '#f4cccc',
  BriefingTitle: '#cfe2f3',
  Issue: '#cfe2f3',
  Publisher: '#cfe2f3',
  BriefingDate: '#cfe2f3',
};

/** The labeling config a project needs for these tasks (`briefing extract --label-config`). */
export function labelConfig(): string {
  const labels = [
    ...['Record', 'Headline', 'Source', 'Date', 'Person', 'Title'].map((l) => [l, COLOURS[l]!]),
    ...PARTY_TYPES.map((t) => [`Party/${t}`, '#6fa8dc']),
    ...AGREEMENT_KINDS.map((k) => [`Agreement/${k}`, '#e69138']),
    ...['Institution', 'BriefingTitle', 'Issue', 'Publisher', 'BriefingDate'].map((l) => [l, COLOURS[l]!]),
  ];
  return [
    '<View>',
    '  <Labels name="label" toName="text">',
    ...labels.map(([v, c]) => `    <Label value="${v}" background="${c}"/>`),
    '  </Labels>',
    '  <Relations>',
    '    <Relation value="title-of"/>',
    '    <Relation value="in-record"/>',
    '  </Relations>',
    '  <Text name="text" value="$text" granularity="symbol"/>',
    '</View>',
    '',
  ].join('\n');
}

/** UTF-16 offsets → code points, for one text. */
export function codePointIndex(text: string): (utf16: number) => number {
  // Surrogate pairs before each position; most texts have none, and then the index is the identity.
  const pairs: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) pairs.push(i + 1);
    }
  }
  if (pairs.length === 0) return (u) => u;
  return (u) => u - countBelow(pairs, u);
}

/**
 * Where a person's title stands: the characters of `title` read back from the
 * name, blanks and line breaks of the source skipped; null when they are not
 * there as printed (the title was joined from a list).
 */
export function titleSpan(source: string, nameStart: number, title: string): [number, number] | null {
  let i = nameStart - 1;
  let k = title.length - 1;
  const blank = (c: string) => /\s/.test(c);
  while (i >= 0 && blank(source[i]!)) i--;
  const end = i + 1;
  while (k >= 0 && i >= 0) {
    if (blank(title[k]!)) {
      k--;
      continue;
    }
    if (blank(source[i]!)) {
      i--;
      continue;
    }
    if (source[i] !== title[k]) return null;
    i--;
    k--;
  }
  return k < 0 ? [i + 1, end] : null;
}

interface LabelResult {
  id: string;
  from_name: 'label';
  to_name: 'text';
  type: 'labels';
  origin: 'prediction';
  value: { start: number; end: number; text: string; labels: string[] };
}
interface RelationResult {
  type: 'relation';
  from_id: string;
  to_id: string;
  direction: 'right';
  labels: string[];
}

export interface LabelStudioTask {
  data: {
    text: string;
    file: string;
    briefing: unknown;
    records: Array<{ region: string; index: number; anchor: string; section: string; title: string | null; source: string | null; start: number; end: number }>;
    /** The years a date without one borrows (see docs/FORMAT.md): for dates a reviewer adds or moves. */
    context: { baseYear: number | null; anchor: string | null };
    /** What the extraction made of each region: offsets (code points) and values. */
    values: { [id: string]: { start: number; end: number; [key: string]: unknown } };
  };
  predictions: Array<{ model_version: string; result: Array<LabelResult | RelationResult> }>;
}

/** One Document (and the text its spans index) → one Label Studio task. */
export function labelStudioTask(doc: Document, source: string, version: string): LabelStudioTask {
  const cp = codePointIndex(source);
  const result: Array<LabelResult | RelationResult> = [];
  const values: LabelStudioTask['data']['values'] = {};
  const region = (id: string, span: [number, number], label: string, value: { [key: string]: unknown }) => {
    const start = cp(span[0]);
    const end = cp(span[1]);
    result.push({ id, from_name: 'label', to_name: 'text', type: 'labels', origin: 'prediction', value: { start, end, text: source.slice(span[0], span[1]), labels: [label] } });
    values[id] = { start, end, ...value };
  };
  const relation = (from: string, to: string, label: string) => result.push({ type: 'relation', from_id: from, to_id: to, direction: 'right', labels: [label] });

  const b = doc.briefing;
  if (b.title && b.spans.title) region('m-title', b.spans.title, 'BriefingTitle', { text: b.title });
  if (b.issue) region('m-issue', b.issue.span, 'Issue', { text: b.issue.text, year: b.issue.year, number: b.issue.number, total: b.issue.total });
  if (b.publisher && b.spans.publisher) region('m-publisher', b.spans.publisher, 'Publisher', { text: b.publisher });
  if (b.date && b.spans.date) region('m-date', b.spans.date, 'BriefingDate', { date: b.date });

  const records: LabelStudioTask['data']['records'] = [];
  for (const r of doc.records) {
    const rid = `r${r.index}`;
    const anchor = r.text.replace(/\s/g, '').slice(0, 16);
    region(rid, r.span, 'Record', { anchor, section: r.section });
    records.push({ region: rid, index: r.index, anchor, section: r.section, title: r.title, source: r.source, start: cp(r.span[0]), end: cp(r.span[1]) });
    if (r.title && r.titleSpan) region(`${rid}-h`, r.titleSpan, 'Headline', { text: r.title });
    if (r.source) {
      const at = source.lastIndexOf(r.source, r.span[1]);
      if (at >= r.span[0]) region(`${rid}-s`, [at, at + r.source.length], 'Source', { text: r.source });
    }
    r.dates.forEach((d, k) => region(`${rid}-d${k + 1}`, d.span, 'Date', { text: d.text, dateStart: d.start, dateEnd: d.end, year: d.year }));
    r.people.forEach((p, k) => {
      const id = `${rid}-p${k + 1}`;
      region(id, p.span, 'Person', { name: p.name, title: p.title });
      const t = p.title ? titleSpan(source, p.span[0], p.title) : null;
      if (t) {
        region(`${id}-t`, t, 'Title', { text: p.title });
        relation(`${id}-t`, id, 'title-of');
      }
    });
    r.parties.forEach((p, k) => {
      const id = `${rid}-o${k + 1}`;
      region(id, p.span, `Party/${p.type}`, { name: p.name, type: p.type });
      relation(id, rid, 'in-record');
    });
    r.agreements.forEach((a, k) => region(`${rid}-a${k + 1}`, a.span, `Agreement/${a.kind}`, { text: a.text, kind: a.kind }));
    r.institutions.forEach((i, k) => region(`${rid}-i${k + 1}`, i.span, 'Institution', { name: i.name }));
  }
  const { spans: _spans, ...briefing } = doc.briefing;
  void _spans;
  return {
    data: { text: source, file: doc.file, context: { baseYear: baseYearOf(doc.briefing.issue?.year ?? null, doc.briefing.date, null), anchor: doc.briefing.date }, briefing: { ...briefing, issue: briefing.issue && { text: briefing.issue.text, year: briefing.issue.year, number: briefing.issue.number, total: briefing.issue.total } }, records, values },
    predictions: [{ model_version: `briefing ${version}`, result }],
  };
}
