/**
 * A Label Studio export (JSON) → gold files (docs/GOLD.md), which `briefing
 * eval` reads: extract → correct → gold → eval, for a user's own archive.
 *
 * Each task's last annotation that was not cancelled is read. A region left as
 * predicted (same id, same offsets) keeps what the extraction normalised
 * (`data.values`); a region added or moved is read from its text: its value
 * with blanks removed, a date resolved again (the task's `data.context` gives
 * the year a date without one borrows), a party's type and an agreement's kind
 * from its label. Entities belong to the record whose region holds them (a
 * party also by its `in-record` relation); a person's title is the `Title`
 * region related to it by `title-of`.
 */
import { z } from 'zod';
import { findDates, resolveDates } from '../extract/dates.js';
import { fold } from '../text/normalize.js';
import { PieceBuilder } from '../text/piece.js';
import type { GoldFile, GoldRecord } from './gold.js';

const Region = z.object({
  id: z.string(),
  type: z.literal('labels'),
  value: z.object({ start: z.number().int(), end: z.number().int(), text: z.string().optional(), labels: z.array(z.string()).min(1) }),
});
const Relation = z.object({ type: z.literal('relation'), from_id: z.string(), to_id: z.string(), labels: z.array(z.string()).optional() });
const Result = z.union([Region, Relation, z.object({ type: z.string() }).passthrough()]);

const Task = z.object({
  id: z.union([z.number(), z.string()]).optional(),
  data: z.object({
    text: z.string(),
    file: z.string(),
    briefing: z.any().optional(),
    records: z.array(z.object({ region: z.string(), index: z.number(), anchor: z.string(), section: z.string(), title: z.string().nullable(), source: z.string().nullable() })).optional(),
    values: z.record(z.string(), z.object({ start: z.number(), end: z.number() }).passthrough()).optional(),
    context: z.object({ baseYear: z.number().nullable(), anchor: z.string().nullable() }).optional(),
  }),
  annotations: z.array(z.object({ result: z.array(Result), was_cancelled: z.boolean().optional() })).optional(),
});
export const LabelStudioExport = z.array(Task);
export type LabelStudioExport = z.infer<typeof LabelStudioExport>;

const squeeze = (s: string) => s.replace(/\s/g, '');

/** Code points → UTF-16 offsets, for one text. */
function utf16Index(text: string): (cp: number) => number {
  const starts: number[] = [];
  for (let i = 0; i < text.length; i++) {
    starts.push(i);
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) i++;
  }
  starts.push(text.length);
  return (cp) => starts[Math.max(0, Math.min(cp, starts.length - 1))]!;
}

interface R {
  id: string;
  label: string;
  start: number;
  end: number;
  /** Offsets as exported (code points), to compare with the prediction's. */
  cpStart: number;
  cpEnd: number;
  text: string;
}

export interface GoldFromExport {
  gold: GoldFile;
  /** The name the gold file takes (`NAME.json` for `NAME.txt`). */
  name: string;
}

