/**
 * The archive's summary (`briefing summarize`): Documents go in one at a time
 * and are dropped; what stays is the register — one entry per side and per
 * person seen — and a few counters. So memory grows with the number of
 * distinct sides and people, not with the number of files or records.
 *
 * One side, one entry, across the archive: names are keyed in simplified
 * script (the fold), self-references (`我校`, `学校`) go to the home university
 * of their briefing (the one its masthead names), a user's aliases (`山大` →
 * `山东大学`) to their full name, legal-form variants (`南港集团`,
 * `南港集团有限公司`) and a place's forms (`柳岸市`, `柳岸市人民政府`) to one
 * key, and a short form left unresolved (`川大`) to the one full name it
 * abbreviates. The canonical name is the fullest form printed, in simplified
 * script; the others are its aliases.
 */
import type { AgreementKind, Document, PartyType } from '../schema/index.js';
import { recordEdges } from '../format/csv.js';
import { homeUniversity } from '../extract/entities.js';
import { abbreviates, legalCore, placeOf, SELF_ALL } from '../extract/sides.js';
import { aliasTarget } from '../lexicon/user.js';
import { fold } from '../text/normalize.js';

export interface RegisterEntry {
  canonical: string;
  aliases: string[];
  type: PartyType;
  records: number;
  /** Records in which it stands opposite the hub (a partner, not the home side). */
  asPartner: number;
  files: number;
  first: string | null;
  last: string | null;
  agreementKinds: AgreementKind[];
}

export interface PersonEntry {
  name: string;
  title: string | null;
  records: number;
}

export interface Summary {
  files: number;
  records: number;
  register: RegisterEntry[];
  /** Edges (record × partner) per year and partner type; `year` is `unknown` where the record's year is. */
  byYearAndType: Array<{ year: string; type: PartyType; count: number }>;
  agreementsByYear: Array<{ year: string; kind: AgreementKind; count: number }>;
  topPartners: Array<{ name: string; type: PartyType; records: number }>;
  topPeople: PersonEntry[];
  /** The partner network: canonical sides and how many records join each pair. */
  network: { nodes: Array<{ name: string; type: PartyType; records: number }>; links: Array<{ source: string; target: string; records: number }> };
}

interface Side {
  key: string;
  forms: Map<string, number>;
  types: Map<PartyType, number>;
  records: number;
  asPartner: number;
  lastPartnerRecord: string;
  files: number;
  first: string | null;
  last: string | null;
  kinds: Set<AgreementKind>;
  lastRecord: string;
  lastFile: string;
}

const TOP = 20;
const squeeze = (s: string) => s.replace(/\s/g, '');

/** The key one side is filed under, whatever its spelling. */
function sideKey(name: string, home: string | null, type: PartyType = 'government'): { key: string; rank: number } {
  let k = squeeze(fold(name));
  if (SELF_ALL.has(k) && home) k = home;
  const alias = aliasTarget(k);
  if (alias) k = squeeze(fold(alias));
  const place = type === 'government' ? placeOf(k) : null;
  // A place's forms are one side at one level: 西川市, 西川市委, 西川市人民政府 — not 西川县.
  if (place) return { key: `place:${place.place}${/[省市县区州盟旗镇乡]/.test(k[place.place.length] ?? '') ? k[place.place.length] : ''}`, rank: place.rank };
  const core = legalCore(k);
  return { key: core ? `org:${core}` : `org:${k}`, rank: k.length };
}

export class ArchiveSummary {
  private files = 0;
  private records = 0;
  private readonly sides = new Map<string, Side>();
  private readonly people = new Map<string, PersonEntry & { lastRecord: string }>();
  private readonly byYearType = new Map<string, number>();
  private readonly agreements = new Map<string, number>();
  private readonly links = new Map<string, number>();

  /** Folds one Document in; nothing of it is kept but counts and names. */
  add(doc: Document): void {
    this.files++;
    const home = homeUniversity(doc.briefing.title, doc.briefing.publisher);
    for (const r of doc.records) {
      this.records++;
      const rid = `${doc.file}\u0000${r.index}`;
      const year = r.date && r.date.year !== 'unknown' ? r.date.start.slice(0, 4) : 'unknown';
      const date = r.date && r.date.year !== 'unknown' ? r.date.start : null;
      const kinds = new Set(r.agreements.map((a) => a.kind));
      for (const k of kinds) this.bump(this.agreements, `${year}\u0000${k}`);
      const keyOf = new Map<string, string>();
      for (const p of r.parties) {
        const { key } = sideKey(p.name, home, p.type);
        keyOf.set(p.name, key);
        let s = this.sides.get(key);
        if (!s) this.sides.set(key, (s = { key, forms: new Map(), types: new Map(), records: 0, asPartner: 0, lastPartnerRecord: '', files: 0, first: null, last: null, kinds: new Set(), lastRecord: '', lastFile: '' }));
        const shown = SELF_ALL.has(squeeze(fold(p.name))) && home ? home : p.name;
        s.forms.set(shown, (s.forms.get(shown) ?? 0) + 1);
        s.types.set(p.type, (s.types.get(p.type) ?? 0) + 1);
        if (s.lastRecord !== rid) {
          s.records++;
          s.lastRecord = rid;
          for (const k of kinds) s.kinds.add(k);
          if (date) {
            if (!s.first || date < s.first) s.first = date;
            if (!s.last || date > s.last) s.last = date;
          }
        }
        if (s.lastFile !== doc.file) {
          s.files++;
          s.lastFile = doc.file;
        }
      }
      const seenPairs = new Set<string>();
      for (const { source, partner } of recordEdges(r, home)) {
        this.bump(this.byYearType, `${year}\u0000${partner.type}`);
        const a = keyOf.get(source.name)!;
        const b = keyOf.get(partner.name)!;
        const ps = this.sides.get(b)!;
        if (ps.lastPartnerRecord !== rid) {
          ps.asPartner++;
          ps.lastPartnerRecord = rid;
        }
        if (a === b) continue;
        const pair = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
        if (!seenPairs.has(pair)) {
          seenPairs.add(pair);
          this.bump(this.links, pair);
        }
      }
      for (const p of r.people) {
        const key = squeeze(fold(p.name));
        let e = this.people.get(key);
        if (!e) this.people.set(key, (e = { name: p.name, title: null, records: 0, lastRecord: '' }));
        if (e.lastRecord !== rid) {
          e.records++;
          e.lastRecord = rid;
        }
        if (p.title && (!e.title || p.title.length > e.title.length)) e.title = p.title;
      }
    }
  }

