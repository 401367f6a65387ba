/** `briefing eval`: run the extraction on each gold file's source and score it. */
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import chalk from 'chalk';
import { explainLines, extractBriefing, lineAt, type LineInfo } from '../core.js';
import type { Document } from '../schema/index.js';
import { GoldFile } from '../eval/gold.js';
import { scoreByRule, scoreDocuments, scoreDocumentsPerDoc, type Prf, type RuleTally, type Scores } from '../eval/score.js';
import { describeFsError } from './fsutil.js';
import { UsageError, type Io } from './io.js';

export async function runEval(goldPaths: string[], flags: { corpus?: string; json?: boolean; verbose?: boolean; doc?: boolean; byRule?: boolean }, io: Io): Promise<number> {
  const pairs: Array<{ gold: GoldFile; doc: Document }> = [];
  const sources = new Map<string, Buffer>();
  for (const path of goldPaths) {
    let gold: GoldFile;
    try {
      gold = GoldFile.parse(JSON.parse(await readFile(path, 'utf8')));
    } catch (e) {
      throw new UsageError(`${path}: not a gold file: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    }
    const candidates = [join(dirname(path), gold.file), ...(flags.corpus ? [join(flags.corpus, gold.file), join(flags.corpus, basename(gold.file))] : [])];
    let bytes: Buffer | null = null;
    for (const c of flags.corpus ? candidates.reverse() : candidates) {
      bytes = await readFile(c).catch(() => null);
      if (bytes) break;
    }
    if (!bytes) throw new UsageError(`${path}: source ${gold.file} not found (${describeFsError({ code: 'ENOENT' })}; use --corpus DIR)`);
    pairs.push({ gold, doc: extractBriefing(bytes, { file: gold.file }) });
    if (flags.verbose) sources.set(gold.file, bytes);
  }
  const { scores, differences } = flags.doc ? scoreDocumentsPerDoc(pairs) : scoreDocuments(pairs);
  const rules = flags.byRule ? scoreByRule(pairs, flags.doc ?? false) : null;
  if (flags.json) {
    io.stdout.write(JSON.stringify({ ...scores, ...(rules ? { byRule: rules } : {}), ...(flags.verbose ? { differences } : {}) }, null, 2) + '\n');
    return 0;
  }
  io.stdout.write(renderScores(scores, flags.doc ?? false));
  if (rules) io.stdout.write('\n' + renderRules(rules));
  if (flags.verbose) {
    io.stdout.write('\n');
    const explained = new Map<string, LineInfo[]>();
    for (const d of differences) {
      const where = `${d.file}${d.record === null ? '' : ` #${d.record}`}`;
      const what = d.kind === 'wrong' ? `expected ${d.expected}, got ${d.got}` : d.kind === 'missed' ? `missed ${d.expected}` : `extra ${d.got}`;
      // A wrongly kept record or title: the kind its line was given, and by which classifier.
      let why = '';
      const bytes = sources.get(d.file);
      if (d.at !== undefined && bytes) {
        if (!explained.has(d.file)) explained.set(d.file, explainLines(bytes));
        const line = lineAt(explained.get(d.file)!, d.at);
        if (line) why = `  [line ${line.line}: ${line.kind} by ${line.by}]`;
      }
      io.stdout.write(`${where}  ${d.field}  ${what}${why}\n`);
    }
  }
  return 0;
}

export function renderRules(rules: RuleTally[]): string {
  const lines = ['field    rule                     right  wrong  precision  right (lenient)'];
  for (const r of rules) {
    const n = r.right + r.wrong;
    const precision = r.via === '(missed)' ? '      —' : `${((n ? r.right / n : 0) * 100).toFixed(1).padStart(7)}`;
    const lenient = r.field === 'parties' && r.via !== '(missed)' ? String(r.rightLenient).padStart(8) : '';
    lines.push(`${r.field.padEnd(8)} ${r.via.padEnd(24)} ${String(r.right).padStart(5)}  ${String(r.wrong).padStart(5)}    ${precision}  ${lenient}`);
  }
  lines.push('', '(missed): gold values no rule found');
  return lines.join('\n') + '\n';
}

export function renderScores(s: Scores, perDoc = false): string {
  const pct = (x: number) => (x * 100).toFixed(1).padStart(6);
  const color = (x: number) => (x >= 0.95 ? chalk.green : x >= 0.85 ? chalk.yellow : chalk.red)(pct(x));
  const lines = ['measure            P       R       F     tp    np    ng'];
  const row = (k: string, v: Prf) =>
    `${k.padEnd(15)} ${pct(v.p)}  ${pct(v.r)}  ${color(v.f)}  ${String(v.tp).padStart(5)} ${String(v.np).padStart(5)} ${String(v.ng).padStart(5)}`;
  for (const k of ['records', 'people', 'parties', 'partiesLenient', 'agreements', 'dates'] as const) lines.push(row(k, s[k]));
  // Institutions are optional in SCHEMA and unscored in GOLD.md: shown apart, where gold lists them.
  if (s.institutions.ng > 0 || s.institutions.np > 0) lines.push(row('institutions*', s.institutions));
  lines.push('', 'measure          accuracy     ok     n');
  for (const k of ['date', 'personTitle', 'section', 'title', 'masthead', 'partyType'] as const) {
    const v = s[k];
    const name = k === 'partyType' ? 'partyType*' : k;
    lines.push(`${name.padEnd(15)}   ${color(v.acc)}  ${String(v.ok).padStart(5)} ${String(v.n).padStart(5)}`);
  }
  lines.push('', perDoc
    ? "per document: entities as sets over each document; date, title and section of its first record; masthead right when every field is. * not in GOLD.md's scoring: institutions; the type of each gold party found (lenient)"
    : "* not in GOLD.md's scoring: institutions (optional in SCHEMA) over the records whose gold lists them; the type of each gold party found by name");
  return lines.join('\n') + '\n';
}