/** The gold file of one annotated task, or null when it has no annotation to read. */
export function goldOfTask(task: z.infer<typeof Task>): GoldFromExport | null {
  const annotation = [...(task.annotations ?? [])].reverse().find((a) => !a.was_cancelled);
  if (!annotation) return null;
  const text = task.data.text;
  const at = utf16Index(text);
  const values = task.data.values ?? {};
  const regions: R[] = [];
  const relations: Array<{ from: string; to: string; label: string }> = [];
  for (const raw of annotation.result) {
    const r = Region.safeParse(raw);
    if (r.success) {
      const v = r.data.value;
      regions.push({ id: r.data.id, label: v.labels[0]!, start: at(v.start), end: at(v.end), cpStart: v.start, cpEnd: v.end, text: v.text ?? text.slice(at(v.start), at(v.end)) });
      continue;
    }
    const rel = Relation.safeParse(raw);
    if (rel.success) relations.push({ from: rel.data.from_id, to: rel.data.to_id, label: rel.data.labels?.[0] ?? '' });
  }
  regions.sort((a, b) => a.start - b.start || b.end - a.end);
  /** The prediction's values for a region still where it was predicted, or null. */
  const kept = (r: R) => {
    const v = values[r.id];
    return v && v.start === r.cpStart && v.end === r.cpEnd ? (v as { [k: string]: unknown }) : null;
  };
  const str = (v: { [k: string]: unknown } | null, key: string, r: R) => (v && typeof v[key] === 'string' ? (v[key] as string) : squeeze(r.text));

  // The masthead.
  const m = (task.data.briefing ?? {}) as GoldFile['briefing'];
  const find = (label: string) => regions.find((r) => r.label === label);
  const briefing: GoldFile['briefing'] = {
    title: null,
    issue: null,
    publisher: null,
    date: null,
    recipients: m.recipients ?? { to: [], cc: [] },
  };
  const titleRegion = find('BriefingTitle');
  if (titleRegion) briefing.title = str(kept(titleRegion), 'text', titleRegion);
  const issueRegion = find('Issue');
  if (issueRegion) {
    const k = kept(issueRegion);
    if (k) briefing.issue = { text: k.text as string, year: (k.year as number | null) ?? null, number: (k.number as number | null) ?? null, total: (k.total as number | null) ?? null };
    else {
      const t = squeeze(fold(issueRegion.text));
      const num = (re: RegExp) => (re.exec(t) ? Number(re.exec(t)![1]) : null);
      briefing.issue = { text: squeeze(issueRegion.text), year: num(/((?:19|20)\d{2})/), number: num(/第(\d+)期/), total: num(/总第?(\d+)期/) };
    }
  }
  const publisherRegion = find('Publisher');
  if (publisherRegion) briefing.publisher = str(kept(publisherRegion), 'text', publisherRegion);
  const dateRegion = find('BriefingDate');
  if (dateRegion) {
    const k = kept(dateRegion);
    if (k) briefing.date = k.date as string;
    else {
      const f = findDates(fold(squeeze(dateRegion.text))).find((d) => d.year !== null);
      briefing.date = f ? `${f.year}-${String(f.month).padStart(2, '0')}-${String(f.day).padStart(2, '0')}` : null;
    }
  }

  // Records, and what each holds.
  const metaRecords = new Map((task.data.records ?? []).map((r) => [r.region, r]));
  const recordRegions = regions.filter((r) => r.label === 'Record');
  const inRecord = new Map<string, string>();
  for (const rel of relations) if (rel.label === 'in-record') inRecord.set(rel.from, rel.to);
  const holder = (r: R): R | undefined => {
    const byRelation = inRecord.get(r.id);
    if (byRelation) {
      const rec = recordRegions.find((x) => x.id === byRelation);
      if (rec) return rec;
    }
    return recordRegions.find((x) => r.start >= x.start && r.start < x.end);
  };
  const ctx = task.data.context ?? { baseYear: null, anchor: null };
  const titleOf = new Map<string, R>();
  for (const rel of relations) {
    if (rel.label !== 'title-of') continue;
    const t = regions.find((x) => x.id === rel.from && x.label === 'Title');
    if (t) titleOf.set(rel.to, t);
  }

  const records: GoldRecord[] = recordRegions.map((rec, k) => {
    const own = regions.filter((r) => r !== rec && r.label !== 'Record' && holder(r) === rec);
    const meta = metaRecords.get(rec.id);
    const kr = kept(rec);
    const headline = own.find((r) => r.label === 'Headline');
    const title = headline ? str(kept(headline), 'text', headline) : null;
    const headEnd = headline ? headline.end : rec.start;
    const anchor = kr && meta ? meta.anchor : squeeze(text.slice(headEnd, rec.end)).slice(0, 16);
    const sourceRegion = own.find((r) => r.label === 'Source');
    // Dates in order, a date with no year borrowing as the extraction would.
    const carry = { year: null as number | null };
    const dates = own
      .filter((r) => r.label === 'Date')
      .map((r) => {
        const v = kept(r);
        if (v) {
          if (typeof v.dateStart === 'string' && /^\d{4}/.test(v.dateStart)) carry.year = Number(v.dateEnd ? (v.dateEnd as string).slice(0, 4) : (v.dateStart as string).slice(0, 4));
          return { start: v.dateStart as string, end: v.dateEnd as string, text: v.text as string, year: v.year as string, at: r.start };
        }
        const t = squeeze(r.text);
        const b = new PieceBuilder();
        b.appendSource(t, 0, t.length);
        const [d] = resolveDates(b.build(), findDates(fold(t)), ctx, carry);
        return d ? { start: d.start, end: d.end, text: t, year: d.year, at: r.start } : null;
      })
      .filter((d): d is NonNullable<typeof d> => d !== null);
    const firstBody = dates.find((d) => d.at >= headEnd) ?? dates[0];
    const people = new Map<string, string | null>();
    for (const p of own.filter((r) => r.label === 'Person')) {
      const v = kept(p);
      const name = str(v, 'name', p);
      const t = titleOf.get(p.id);
      // Its title: the Title region related to it; a title the prediction could not place as a region stays.
      const placed = values[`${p.id}-t`] !== undefined;
      const title = t ? str(kept(t), 'text', t) : v && !placed && typeof v.title === 'string' ? (v.title as string) : null;
      const had = people.get(name);
      if (!people.has(name) || (title && (had === null || title.length > (had?.length ?? 0)))) people.set(name, title ?? had ?? null);
    }
    const parties = own.filter((r) => r.label.startsWith('Party/')).map((r) => ({ name: str(kept(r), 'name', r), type: r.label.slice('Party/'.length) }));
    const seen = new Set<string>();
    return {
      index: k + 1,
      anchor,
      section: meta?.section ?? 'news',
      title,
      date: firstBody ? { start: firstBody.start, end: firstBody.end, year: firstBody.year } : null,
      dates: dates.map((d) => ({ start: d.start, end: d.end, text: d.text })),
      people: [...people].map(([name, title]) => ({ name, title })),
      parties: parties.filter((p) => (seen.has(p.name) ? false : (seen.add(p.name), true))),
      agreements: own.filter((r) => r.label.startsWith('Agreement/')).map((r) => ({ kind: r.label.slice('Agreement/'.length), text: str(kept(r), 'text', r) })),
      institutions: own.filter((r) => r.label === 'Institution').map((r) => str(kept(r), 'name', r)),
      source: sourceRegion ? str(kept(sourceRegion), 'text', sourceRegion) : null,
    };
  });
  const base = task.data.file.split('/').pop() ?? 'task';
  return { gold: { file: task.data.file, briefing, records }, name: base.replace(/\.(?:txt|text)$/i, '') + '.json' };
}
