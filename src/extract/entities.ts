/** People, parties, agreements and institutions of one record. */
import type { Agreement, Institution, Party, Person, Warning } from '../schema/index.js';
import { fold } from '../text/normalize.js';
import { PieceBuilder, type Piece } from '../text/piece.js';
import { findAgreements } from './agreements.js';
import { findInstitutions } from './institutions.js';
import { findParties } from './parties.js';
import { findPersonMentions, type PersonMention } from './people.js';

export interface Entities {
  people: Person[];
  parties: Party[];
  agreements: Agreement[];
  institutions: Institution[];
}

/**
 * A record's title and body as one text, the title first, a line break between:
 * every rule stops at a line break, and names known from the body are found
 * bare in the title too. One pass instead of two halves the fixed cost per record.
 * `bodyAt` is where the body starts in it.
 */
export function recordText(title: Piece | null, body: Piece): { piece: Piece; view: string; bodyAt: number } {
  const piece = title ? joinTitleAndBody(title, body) : body;
  return { piece, view: fold(piece.text), bodyAt: title ? title.text.length + 1 : 0 };
}

/** Entities of a record's text (see recordText): `view` is the fold of `piece.text`. */
export function extractEntities(piece: Piece, view: string, warnings: Warning[]): Entities {
  const people = findPersonMentions(view, [], warnings, piece);
  const institutions = fullestNames(dedupe(findInstitutions(piece, view), (i) => i.name));
  const founded = new Set(institutions.map((i) => fold(i.name)));
  return {
    people: mergePeople(piece, view, people),
    parties: mergeParties(findParties(piece, view, people, founded)),
    agreements: dedupe(findAgreements(piece, view), (a) => a.text.replace(/\s/g, '')),
    institutions,
  };
}

/** A name as the rules compare it: folded to simplified characters, blanks removed. */
const nameKey = (name: string) => fold(name).replace(/\s/g, '');

/** How a university's briefing names itself as a side. */
const SELF_REFERENCES = new Set(['我校', '本校', '学校', '我院', '本院']);
/** The university a masthead names first (`东岭大学地方合作工作简报` → 东岭大学). */
const LEADING_UNIVERSITY = /^(?!学校|我校|本校|该校)(?:(?![与和及同])[\u4e00-\u9fff]){2,12}?(?:大学|学院)/;

/** The briefing's own university, from its masthead title or publisher, or null. */
export function homeUniversity(title: string | null, publisher: string | null): string | null {
  for (const s of [title, publisher]) {
    const m = s ? LEADING_UNIVERSITY.exec(nameKey(s)) : null;
    if (m) return m[0];
  }
  return null;
}

/**
 * `我校` stays a party only where the full name of that side is never printed:
 * when the record also names the briefing's own university as a side, the
 * self-reference is the same side and gives way to the full name.
 */
export function preferFullName(parties: Party[], home: string | null): Party[] {
  if (!home || !parties.some((p) => nameKey(p.name) === home)) return parties;
  return parties.filter((p) => !SELF_REFERENCES.has(fold(p.name)));
}

/** `学校` and `该校` speak of the university the item is about. */
const THIRD_PERSON = new Set(['学校', '该校']);

/**
 * An item whose headline opens with a university (`东岭大学：…`, `东岭大学与…`)
 * is that university's: its `学校` is that side, named in full as the headline
 * first prints it. (Not `我校`: in a digest that is the publisher.) A headline
 * where the university comes or goes (`…大学来校…`, `…赴…`) names a visitor instead.
 */
export function nameThirdPerson(parties: Party[], piece: Piece, view: string, titleEnd: number): Party[] {
  const at = parties.findIndex((p) => THIRD_PERSON.has(fold(p.name)));
  if (at === -1 || titleEnd === 0) return parties;
  const m = LEADING_UNIVERSITY.exec(view.slice(0, titleEnd));
  if (!m || /^(?:来|到|赴|访|走进|一行|代表团)/.test(view.slice(m[0].length, m[0].length + 3))) return parties;
  const lead = m[0];
  const rest = parties.filter((p) => !THIRD_PERSON.has(fold(p.name)));
  if (rest.some((p) => nameKey(p.name) === lead)) return rest;
  const named: Party = { name: piece.text.slice(0, lead.length), type: 'university', span: piece.span(0, lead.length), via: 'headline-university' };
  return [...rest.slice(0, at), named, ...rest.slice(at)];
}

