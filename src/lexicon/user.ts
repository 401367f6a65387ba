/**
 * A user's own lexicon (`--lexicon FILE`, JSON or YAML): an office's short
 * names and aliases, extra unit endings, section headings and agreement words,
 * without forking the code. The tables it extends are the process's own: each
 * module that builds an index from a word list registers here how to take the
 * user's words in (`onLexicon`), and `applyLexicon` runs them once. A second,
 * different lexicon in the same process is refused: extraction results must not
 * depend on what ran before them.
 *
 *   aliases:     { "山大": "山东大学" }   a short name the text prints → the full name it stands for
 *   units:       ["工作站", { "word": "研究基地", "type": "research" }]   endings that close an organization's name
 *   sections:    { "服务地方专栏": "university-government" }   headings (and words in them) → section kind
 *   agreements:  ["合作纪要", "框架协定书"]   endings of an agreement's name
 */
import type { PartyType, SectionKind } from '../schema/index.js';
import { fold } from '../text/normalize.js';

/** A lexicon as a file gives it (checked by lexicon-schema.ts, which the command line loads when --lexicon is given). */
export interface UserLexicon {
  aliases?: { [short: string]: string } | undefined;
  units?: Array<string | { word: string; type: PartyType; strong?: boolean | undefined }> | undefined;
  sections?: { [heading: string]: SectionKind } | undefined;
  agreements?: string[] | undefined;
}

/** The lexicon as the tables take it: units with their type (an organization of type `other` unless told). */
export interface AppliedLexicon {
  aliases: Map<string, string>;
  units: Array<{ word: string; type: PartyType; strong: boolean }>;
  sections: Array<[string, SectionKind]>;
  agreements: string[];
}

const appliers: Array<(l: AppliedLexicon) => void> = [];
let applied: string | null = null;
let current: AppliedLexicon | null = null;

/** Registers how a module takes a user lexicon in (called once, at import). */
export function onLexicon(apply: (l: AppliedLexicon) => void): void {
  appliers.push(apply);
  if (current) apply(current);
}

/** The lexicon in use, if any (the summary reads its aliases). */
export function currentLexicon(): AppliedLexicon | null {
  return current;
}

/** Takes a user lexicon into every table, once per process. */
export function applyLexicon(lexicon: UserLexicon): void {
  const key = JSON.stringify(lexicon);
  if (applied === key) return;
  if (applied !== null) throw new Error('a different lexicon is already in use in this process');
  applied = key;
  current = {
    // Words are matched on the folded view: traditional and full-width forms fold as the text does.
    aliases: new Map(Object.entries(lexicon.aliases ?? {}).map(([k, v]) => [fold(k), v])),
    units: (lexicon.units ?? []).map((u) => (typeof u === 'string' ? { word: fold(u), type: 'other' as PartyType, strong: true } : { word: fold(u.word), type: u.type, strong: u.strong ?? true })),
    sections: Object.entries(lexicon.sections ?? {}).map(([k, v]) => [fold(k), v] as [string, SectionKind]),
    agreements: (lexicon.agreements ?? []).map(fold),
  };
  for (const apply of appliers) apply(current);
}


/** The full name a user's alias stands for (`山大` → `山东大学`), by the folded short name; undefined when none. */
export function aliasTarget(key: string): string | undefined {
  return current?.aliases.get(key);
}
