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

/** How a university's briefing names itself as a side. */
const SELF_REFERENCES = new Set(['我校', '本校', '学校', '我院', '本院']);
/** The university a masthead names first (`东岭大学地方合作工作简报` → 东岭大学). */
const LEADING_UNIVERSITY = /^(?!学校|我校|本校|该校)(?:(?![与和及同])[\u4e00-\u9fff]){2,12}?(?:大学|学院)/;

/** The briefing's own university, from its masthead title or publisher, or null. */
export function homeUniversity(title: string | null, publisher: string | null): string | null {
  for (const s of [title, publisher]) {
    const m = s ? LEADING_UNIVERSITY.exec(fold(s).replace(/\s/g, '')) : null;
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
  if (!home || !parties.some((p) => fold(p.name).replace(/\s/g, '') === home)) return parties;
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
  if (rest.some((p) => fold(p.name).replace(/\s/g, '') === lead)) return rest;
  const named: Party = { name: piece.text.slice(0, lead.length), type: 'university', span: piece.span(0, lead.length) };
  return [...rest.slice(0, at), named, ...rest.slice(at)];
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
      byName.set(key, { name: m.name, title: m.title, span: piece.span(m.start, m.end) });
    } else if (m.title && (!existing.title || m.title.replace(/\s/g, '').length > existing.title.replace(/\s/g, '').length)) {
      existing.title = m.title;
    }
  }
  return [...byName.values()];
}

/** Legal-form endings: `南港集团`, `南港集团有限公司` and `南港公司` name one side; so do `北湖区` and `北湖区人民政府`. */
const LEGAL_FORM = /(?:集团股份有限公司|集团有限公司|股份有限公司|有限责任公司|股份公司|有限公司|集团|公司|人民政府|政府)$/;
const core = (name: string) => {
  const c = name.replace(LEGAL_FORM, '');
  return c.length >= 2 ? c : name;
};

/** One entry per side, named as first printed. */
function mergeParties(parties: Party[]): Party[] {
  const out: Party[] = [];
  for (const p of parties) {
    const key = fold(p.name);
    const same = out.some((q) => {
      const k = fold(q.name);
      return k === key || core(k) === core(key);
    });
    if (!same) out.push(p);
  }
  return out;
}

/** `教师发展中心` in a headline and `星海—北辰教师发展中心` in the body are one institution: the fuller name stays. */
function fullestNames(items: Institution[]): Institution[] {
  const keys = items.map((i) => fold(i.name).replace(/\s/g, ''));
  return items.filter((_, k) => !keys.some((other, j) => j !== k && other.length > keys[k]!.length && other.endsWith(keys[k]!)));
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
