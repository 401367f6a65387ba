/**
 * Scores extractions against gold files, as docs/GOLD.md defines: records
 * matched by anchor; per matched record dates, people, parties, agreements
 * compared as sets; fields of an unmatched gold record count as missed.
 * Institutions (optional in SCHEMA and gold) are scored as a set too, over the
 * records whose gold lists them; GOLD.md does not score them, so they are reported apart.
 */
import type { Document, Record } from '../schema/index.js';
import { squeeze } from '../text/normalize.js';
import type { GoldFile, GoldRecord } from './gold.js';

export interface Prf {
  p: number;
  r: number;
  f: number;
  tp: number;
  np: number;
  ng: number;
}
export interface Acc {
  acc: number;
  ok: number;
  n: number;
}
export interface Scores {
  records: Prf;
  people: Prf;
  parties: Prf;
  partiesLenient: Prf;
  agreements: Prf;
  dates: Prf;
  institutions: Prf;
  date: Acc;
  personTitle: Acc;
  /** Not in GOLD.md's scoring: for each gold party found by name, whether its type is the gold's. */
  partyType: Acc;
  section: Acc;
  title: Acc;
  masthead: Acc;
}

/** One difference between extraction and gold, for --verbose. */
export interface Difference {
  file: string;
  record: number | null;
  field: string;
  kind: 'missed' | 'extra' | 'wrong';
  expected?: string | undefined;
  got?: string | undefined;
  /** Source offset of the predicted line in question (an extra record's start, a wrong title's): `--verbose` names its kind. */
  at?: number | undefined;
}

class Counter {
  tp = 0;
  np = 0;
  ng = 0;
  prf(): Prf {
    const p = this.np === 0 ? (this.ng === 0 ? 1 : 0) : this.tp / this.np;
    const r = this.ng === 0 ? (this.np === 0 ? 1 : 0) : this.tp / this.ng;
    return { p: round(p), r: round(r), f: round(p + r === 0 ? 0 : (2 * p * r) / (p + r)), tp: this.tp, np: this.np, ng: this.ng };
  }
}
class Tally {
  ok = 0;
  n = 0;
  add(good: boolean) {
    this.n++;
    if (good) this.ok++;
  }
  acc(): Acc {
    return { acc: round(this.n === 0 ? 1 : this.ok / this.n), ok: this.ok, n: this.n };
  }
}
const round = (x: number) => Math.round(x * 10000) / 10000;

type Same = (a: string, b: string) => boolean;
const strictly: Same = (a, b) => a === b;
const leniently: Same = (a, b) => a.includes(b) || b.includes(a);

/** One-to-one matching of two name lists; returns matched pairs and leftovers. */
function pair(pred: string[], gold: string[], same: Same): { pairs: Array<[number, number]>; extra: number[]; missed: number[] } {
  const used = new Set<number>();
  const pairs: Array<[number, number]> = [];
  const missed: number[] = [];
  // Exact matches first, so a lenient match never steals an exact partner.
  const order = gold.map((_, g) => g);
  const taken = new Map<number, number>();
  for (const g of order) {
    const p = pred.findIndex((x, k) => !used.has(k) && x === gold[g]);
    if (p !== -1) {
      used.add(p);
      taken.set(g, p);
    }
  }
  for (const g of order) {
    if (taken.has(g)) continue;
    const p = pred.findIndex((x, k) => !used.has(k) && same(x, gold[g]!));
    if (p !== -1) {
      used.add(p);
      taken.set(g, p);
    }
  }
  for (const g of order) {
    const p = taken.get(g);
    if (p === undefined) missed.push(g);
    else pairs.push([p, g]);
  }
  const extra = pred.map((_, k) => k).filter((k) => !used.has(k));
  return { pairs, extra, missed };
}

function setCompare(counter: Counter, pred: string[], gold: string[], same: Same, diff: (kind: 'missed' | 'extra', v: string) => void) {
  const p = [...new Set(pred)];
  const g = [...new Set(gold)];
  const { pairs, extra, missed } = pair(p, g, same);
  counter.tp += pairs.length;
  counter.np += p.length;
  counter.ng += g.length;
  for (const k of extra) diff('extra', p[k]!);
  for (const k of missed) diff('missed', g[k]!);
}