/** A headline that opens with the item's own side: `学校与…`, `我校携手…`. */
const SELF_HEADLINE = /^(?:学校|我校|本校)(?:与|和|携手|同|联合)/;
const SIDE_JOINS = ['与', '和', '、', '及', '同', '携手'];
/** The date, time or place a body may open with before its subject: `5月10日，`, `5月10日上午，`. */
const BODY_LEAD = /^[^，。；\n]{0,16}?[日时午晚]，/;

/**
 * `学校与北港银行签约` over a body that opens with `南湖大学…` (after its date) or
 * joins `南湖大学与北港银行`: the headline's self-reference is that university,
 * so it gives way to the name printed in full. A body that says `学校` again,
 * or names no university that way, says nothing.
 */
export function nameSelfFromBody(parties: Party[], view: string, bodyAt: number): Party[] {
  if (bodyAt === 0 || !SELF_HEADLINE.test(view)) return parties;
  const self = view.slice(0, 2);
  const headline = view.slice(0, bodyAt);
  // The opening of the body says who acts (and reading all of a huge one for every party would be quadratic).
  const body = view.slice(bodyAt, bodyAt + 2000);
  const keys = parties.map((p) => nameKey(p.name));
  const partners = keys.filter((k) => k !== self && headline.includes(k));
  const joined = (a: string, b: string) => SIDE_JOINS.some((j) => body.includes(a + j + b));
  const lead = BODY_LEAD.exec(body);
  const opening = LEADING_UNIVERSITY.exec(body.slice(lead ? lead[0].length : 0, 80))?.[0];
  const named = parties.some(
    (p, k) =>
      p.type === 'university' &&
      !headline.includes(keys[k]!) &&
      (keys[k] === opening || partners.some((q) => joined(keys[k]!, q) || joined(q, keys[k]!))),
  );
  return named ? parties.filter((p) => fold(p.name) !== self) : parties;
}

function joinTitleAndBody(title: Piece, body: Piece): Piece {
  const b = new PieceBuilder();
  b.appendPiece(title);
  b.appendSynthetic('\n', title.sourceEnd);
  b.appendPiece(body);
  return b.build(title.sourceStart);
}

/** One entry per name: the first mention's span, the longest title any mention has. */
function mergePeople(piece: Piece, view: string, mentions: PersonMention[]): Person[] {
  const byName = new Map<string, Person>();
  for (const m of mentions) {
    const key = view.slice(m.start, m.end);
    const existing = byName.get(key);
    if (!existing) {
      byName.set(key, { name: m.name, title: m.title, span: piece.span(m.start, m.end), via: m.via });
    } else if (m.title && (!existing.title || m.title.replace(/\s/g, '').length > existing.title.replace(/\s/g, '').length)) {
      existing.title = m.title;
    }
  }
  return [...byName.values()];
}

/**
 * Legal-form endings: `南港集团`, `南港集团有限公司` and `南港公司` name one side;
 * so do `北湖区`, `北湖区人民政府` and `北湖区委`.
 */
const LEGAL_FORM = /(?:集团股份有限公司|集团有限公司|股份有限公司|有限责任公司|股份公司|有限公司|集团|公司|人民政府|政府|(?<=[省市区县州])委)$/;
const core = (name: string) => {
  const c = name.replace(LEGAL_FORM, '');
  return c.length >= 2 ? c : name;
};

/**
 * One entry per side. A short form (`北湖区`, `市中心医院`) stays only where the
 * full name of that side (`北湖区人民政府`, `江州市中心医院`) is never printed: the
 * entry keeps the place of the first mention and takes the full name's.
 */
