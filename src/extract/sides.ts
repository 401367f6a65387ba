/**
 * One party per side: passes over the sides the role rules found in a record.
 *
 *   same name              printed twice, listed once (first mention)
 *   legal form             `南港集团` / `南港集团有限公司` / `南港公司`
 *   place                  `宜宾` / `宜宾市` / `宜宾市委` / `宜宾市人民政府`: one side, under the
 *                          fullest form printed in a side's role (an actor's role before an
 *                          agreement's name or someone's office)
 *   short form             `川大` → `四川大学`, `西电` → `西安电子科技大学`, `浸会大学` → `香港浸会大学`:
 *                          a name the record prints in full (anywhere: a unit's name, a title)
 *   self-reference         `我校`/`学校`/`我院`/`学院`: the side the record names in full where
 *                          both stand with the same partner (`我校与睢宁县…` and `徐州工程学院与睢宁县…`),
 *                          or the briefing's own university; several self-references of one
 *                          kind are one side, named as first printed
 */
import type { Party, PartyType, Span } from '../schema/index.js';

/** An organization's name printed in the record: folded key, as printed, and where. */
export interface PrintedName {
  key: string;
  text: string;
  span: Span;
}
import { fold } from '../text/normalize.js';
import { aliasTarget } from '../lexicon/user.js';
import { sortBy } from '../text/order.js';
import { keepShape } from '../text/shapes.js';

/** A side as a role rule found it, before the passes. */
export interface SideDraft extends Party {
  /** View index of the mention (first printed first). */
  at: number;
  /** Sides found by one application of a rule (one list, one visit) share a group. */
  group: number;
  /** An unknown short name (`西电`): kept only where the record prints what it stands for. (Always set: one shape for every draft.) */
  short: boolean;
}

/**
 * A draft with some of its fields changed, its fields written in the order
 * findParties writes them. A spread (`{ ...d, at }`) gave each changed copy a
 * shape of its own, and canonicalSides, which reads every draft, was compiled
 * again for each shape it met (six times over a thousand files).
 */
function redraft(d: SideDraft, c: { name?: string; type?: PartyType; span?: Span; at?: number }): SideDraft {
  return { name: c.name ?? d.name, type: c.type ?? d.type, span: c.span ?? d.span, via: d.via, at: c.at ?? d.at, group: d.group, short: d.short };
}

export interface SideContext {
  /** The briefing's own university (masthead), or null. */
  home: string | null;
  /** Every organization name the record prints, anywhere (full names a short form may stand for): folded key and as printed; made when first asked for. */
  printed: { all(): readonly PrintedName[] };
}

/** A name as the rules compare it: folded to simplified characters, blanks removed. */
const KEYS = new Map<string, string>();
/** A name's folded key, blanks out (memoised: the same names are keyed again and again). */
export const nameKey = (name: string): string => {
  let k = KEYS.get(name);
  if (k === undefined) {
    if (KEYS.size > 4096) KEYS.clear();
    k = fold(name).replace(/\s/g, '');
    KEYS.set(name, k);
  }
  return k;
};

/** Rules whose sides act in the text, over those that only print a name (an agreement's, an office's). */
const ROLE_RANK: { [via: string]: number } = { 'agreement-name': 1, meeting: 1 };
const roleRank = (via: string) => ROLE_RANK[via] ?? 2;
/** The strongest role any of a side's mentions plays. */
const strongestRole = (s: { drafts: SideDraft[] }) => Math.max(...s.drafts.map((d) => roleRank(d.via)));

const SELF_SCHOOL = new Set(['我校', '本校', '学校']);
const SELF_COLLEGE = new Set(['我院', '本院', '学院']);
export const SELF_ALL = new Set([...SELF_SCHOOL, ...SELF_COLLEGE]);
const SELF_OPENING = /^(?:我校|本校|我院|本院|该校|该院)/;