export function scoreDocuments(pairs: Array<{ gold: GoldFile; doc: Document }>): { scores: Scores; differences: Difference[] } {
  const c = {
    records: new Counter(),
    people: new Counter(),
    parties: new Counter(),
    partiesLenient: new Counter(),
    agreements: new Counter(),
    dates: new Counter(),
    institutions: new Counter(),
  };
  const t = { date: new Tally(), personTitle: new Tally(), partyType: new Tally(), section: new Tally(), title: new Tally(), masthead: new Tally() };
  const differences: Difference[] = [];

  for (const { gold, doc } of pairs) {
    const file = gold.file;
    const note = (d: Omit<Difference, 'file'>) => differences.push({ file, ...d });
    scoreMasthead(gold, doc, t.masthead, note);
    const used = new Set<number>();
    c.records.np += doc.records.length;
    c.records.ng += gold.records.length;
    for (const g of gold.records) {
      const anchor = squeeze(g.anchor);
      const k = doc.records.findIndex((r, i) => !used.has(i) && squeeze(r.text).startsWith(anchor));
      const r = k === -1 ? null : doc.records[k]!;
      if (k !== -1) {
        used.add(k);
        c.records.tp++;
      } else {
        note({ record: g.index, field: 'record', kind: 'missed', expected: g.anchor });
      }
      scoreRecord(g, r, c, t, (d) => note({ record: g.index, ...d }));
    }
    doc.records.forEach((r, i) => {
      if (!used.has(i)) note({ record: null, field: 'record', kind: 'extra', got: `#${r.index} ${squeeze(r.text).slice(0, 16)}`, at: r.span[0] });
    });
  }
  return {
    scores: {
      records: c.records.prf(),
      people: c.people.prf(),
      parties: c.parties.prf(),
      partiesLenient: c.partiesLenient.prf(),
      agreements: c.agreements.prf(),
      dates: c.dates.prf(),
      institutions: c.institutions.prf(),
      date: t.date.acc(),
      personTitle: t.personTitle.acc(),
      partyType: t.partyType.acc(),
      section: t.section.acc(),
      title: t.title.acc(),
      masthead: t.masthead.acc(),
    },
    differences,
  };
}

/**
 * Per document (GOLD.md, last paragraph; how the issues measure): records are
 * matched by anchor as above, but people, parties, agreements and dates are
 * compared as sets over the whole document (the union over its records), so
 * that splitting or merging records does not count twice against the
 * entities; `date`, `title` and `section` are those of the first record of
 * each; the masthead counts once per document, right when every field is.
 */
