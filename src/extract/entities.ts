/** People, parties, agreements and institutions of one record. */
import type { Agreement, Institution, Party, Person, Warning } from '../schema/index.js';
import { fold } from '../text/normalize.js';
import { PieceBuilder, type Piece } from '../text/piece.js';
import { findAgreements } from './agreements.js';
import { findInstitutions } from './institutions.js';
import { findParties } from './parties.js';
import { canonicalSides, nameKey } from './sides.js';
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
export function recordText(titleParts: readonly Piece[], body: Piece): { piece: Piece; view: string; bodyAt: number; breaks: number[] } {
  if (titleParts.length === 0) return { piece: body, view: fold(body.text), bodyAt: 0, breaks: [] };
  // Title lines are joined as printed (a name may wrap across them); where they meet is kept, a soft boundary.
  const b = new PieceBuilder();
  const breaks: number[] = [];
  titleParts.forEach((part, k) => {
    if (k > 0) breaks.push(b.size);
    b.appendPiece(part);
  });
  const last = titleParts[titleParts.length - 1]!;
  b.appendSynthetic('\n', last.sourceEnd);
  const bodyAt = b.size;
  b.appendPiece(body);
  const piece = b.build(titleParts[0]!.sourceStart);
  return { piece, view: fold(piece.text), bodyAt, breaks };
}

/** The founded names of a record that founds nothing (most records). */
const NO_NAMES: ReadonlySet<string> = new Set();

/** Entities of a record's text (see recordText): `view` is the fold of `piece.text`; `home` the briefing's own university. */
export function extractEntities(piece: Piece, view: string, warnings: Warning[], home: string | null = null, breaks: number[] = []): Entities {
  const people = findPersonMentions(view, [], warnings, piece);
  const institutionSpans: Array<[number, number]> = [];
  const institutions = fullestNames(dedupe(findInstitutions(piece, view, institutionSpans), (i) => i.name));
  const founded = institutions.length === 0 ? NO_NAMES : new Set(institutions.map((i) => fold(i.name)));
  const agreementSpans: Array<[number, number]> = [];
  const agreements = dedupe(findAgreements(piece, view, agreementSpans), (a) => a.text.replace(/\s/g, ''));
  const { drafts, printed } = findParties(piece, view, people, founded, { agreementSpans, institutionSpans, breaks });
  return {
    people: mergePeople(piece, view, people),
    parties: canonicalSides(drafts, { home, printed }),
    agreements,
    institutions,
  };
}

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

/** One entry per name: the first mention's span, the longest title any mention has. */
function mergePeople(piece: Piece, view: string, mentions: PersonMention[]): Person[] {
  if (mentions.length === 0) return [];
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
 * `教师发展中心` in a headline and `星海—北辰教师发展中心` in the body are one
 * institution, and so are `…实验基地` and `…实验基地（体育特色基地）`: the fuller name stays.
 */
function fullestNames(items: Institution[]): Institution[] {
  // One name has no fuller one beside it (most records found none).
  if (items.length < 2) return items;
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
  if (items.length < 2) return items;
  const seen = new Set<string>();
  return items.filter((t) => {
    const k = key(t);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