/** Legal forms: `南港集团`, `南港集团有限公司` and `南港公司` name one side. */
const LEGAL_FORM = /(?:集团股份有限公司|集团有限公司|股份有限公司|有限责任公司|股份公司|有限公司|集团公司|集团|公司)$/;
/** A place heading a firm's name (`临沂市鲁南制药` is 鲁南制药). */
const PLACE_HEAD = /^[\u4e00-\u9fff]{2,4}?[省市县区]/;
export const legalCore = (key: string) => {
  let c = key.replace(LEGAL_FORM, '');
  const head = PLACE_HEAD.exec(c);
  if (head && c.length - head[0].length >= 2 && /(?:药业|制药|科技|实业|控股|能源|电子|集团|公司)/.test(key)) c = c.slice(head[0].length);
  return c.length >= 2 && c !== key ? c : null;
};

/** `宜宾市人民政府` → 宜宾; the form's rank: bare place 0, with its level 1, its government 2. */
const GOVERNMENT_FORM = /(?:人民政府|政府|市委市政府|委员会|党委|委)$/;
const LEVEL = /[省市县区州盟旗镇乡]$/;
export function placeOf(key: string): { place: string; rank: number } | null {
  let k = key;
  let rank = 0;
  const gov = GOVERNMENT_FORM.exec(k);
  if (gov && LEVEL.test(k.slice(0, gov.index))) {
    k = k.slice(0, gov.index);
    // `北湖区人民政府` names the side in full; `北湖区委` is its party committee, not a fuller name of it.
    rank = gov[0] === '人民政府' ? 3 : gov[0] === '政府' ? 2 : 1;
  }
  if (LEVEL.test(k) && k.length >= 3) {
    k = k.slice(0, -1);
    rank = Math.max(rank, 1);
    // `岚县`, `沛县`: a one-character place keeps its level (`岚县人民政府` and `岚县` are one side).
  } else if (rank >= 1 && !(LEVEL.test(k) && k.length === 2)) return null;
  if (k.length < 2 || k.length > 8 || !/^[\u4e00-\u9fff]+$/.test(k)) return null;
  return { place: k, rank };
}

/**
 * Does `short` stand for `full`: its characters in `full` in order, the last
 * one opening the ending (`川大` ~ 四川大学, `城大` ~ 香港城市大学, `西电` ~ 西安电子科技大学)?
 */
/** Short endings and the endings they stand for: `湖北工业职院` for 湖北工业职业技术学院. */
const SHORT_ENDINGS: Array<[string, RegExp]> = [
  ['职院', /职业(?:技术)?学院$/],
  ['师院', /师范学院$/],
  ['职大', /职业(?:技术)?大学$/],
];

/**
 * Does `short` stand for `full`: its characters in `full` in order, the last
 * one opening the ending (`川大` ~ 四川大学, `城大` ~ 香港城市大学, `西电` ~ 西安电子科技大学,
 * `湖北工业职院` ~ 湖北工业职业技术学院)?
 */
export function abbreviates(short: string, full: string): boolean {
  for (const [s, f] of SHORT_ENDINGS) if (short.endsWith(s)) return f.test(full) && full.replace(f, '') === short.slice(0, -s.length);
  if (short.length < 2 || short.length > 4 || full.length < short.length + 2) return false;
  // A name with an ending of its own (`上海大学`) is a full name, not a short one (of 上海交通大学).
  if (/(?:大学|学院|公司|集团|政府|[省市县区局厅部处院所])$/.test(short) || !/^[\u4e00-\u9fff]+$/.test(short)) return false;
  if (short.endsWith('大') && !full.endsWith('大学')) return false;
  let at = 0;
  for (const c of short) {
    at = full.indexOf(c, at);
    if (at === -1) return false;
    at++;
  }
  // The first character within the first few of the full name (a place may open it: 香港城市大学).
  return full.indexOf(short[0]!) <= 2;
}

interface Side {
  drafts: SideDraft[];
  name: SideDraft;
  /** The groups of its drafts, each once (most sides have one or two: a list, not a Set for each side of each record). */
  groups: number[];
  /** The same groups as a Set, once there are more than FEW_GROUPS (a side named in every clause of a long record), else null. */
  groupSet: Set<number> | null;
  /** nameKey of `keyFor`, the name the side had when last asked (see sideKey). */
  key: string;
  keyFor: string;
}

const FEW_GROUPS = 8;