export function scoreDocumentsPerDoc(pairs: Array<{ gold: GoldFile; doc: Document }>): { scores: Scores; differences: Difference[] } {
  const c = {
    records: new Counter(),
    people: new Counter(),
    parties: new Counter(),
    partiesLenient: new Counter(),
    agreements: new Counter(),
    dates: new Counter(),
    institutions: new Counter(),
  };
  const t = { date: new Tally(), personTitle: new Tally(), partyType: new Tally(), section: new Tally(), title: new Tally(), masthead: new Tally() };
  const differences: Difference[] = [];
  for (const { gold, doc } of pairs) {
    const note = (d: Omit<Difference, 'file'>) => differences.push({ file: gold.file, ...d });
    const fields = new Tally();
    scoreMasthead(gold, doc, fields, note);
    t.masthead.add(fields.ok === fields.n);
    const used = new Set<number>();
    c.records.np += doc.records.length;
    c.records.ng += gold.records.length;
    for (const g of gold.records) {
      const anchor = squeeze(g.anchor);
      const k = doc.records.findIndex((r, i) => !used.has(i) && squeeze(r.text).startsWith(anchor));
      if (k !== -1) {
        used.add(k);
        c.records.tp++;
      } else note({ record: g.index, field: 'record', kind: 'missed', expected: g.anchor });
    }
    doc.records.forEach((r, i) => {
      if (!used.has(i)) note({ record: null, field: 'record', kind: 'extra', got: `#${r.index} ${squeeze(r.text).slice(0, 16)}`, at: r.span[0] });
    });
    // The first record of each: its date, title and section.
    const g0 = gold.records[0];
    const r0 = doc.records[0];
    if (g0) {
      const merged: GoldRecord = { ...g0, people: [], parties: [], agreements: [], dates: [], institutions: undefined };
      scoreRecord(merged, r0 ? { ...r0, people: [], parties: [], agreements: [], dates: [], institutions: [] } : null, { people: new Counter(), parties: new Counter(), partiesLenient: new Counter(), agreements: new Counter(), dates: new Counter(), institutions: new Counter() }, { date: t.date, personTitle: new Tally(), partyType: new Tally(), section: t.section, title: t.title }, (d) => note({ record: g0.index, ...d }));
    }
    // Entities over the whole document: the first mention of each name gives its title or type.
    const firstBy = <T>(items: T[], key: (x: T) => string) => {
      const m = new Map<string, T>();
      for (const x of items) if (!m.has(key(x))) m.set(key(x), x);
      return m;
    };
    const diff = (field: string) => (kind: 'missed' | 'extra', v: string) => note({ record: null, field, kind, ...(kind === 'missed' ? { expected: v } : { got: v }) });
    const gPeople = firstBy(gold.records.flatMap((r) => r.people), (p) => squeeze(p.name));
    const pPeople = firstBy(doc.records.flatMap((r) => r.people), (p) => squeeze(p.name));
    setCompare(c.people, [...pPeople.keys()], [...gPeople.keys()], strictly, diff('people'));
    for (const [name, gp] of gPeople) {
      const p = pPeople.get(name);
      if (!p) continue;
      const ok = (p.title === null ? null : squeeze(p.title)) === (gp.title === null ? null : squeeze(gp.title));
      t.personTitle.add(ok);
      if (!ok) note({ record: null, field: 'personTitle', kind: 'wrong', expected: `${gp.title ?? 'null'} ${gp.name}`, got: `${p.title ?? 'null'} ${p.name}` });
    }
    const gParties = firstBy(gold.records.flatMap((r) => r.parties), (p) => squeeze(p.name));
    const pParties = firstBy(doc.records.flatMap((r) => r.parties), (p) => squeeze(p.name));
    const predNames = [...pParties.keys()];
    const goldNames = [...gParties.keys()];
    setCompare(c.parties, predNames, goldNames, strictly, diff('parties'));
    setCompare(c.partiesLenient, predNames, goldNames, leniently, () => {});
    const { pairs: matched } = pair(predNames, goldNames, leniently);
    for (const [pk, gk] of matched) {
      const gp = gParties.get(goldNames[gk]!)!;
      const pp = pParties.get(predNames[pk]!)!;
      t.partyType.add(pp.type === gp.type);
      if (pp.type !== gp.type) note({ record: null, field: 'partyType', kind: 'wrong', expected: `${gp.name} ${gp.type}`, got: `${pp.name} ${pp.type}` });
    }
    setCompare(c.agreements, doc.records.flatMap((r) => r.agreements.map((a) => a.kind)), gold.records.flatMap((r) => r.agreements.map((a) => a.kind)), strictly, diff('agreements'));
    setCompare(c.dates, doc.records.flatMap((r) => r.dates.map((d) => `${d.start}/${d.end}`)), gold.records.flatMap((r) => r.dates.map((d) => `${d.start}/${d.end}`)), strictly, diff('dates'));
    if (gold.records.some((r) => r.institutions)) {
      setCompare(c.institutions, doc.records.flatMap((r) => r.institutions.map((i) => squeeze(i.name))), gold.records.flatMap((r) => (r.institutions ?? []).map(squeeze)), strictly, diff('institutions'));
    }
  }
  return {
    scores: {
      records: c.records.prf(),
      people: c.people.prf(),
      parties: c.parties.prf(),
      partiesLenient: c.partiesLenient.prf(),
      agreements: c.agreements.prf(),
      dates: c.dates.prf(),
      institutions: c.institutions.prf(),
      date: t.date.acc(),
      personTitle: t.personTitle.acc(),
      partyType: t.partyType.acc(),
      section: t.section.acc(),
      title: t.title.acc(),
      masthead: t.masthead.acc(),
    },
    differences,
  };
}