  private bump(m: Map<string, number>, k: string): void {
    m.set(k, (m.get(k) ?? 0) + 1);
  }

  /** The register, counts and tops, sorted: most records first, then by name. */
  result(): Summary {
    // A short form nobody resolved (`川大`) joins the one full name it abbreviates.
    const entries = [...this.sides.values()];
    const byKey = new Map(entries.map((s) => [s.key, s]));
    for (const s of entries) {
      const name = s.key.slice(s.key.indexOf(':') + 1);
      if (name.length > 3 || !/大$/.test(name)) continue;
      const fits = entries.filter((o) => o !== s && byKey.has(o.key) && abbreviates(name, o.key.slice(o.key.indexOf(':') + 1)));
      if (fits.length !== 1) continue;
      const into = fits[0]!;
      for (const [f, n] of s.forms) into.forms.set(f, (into.forms.get(f) ?? 0) + n);
      for (const [t, n] of s.types) into.types.set(t, (into.types.get(t) ?? 0) + n);
      into.records += s.records;
      into.asPartner += s.asPartner;
      into.files += s.files;
      for (const k of s.kinds) into.kinds.add(k);
      if (s.first && (!into.first || s.first < into.first)) into.first = s.first;
      if (s.last && (!into.last || s.last > into.last)) into.last = s.last;
      byKey.delete(s.key);
      for (const [pair, n] of [...this.links]) {
        const [a, b] = pair.split('\u0000') as [string, string];
        if (a !== s.key && b !== s.key) continue;
        this.links.delete(pair);
        const x = a === s.key ? into.key : a;
        const y = b === s.key ? into.key : b;
        if (x !== y) this.bump(this.links, x < y ? `${x}\u0000${y}` : `${y}\u0000${x}`);
        void n;
      }
    }
    const canonicalOf = new Map<string, string>();
    const register: RegisterEntry[] = [...byKey.values()].map((s) => {
      // The fullest form printed (the longest in simplified script), then the most printed.
      const forms = [...s.forms].map(([f, n]) => ({ f, simple: squeeze(fold(f)), n }));
      const t = [...s.types].sort((a, b) => b[1] - a[1])[0]![0];
      forms.sort((a, b) => sideKey(b.f, null, t).rank - sideKey(a.f, null, t).rank || b.simple.length - a.simple.length || b.n - a.n || (a.simple < b.simple ? -1 : 1));
      const canonical = forms[0]!.simple;
      canonicalOf.set(s.key, canonical);
      const aliases = [...new Set(forms.map((x) => x.f))].filter((f) => f !== canonical).sort();
      const type = [...s.types].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
      return { canonical, aliases, type, records: s.records, asPartner: s.asPartner, files: s.files, first: s.first, last: s.last, agreementKinds: [...s.kinds].sort() };
    });
    register.sort((a, b) => b.records - a.records || (a.canonical < b.canonical ? -1 : 1));
    const split = (m: Map<string, number>) => [...m].map(([k, count]) => [...k.split('\u0000'), count] as [string, string, number]).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : 1));
    const typeOf = new Map(register.map((e) => [e.canonical, e.type]));
    // Partners: the sides that stand opposite a hub, by how many records they do.
    const topPartners = register
      .filter((e) => e.asPartner > 0)
      .sort((a, b) => b.asPartner - a.asPartner || (a.canonical < b.canonical ? -1 : 1))
      .slice(0, TOP)
      .map((e) => ({ name: e.canonical, type: e.type, records: e.asPartner }));
    const links = [...this.links].map(([pair, records]) => {
      const [a, b] = pair.split('\u0000') as [string, string];
      return { source: canonicalOf.get(a) ?? a, target: canonicalOf.get(b) ?? b, records };
    }).sort((x, y) => y.records - x.records || (x.source + x.target < y.source + y.target ? -1 : 1));
    const inNetwork = new Set(links.flatMap((l) => [l.source, l.target]));
    return {
      files: this.files,
      records: this.records,
      register,
      byYearAndType: split(this.byYearType).map(([year, type, count]) => ({ year, type: type as PartyType, count })),
      agreementsByYear: split(this.agreements).map(([year, kind, count]) => ({ year, kind: kind as AgreementKind, count })),
      topPartners,
      topPeople: [...this.people.values()].sort((a, b) => b.records - a.records || (a.name < b.name ? -1 : 1)).slice(0, TOP).map(({ name, title, records }) => ({ name, title, records })),
      network: { nodes: register.filter((e) => inNetwork.has(e.canonical)).map((e) => ({ name: e.canonical, type: typeOf.get(e.canonical) ?? e.type, records: e.records })), links },
    };
  }
}