function hasGroup(s: Side, g: number): boolean {
  return s.groupSet !== null ? s.groupSet.has(g) : s.groups.includes(g);
}

function addGroup(s: Side, g: number): void {
  if (hasGroup(s, g)) return;
  s.groups.push(g);
  if (s.groupSet !== null) s.groupSet.add(g);
  else if (s.groups.length > FEW_GROUPS) s.groupSet = new Set(s.groups);
}

/** nameKey of a side's name, kept on the side: the rules ask it of every pair of sides, and a side's name changes seldom. */
function sideKey(s: Side): string {
  if (s.keyFor !== s.name.name) {
    s.keyFor = s.name.name;
    s.key = nameKey(s.keyFor);
  }
  return s.key;
}

/**
 * The sides of one record as canonicalSides merges them, by name key: methods
 * of a class, not closures made afresh for every record (see ItemReader in
 * layout/structure.ts).
 */
class SideSet {
  readonly sides: Side[] = [];
  readonly byKey = new Map<string, Side>();

  /** `from` becomes part of `into`. */
  join(into: Side, from: Side): void {
    if (into === from) return;
    for (const d of from.drafts) into.drafts.push(d);
    for (const g of from.groups) addGroup(into, g);
    for (const [k, s] of this.byKey) if (s === from) this.byKey.set(k, into);
    this.sides.splice(this.sides.indexOf(from), 1);
  }

  /** Legal forms and places: one side under its fullest form printed in the strongest role. */
  merge(keyOf: (key: string) => { k: string; rank: number } | null): void {
    // One side merges with nothing.
    if (this.sides.length < 2) return;
    if (this.sides.length <= FEW_SIDES && !sharesKey(this.sides, keyOf)) return;
    const groups = new Map<string, Side[]>();
    for (const s of this.sides) {
      const p = keyOf(sideKey(s));
      if (!p) continue;
      const list = groups.get(p.k) ?? [];
      list.push(s);
      groups.set(p.k, list);
    }
    for (const list of groups.values()) {
      if (list.length < 2) continue;
      // The strongest role, then the fullest form; between equals, the first printed.
      let best = list.reduce((a, b) => (a.name.at <= b.name.at ? a : b));
      for (const s of list) if (mergeScore(s, keyOf) > mergeScore(best, keyOf)) best = s;
      const first = list.reduce((a, b) => (a.name.at <= b.name.at ? a : b));
      for (const s of list) if (s !== best) this.join(best, s);
      // The side keeps the place of its first mention.
      best.name = redraft(best.name, { at: first.name.at });
    }
  }

  /** The sides that share a group (a signing, a clause) with `x`. */
  partners(x: Side): Set<Side> {
    return new Set(this.sides.filter((o) => o !== x && o.groups.some((g) => hasGroup(x, g))));
  }
}

/** Up to this many sides, merge looks for two with one key pair by pair before it builds its table (most records have two or three). */
const FEW_SIDES = 8;
const FEW_KEYS: Array<string | undefined> = new Array(FEW_SIDES);

/** Do two of the (at most FEW_SIDES) sides have the same merge key? */
function sharesKey(sides: readonly Side[], keyOf: (key: string) => { k: string; rank: number } | null): boolean {
  let n = 0;
  for (const s of sides) {
    const k = keyOf(sideKey(s))?.k;
    if (k === undefined) continue;
    for (let j = 0; j < n; j++) if (FEW_KEYS[j] === k) return true;
    FEW_KEYS[n++] = k;
  }
  return false;
}

function mergeScore(s: Side, keyOf: (key: string) => { k: string; rank: number } | null): number {
  return strongestRole(s) * 100 + (keyOf(sideKey(s))?.rank ?? 0);
}

/** A university side (a college, for a college's self-reference) that a self-reference `s` may stand for. */
function fitsSelf(o: Side, s: Side, college: boolean): boolean {
  const k = sideKey(o);
  return o !== s && !SELF_ALL.has(k) && o.name.type === 'university' && (college ? k.endsWith('学院') : /(?:大学|学院)$/.test(k));
}

