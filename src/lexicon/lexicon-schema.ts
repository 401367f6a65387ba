/**
 * The user lexicon's schema (`--lexicon FILE`): the type, the validator and,
 * through zod, clear errors that name the key at fault. Loaded only when a
 * lexicon is given, so a plain run never loads zod.
 */
import { z } from 'zod';
import { PartyType, SectionKind } from '../schema/index.js';
import type { UserLexicon as Lexicon } from './user.js';

const Word = z.string().trim().min(1, 'an empty word').max(40, 'a word of more than 40 characters');

export const UserLexicon = z
  .object({
    aliases: z.record(Word, Word).optional().describe('short name or alias → full name'),
    // A unit is a word, or a word with its type: a bare word is read as one of type `other`.
    units: z.array(z.preprocess((v) => (typeof v === 'string' ? { word: v } : v), z.object({ word: Word, type: PartyType.default('other'), strong: z.boolean().optional() }).strict())).optional(),
    sections: z.record(Word, SectionKind).optional(),
    agreements: z.array(Word).optional(),
  })
  .strict();

/** A lexicon file's text (JSON or YAML) → a checked lexicon, or a LexiconError naming the key at fault. */
export async function parseLexicon(text: string, name: string): Promise<Lexicon> {
  let data: unknown;
  const trimmed = text.replace(/^\ufeff/, '').trim();
  try {
    if (trimmed.startsWith('{')) data = JSON.parse(trimmed);
    else {
      const yaml = (await import('yaml')) as unknown as { parse?: (t: string) => unknown; default?: { parse: (t: string) => unknown } };
      data = (yaml.parse ?? yaml.default!.parse)(trimmed);
    }
  } catch (e) {
    throw new LexiconError(`${name}: not JSON or YAML (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`);
  }
  const r = UserLexicon.safeParse(data ?? {});
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const where = issue.path.length ? issue.path.join('.') : 'the top level';
    throw new LexiconError(`${name}: ${where}: ${issue.message}`);
  }
  return r.data;
}

export class LexiconError extends Error {}