function mergeParties(parties: Party[]): Party[] {
  const out: Array<{ party: Party; key: string }> = [];
  // Equal names, and equal names less their legal form, are looked up; only the
  // few names that can be short forms (`山大`, `市中心医院`) are compared one by one.
  const byKey = new Map<string, number>();
  const byCore = new Map<string, number>();
  const shortOnes: number[] = [];
  for (const party of parties) {
    const key = nameKey(party.name);
    const c = core(key);
    let at = byKey.get(key) ?? byCore.get(c) ?? -1;
    if (at === -1 && mayBeShortForm(key)) at = out.findIndex((q) => sameSideByForm(party, key, q.party, q.key));
    if (at === -1) at = shortOnes.find((k) => sameSideByForm(out[k]!.party, out[k]!.key, party, key)) ?? -1;
    if (at === -1) {
      byKey.set(key, out.length);
      if (!byCore.has(c)) byCore.set(c, out.length);
      if (mayBeShortForm(key)) shortOnes.push(out.length);
      out.push({ party, key });
      continue;
    }
    const had = out[at]!.key;
    byKey.set(key, at);
    byCore.set(c, at);
    // `宜昌市夷陵区` and its party committee `宜昌市夷陵区委` are one side, but neither is the other's full name.
    if (key.length > had.length && key !== had + '委') out[at] = { party, key };
  }
  return out.map((o) => o.party);
}

/** A university's short name: a few characters and `大` (`山大`, `北航大`). */
const UNIVERSITY_SHORT = /^[\u4e00-\u9fff]{1,3}大$/;
/** A name less its place opens with the level of government (`市中心医院`). */
const LEVEL_LEAD = /^[省市县区镇]/;

/** Can this name be the short form of another (`山大`, `市中心医院`)? */
function mayBeShortForm(key: string): boolean {
  return UNIVERSITY_SHORT.test(key) || LEVEL_LEAD.test(key);
}

/** A short form and the full name it stands for, either way round. */
function sameSideByForm(a: Party, x: string, b: Party, y: string): boolean {
  if (abbreviates(x, y) || abbreviates(y, x)) return true;
  return a.type === b.type && (shortFormOf(x, y) || shortFormOf(y, x));
}

/**
 * `山大` for `山东大学`, `北航大` …: a university's short name, its first
 * character and `大`, with the characters between taken from the full name in order.
 */
function abbreviates(short: string, full: string): boolean {
  if (!UNIVERSITY_SHORT.test(short) || !full.endsWith('大学') || full[0] !== short[0] || full.length < short.length + 2) return false;
  let at = 0;
  for (const c of short.slice(0, -1)) {
    at = full.indexOf(c, at);
    if (at === -1 || at >= full.length - 2) return false;
    at++;
  }
  return true;
}

/**
 * Is `short` the name `full` less its place, opening with the level of
 * government (`市中心医院` of `江州市中心医院`, `省科技厅` of `江东省科技厅`)?
 * Other tails name other units (`管理学院` is not `公共管理学院`).
 */
function shortFormOf(short: string, full: string): boolean {
  return short.length >= 3 && LEVEL_LEAD.test(short) && full.length > short.length + 1 && full.endsWith(short);
}

/**
 * `教师发展中心` in a headline and `星海—北辰教师发展中心` in the body are one
 * institution, and so are `…实验基地` and `…实验基地（体育特色基地）`: the fuller name stays.
 */
function fullestNames(items: Institution[]): Institution[] {
  const keys = items.map((i) => nameKey(i.name));
  // Every proper ending of a name, and every name less its bracketed qualifier, looked up (not compared pair by pair).
  const shorter = new Set<string>();
  for (const key of new Set(keys)) {
    for (let k = 1; k < key.length; k++) shorter.add(key.slice(k));
    const q = /[（(][^（）()]+[）)]$/.exec(key);
    if (q && q.index > 0) shorter.add(key.slice(0, q.index));
  }
  return items.filter((_, k) => !shorter.has(keys[k]!));
}

function dedupe<T>(items: T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((t) => {
    const k = key(t);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