type Note = (d: Omit<Difference, 'file' | 'record'>) => void;

function scoreRecord(
  g: GoldRecord,
  r: Record | null,
  c: { people: Counter; parties: Counter; partiesLenient: Counter; agreements: Counter; dates: Counter; institutions: Counter },
  t: { date: Tally; personTitle: Tally; partyType: Tally; section: Tally; title: Tally },
  note: Note,
) {
  const show = (d: { start: string; end: string } | null | undefined) => (d ? `${d.start}/${d.end}` : 'null');
  const dateOk = r !== null && (g.date === null ? r.date === null : r.date !== null && r.date.start === g.date.start && r.date.end === g.date.end);
  t.date.add(dateOk);
  if (r && !dateOk) note({ field: 'date', kind: 'wrong', expected: show(g.date), got: show(r.date) });
  const sectionOk = r !== null && r.section === g.section;
  t.section.add(sectionOk);
  if (r && !sectionOk) note({ field: 'section', kind: 'wrong', expected: g.section, got: r.section });
  const titleOk = r !== null && (g.title === null ? r.title === null : r.title !== null && squeeze(r.title) === squeeze(g.title));
  t.title.add(titleOk);
  if (r && !titleOk) note({ field: 'title', kind: 'wrong', expected: g.title ?? 'null', got: r.title ?? 'null', at: r.titleSpan?.[0] ?? r.span[0] });

  const predPeople = r ? r.people : [];
  const names = predPeople.map((p) => squeeze(p.name));
  const goldNames = g.people.map((p) => squeeze(p.name));
  const diff = (field: string) => (kind: 'missed' | 'extra', v: string) => note({ field, kind, ...(kind === 'missed' ? { expected: v } : { got: v }) });
  setCompare(c.people, names, goldNames, strictly, diff('people'));
  for (const gp of g.people) {
    const p = predPeople.find((x) => squeeze(x.name) === squeeze(gp.name));
    if (!p) continue;
    const ok = (p.title === null ? null : squeeze(p.title)) === (gp.title === null ? null : squeeze(gp.title));
    t.personTitle.add(ok);
    if (!ok) note({ field: 'personTitle', kind: 'wrong', expected: `${gp.title ?? 'null'} ${gp.name}`, got: `${p.title ?? 'null'} ${p.name}` });
  }
  const parties = r ? r.parties.map((p) => squeeze(p.name)) : [];
  const goldParties = g.parties.map((p) => squeeze(p.name));
  setCompare(c.parties, parties, goldParties, strictly, diff('parties'));
  for (const gp of g.parties) {
    const p = r?.parties.find((x) => squeeze(x.name) === squeeze(gp.name));
    if (!p) continue;
    t.partyType.add(p.type === gp.type);
    if (p.type !== gp.type) note({ field: 'partyType', kind: 'wrong', expected: `${gp.name} ${gp.type}`, got: `${p.name} ${p.type}` });
  }
  setCompare(c.partiesLenient, parties, goldParties, leniently, () => {});
  setCompare(c.agreements, r ? r.agreements.map((a) => a.kind) : [], g.agreements.map((a) => a.kind), strictly, diff('agreements'));
  setCompare(c.dates, r ? r.dates.map((d) => `${d.start}/${d.end}`) : [], g.dates.map((d) => `${d.start}/${d.end}`), strictly, diff('dates'));
  if (g.institutions) {
    setCompare(c.institutions, r ? r.institutions.map((i) => squeeze(i.name)) : [], g.institutions.map(squeeze), strictly, diff('institutions'));
  }
}