/** A side only an agreement's name (or an office) prints. */
function weakSide(x: Side): boolean {
  return x.drafts.every((d) => roleRank(d.via) < 2);
}

/** Merge keys: a firm's name less its legal form, ranked by length (see SideSet.merge). */
const LEGAL_KEY = (key: string): { k: string; rank: number } => {
  const c = legalCore(key);
  return c ? { k: c, rank: key.length } : { k: key, rank: 0 };
};
/** Merge keys: a place less its level and government, ranked by the form (see placeOf). */
const PLACE_KEY = (key: string): { k: string; rank: number } | null => {
  const p = placeOf(key);
  return p ? { k: p.place, rank: p.rank } : null;
};

/** `县政府`, `市委`: a government named by its level alone. */
const LEVEL_GOVERNMENT = /^([省市县区])(?:人民政府|政府|委)$/;

export function canonicalSides(drafts: SideDraft[], ctx: SideContext): Party[] {
  // Most records name no side.
  if (drafts.length === 0) return [];
  const set = new SideSet();
  const { sides, byKey } = set;
  for (const d of sortBy([...drafts], (x) => x.at)) {
    const key = nameKey(d.name);
    const had = byKey.get(key);
    if (had) {
      had.drafts.push(d);
      addGroup(had, d.group);
      continue;
    }
    const side: Side = { drafts: [d], name: d, groups: [d.group], groupSet: null, key, keyFor: d.name };
    sides.push(side);
    byKey.set(key, side);
  }

  // Legal forms and places: one side under its fullest form printed in the strongest role.
  set.merge(LEGAL_KEY);
  // `县政府`, `市委` with no place: the one side of that level the record names (`西岭县委、县政府`).
  for (const s of [...sides]) {
    const m = LEVEL_GOVERNMENT.exec(sideKey(s));
    if (!m) continue;
    const same = sides.filter((o) => o !== s && o.name.type === 'government' && (placeOf(sideKey(o))?.rank ?? -1) >= 0 && new RegExp(`^[\\u4e00-\\u9fff]{2,}${m[1]}`).test(sideKey(o)));
    if (same.length === 1) {
      set.join(same[0]!, s);
      continue;
    }
    // `市政府与清华大学签约 … 福州与清华大学`: with no side of that level, the one bare place (no level
    // printed) among the government sides is that place; the side keeps the name of its strongest role, then the first printed.
    const others = sides.filter((o) => o !== s && o.name.type === 'government');
    const bare = others.filter((o) => {
      const k = sideKey(o);
      const p = placeOf(k);
      return p !== null && p.rank === 0 && p.place === k;
    });
    if (same.length === 0 && bare.length === 1 && others.length === 1) {
      const place = bare[0]!;
      const keep = strongestRole(s) > strongestRole(place) || (strongestRole(s) === strongestRole(place) && s.name.at <= place.name.at) ? s : place;
      set.join(keep, keep === s ? place : s);
    }
  }
  set.merge(PLACE_KEY);

  // Short forms: the full name the record prints (as a side, or anywhere).
  for (const s of [...sides]) {
    const key = sideKey(s);
    if (SELF_ALL.has(key)) continue;
    const longer = sides.find((o) => o !== s && sideKey(o).length > key.length && (abbreviates(key, sideKey(o)) || suffixOf(key, sideKey(o), o.name.type, s.name.type)));
    if (longer) {
      set.join(longer, s);
      longer.name = redraft(longer.name, { at: Math.min(longer.name.at, s.name.at) });
      continue;
    }
    // Only a short form stands for a name printed elsewhere (`宜宾` is a place, not short for 宜宾市委).
    // A user's alias (`山大` → `山东大学`) stands for its full name wherever the record prints that.
    const alias = aliasTarget(key);
    const isShort = alias !== undefined || s.drafts.some((d) => d.short) || key.endsWith('大') || SHORT_ENDINGS.some(([e]) => key.endsWith(e));
    const full = alias !== undefined ? ctx.printed.all().find((p) => p.key === nameKey(alias)) : isShort ? ctx.printed.all().find((p) => p.key.length > key.length && abbreviates(key, p.key)) : undefined;
    if (full) s.name = redraft(s.name, { name: full.text, span: full.span, type: /(?:大学|学院)$/.test(full.key) ? 'university' : s.name.type });
    else if (alias === undefined && s.drafts.every((d) => d.short)) {
      // An unknown short name that stands for nothing the record prints is no side.
      sides.splice(sides.indexOf(s), 1);
    }
  }

  // Self-references.
  const selves = sides.filter((s) => SELF_ALL.has(sideKey(s)));
  for (const s of selves) {
    if (!sides.includes(s)) continue;
    const key = sideKey(s);
    const college = SELF_COLLEGE.has(key);
    // The briefing's own university, printed as a side.
    const home = ctx.home && !college ? sides.find((o) => fitsSelf(o, s, college) && sideKey(o) === ctx.home) : undefined;
    // A side named in full that stands with the same partner.
    const mine = set.partners(s);
    const byPartner = sides.find((o) => fitsSelf(o, s, college) && !mine.has(o) && [...set.partners(o)].some((p) => mine.has(p)));
    // Else the one side of its kind that is not its partner (`学院与企业…` where the record's school is 信息工程学院).
    const candidates = sides.filter((o) => fitsSelf(o, s, college) && !mine.has(o));
    const same = home ?? byPartner ?? (candidates.length === 1 ? candidates[0] : undefined);
    if (same) {
      set.join(same, s);
      same.name = redraft(same.name, { at: Math.min(same.name.at, s.name.at) });
    } else if (ctx.home && !college && SELF_SCHOOL.has(key)) {
      // `我校` where the item prints the briefing's own university elsewhere (a person's title, a name it contains): named by it.
      const printed = ctx.printed.all().find((p) => p.key === ctx.home);
      if (printed) s.name = redraft(s.name, { name: printed.text, span: printed.span, type: 'university' });
    } else if (college && key !== '学院') {
      // `我院` where the item prints one college's name and no side carries it (`某院长带领管理工程学院…一行`): named by it.
      // Not one that opens with a self-reference itself (`我院某某学院` is a unit of the speaker's own), nor a list.
      const partnerKeys = new Set([...mine].map((o) => sideKey(o)));
      const colleges = new Map<string, PrintedName>();
      for (const p of ctx.printed.all()) {
        if (!p.key.endsWith('学院') || SELF_ALL.has(p.key) || SELF_OPENING.test(p.key) || /[与和及、]/.test(p.key) || partnerKeys.has(p.key)) continue;
        if (!colleges.has(p.key)) colleges.set(p.key, p);
      }
      const only = colleges.size === 1 ? [...colleges.values()][0]! : undefined;
      if (only) s.name = redraft(s.name, { name: only.text, span: only.span, type: 'university' });
    }
  }
  // A side only an agreement's name (or an office) prints, of the same type as a side that acts
  // with the same partner, is that side under another name (`山东大学—泰康…协议` where 经济学院 signs).
  for (const s of [...sides]) {
    if (!sides.includes(s) || !weakSide(s)) continue;
    const mine = set.partners(s);
    const actor = sides.find((o) => o !== s && !weakSide(o) && o.name.type === s.name.type && !mine.has(o) && [...set.partners(o)].some((p) => mine.has(p)));
    if (actor) set.join(actor, s);
  }
  // Several self-references of one kind are one side (`我校` in the headline, `学校` in the body).
  for (const kind of [SELF_SCHOOL, SELF_COLLEGE]) {
    const list = sides.filter((s) => kind.has(sideKey(s)));
    for (const s of list.slice(1)) set.join(list[0]!, s);
  }

  return sortBy(sides, (s) => s.name.at).map((s) => ({ name: s.name.name, type: s.name.type, span: s.name.span, via: s.name.via }));
}

/** `浸会大学` for `香港浸会大学`: a name another ends with, of the same type, the rest a place or a name. */
function suffixOf(short: string, full: string, fullType: PartyType, shortType: PartyType): boolean {
  return fullType === shortType && short.length >= 4 && full.endsWith(short) && full.length - short.length <= 6;
}

// A record's sides live only as long as the record: see shapes.ts.
keepShape(new SideSet());