function scoreMasthead(gold: GoldFile, doc: Document, tally: Tally, note: (d: Omit<Difference, 'file'>) => void) {
  const g = gold.briefing;
  const m = doc.briefing;
  const eq = (a: string | null, b: string | null) => (a === null ? null : squeeze(a)) === (b === null ? null : squeeze(b));
  const fields: Array<[string, boolean, string, string]> = [
    ['title', eq(m.title, g.title), String(g.title), String(m.title)],
    [
      'issue',
      g.issue === null
        ? m.issue === null
        : m.issue !== null && eq(m.issue.text, g.issue.text) && m.issue.year === g.issue.year && m.issue.number === g.issue.number && m.issue.total === g.issue.total,
      JSON.stringify(g.issue),
      JSON.stringify(m.issue && { text: m.issue.text, year: m.issue.year, number: m.issue.number, total: m.issue.total }),
    ],
    ['publisher', eq(m.publisher, g.publisher), String(g.publisher), String(m.publisher)],
    ['date', m.date === g.date, String(g.date), String(m.date)],
    ['recipients.to', JSON.stringify(m.recipients.to.map(squeeze)) === JSON.stringify(g.recipients.to.map(squeeze)), g.recipients.to.join('、'), m.recipients.to.join('、')],
    ['recipients.cc', JSON.stringify(m.recipients.cc.map(squeeze)) === JSON.stringify(g.recipients.cc.map(squeeze)), g.recipients.cc.join('、'), m.recipients.cc.join('、')],
  ];
  for (const [field, ok, expected, got] of fields) {
    tally.add(ok);
    if (!ok) note({ record: null, field: `masthead.${field}`, kind: 'wrong', expected, got });
  }
}

/** Per rule (the `via` of each value): how many of its values gold confirms and how many it does not. */
export interface RuleTally {
  field: 'people' | 'parties';
  via: string;
  right: number;
  wrong: number;
  /** Parties only: right when one name contains the other (GOLD.md's lenient match). */
  rightLenient: number;
}

/**
 * Tallies every person and party by the rule that made it: right when gold
 * has it (by name; parties also leniently), wrong when not. Per record, or per
 * document (`perDoc`: the union of each document's records, first mention).
 * Gold values nobody found are counted under the rule "(missed)".
 */
export function scoreByRule(pairs: Array<{ gold: GoldFile; doc: Document }>, perDoc: boolean): RuleTally[] {
  const tallies = new Map<string, RuleTally>();
  const tally = (field: RuleTally['field'], via: string) => {
    const key = `${field}\u0000${via}`;
    let t = tallies.get(key);
    if (!t) tallies.set(key, (t = { field, via, right: 0, wrong: 0, rightLenient: 0 }));
    return t;
  };
  const unit = (field: RuleTally['field'], pred: Array<{ name: string; via?: string }>, gold: Array<{ name: string }>) => {
    const seen = new Set<string>();
    const p = pred.filter((x) => !seen.has(squeeze(x.name)) && seen.add(squeeze(x.name)));
    const g = [...new Set(gold.map((x) => squeeze(x.name)))];
    const names = p.map((x) => squeeze(x.name));
    const strict = pair(names, g, strictly);
    const lenient = field === 'parties' ? pair(names, g, leniently) : strict;
    const strictHit = new Set(strict.pairs.map(([k]) => k));
    const lenientHit = new Set(lenient.pairs.map(([k]) => k));
    p.forEach((x, k) => {
      const t = tally(field, x.via ?? '(none)');
      if (strictHit.has(k)) t.right++;
      else t.wrong++;
      if (lenientHit.has(k)) t.rightLenient++;
    });
    const m = tally(field, '(missed)');
    m.wrong += strict.missed.length;
  };
  for (const { gold, doc } of pairs) {
    if (perDoc) {
      unit('people', doc.records.flatMap((r) => r.people), gold.records.flatMap((r) => r.people));
      unit('parties', doc.records.flatMap((r) => r.parties), gold.records.flatMap((r) => r.parties));
      continue;
    }
    const used = new Set<number>();
    for (const g of gold.records) {
      const anchor = squeeze(g.anchor);
      const k = doc.records.findIndex((r, i) => !used.has(i) && squeeze(r.text).startsWith(anchor));
      if (k !== -1) used.add(k);
      const r = k === -1 ? null : doc.records[k]!;
      unit('people', r?.people ?? [], g.people);
      unit('parties', r?.parties ?? [], g.parties);
    }
    doc.records.forEach((r, i) => {
      if (used.has(i)) return;
      unit('people', r.people, []);
      unit('parties', r.parties, []);
    });
  }
  return [...tallies.values()].sort((a, b) => a.field.localeCompare(b.field) || b.right + b.wrong - (a.right + a.wrong));
}
