/**
 * `briefing summarize DIR|GLOB|FILES…`: the archive in one view — the party
 * register (one canonical name per side with its aliases), counts by year ×
 * partner type, agreement kinds per year, the most frequent partners and
 * people — as JSON (default), the register as CSV (`-f csv`), or a report page
 * with charts (`-f html`); `--out-dir` writes all of them.
 *
 * It streams: each file is extracted (by the same workers as `extract`),
 * folded into the summary and dropped, so memory grows with the register,
 * not with the number of files. A file that fails is reported and the run
 * exits 1 (its records are missing from the counts).
 */
import { availableParallelism } from 'node:os';
import { posix } from 'node:path';
import pkg from '../../package.json' with { type: 'json' };
import { csvRow } from '../format/csv.js';
import type { Document } from '../schema/index.js';
import { ArchiveSummary, type Summary } from '../summary/index.js';
import { describeFsError, writeAtomic } from './fsutil.js';
import { expandInputs } from './inputs.js';
import { Output } from './output.js';
import { absolute, escapeControls, fromText } from './paths.js';
import { createPool, taskWindow, WORKER_YOUNG_MB } from './pool.js';
import { loadLexicon } from './extract.js';
import { parseSize, DEFAULT_GLOB, DEFAULT_MAX_SIZE } from './options.js';
import { UsageError, untilInterrupted, type Io } from './io.js';
import type { TaskOptions } from './task.js';

export interface SummarizeFlags {
  format?: string;
  output?: string;
  outDir?: string;
  glob?: string;
  hidden?: boolean;
  filesFrom?: string;
  null?: boolean;
  lexicon?: string;
  jobs?: string;
  maxSize?: string;
  year?: string;
  bom?: boolean;
  quiet?: boolean;
}

const FORMATS = ['json', 'csv', 'html'] as const;

/** The summary's tables as CSV (`--bom` for Excel). */
export function summaryTables(s: Summary, bom: boolean): { [name: string]: string } {
  const table = (header: string[], rows: Array<Array<string | number | null>>) => (bom ? '\ufeff' : '') + csvRow(header) + rows.map((r) => csvRow(r, bom)).join('');
  return {
    'register.csv': table(['canonical', 'aliases', 'type', 'records', 'as_partner', 'files', 'first', 'last', 'agreement_kinds'], s.register.map((e) => [e.canonical, e.aliases.join('；'), e.type, e.records, e.asPartner, e.files, e.first, e.last, e.agreementKinds.join('；')])),
    'by-year-type.csv': table(['year', 'partner_type', 'count'], s.byYearAndType.map((r) => [r.year, r.type, r.count])),
    'agreements-by-year.csv': table(['year', 'kind', 'count'], s.agreementsByYear.map((r) => [r.year, r.kind, r.count])),
    'top-partners.csv': table(['name', 'type', 'records'], s.topPartners.map((p) => [p.name, p.type, p.records])),
    'top-people.csv': table(['name', 'title', 'records'], s.topPeople.map((p) => [p.name, p.title, p.records])),
    'network.csv': table(['source', 'target', 'records'], s.network.links.map((l) => [l.source, l.target, l.records])),
  };
}

export async function runSummarize(inputs: string[], flags: SummarizeFlags, io: Io, workerUrl: URL): Promise<number> {
  const format = (flags.format ?? 'json').toLowerCase();
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown --format "${flags.format}" (json, csv or html)`);
  if (flags.output !== undefined && flags.outDir !== undefined) throw new UsageError('use -o or --out-dir, not both');
  const jobs = flags.jobs === undefined ? availableParallelism() : /^[0-9]+$/.test(flags.jobs) ? Number(flags.jobs) : NaN;
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 256) throw new UsageError(`--jobs takes a whole number from 1 to 256, not "${flags.jobs}"`);
  const maxSize = parseSize(flags.maxSize ?? DEFAULT_MAX_SIZE);
  if (maxSize === null || maxSize <= 0) throw new UsageError(`--max-size takes a size like 256m, not "${flags.maxSize}"`);
  let year: number | undefined;
  if (flags.year !== undefined) {
    if (!/^[1-9]\d{3}$/.test(flags.year)) throw new UsageError(`--year takes a four-digit year such as 2024, not "${flags.year}"`);
    year = Number(flags.year);
  }
  const lexicon = flags.lexicon !== undefined ? await loadLexicon(flags.lexicon) : undefined;
  if (inputs.length === 0 && flags.filesFrom === undefined) throw new UsageError('summarize needs inputs: files, folders or globs');
  const expanded = await expandInputs(inputs, {
    glob: flags.glob ?? DEFAULT_GLOB,
    filesFrom: flags.filesFrom,
    nul: flags.null ?? false,
    hidden: flags.hidden ?? false,
    readStdin: async () => {
      const r = await io.readStdin(maxSize);
      if (r.tooLarge) throw new UsageError('the --files-from list on standard input is larger than --max-size');
      return r.bytes;
    },
  });
  // Outputs are opened before the work, so an unwritable target is known at once.
  const out = flags.outDir === undefined ? (flags.output === undefined || flags.output === '-' ? Output.stdout() : await Output.file(fromText(flags.output), flags.output)) : null;

  const options: TaskOptions = { format: 'json', table: 'records', bom: false, maxSize, year, skipExisting: false, hashes: false, version: pkg.version, lexicon };
  // The inputs' sizes are not known beforehand: a worker's young generation is sized for a large one.
  const pool = createPool({ jobs, options, workerUrl, heapMb: Math.max(256, Math.ceil((maxSize / (1024 * 1024)) * 24)), youngMb: WORKER_YOUNG_MB });
  const summary = new ArchiveSummary();
  let failed = 0;
  let interrupted = false;
  const onSignal = () => (interrupted = true);
  io.onInterrupt(onSignal);
  const seen = new Set<string>();
  const files = expanded.files.filter((f) => {
    if (seen.has(f.path)) return false;
    seen.add(f.path);
    return true;
  });
  const window = taskWindow(jobs);
  const inFlight = new Map<number, ReturnType<typeof pool.run>>();
  let next = 0;
  try {
    for (let k = 0; k < files.length && !interrupted; k++) {
      while (next < files.length && next < k + window) {
        const f = files[next]!;
        inFlight.set(next, f.error ? Promise.resolve({ status: 'failed', display: f.display, bytes: 0, records: 0, warnings: 0, error: f.error }) : pool.run({ path: f.path, display: f.display }, undefined));
        next++;
      }
      const result = await untilInterrupted(io, inFlight.get(k)!);
      inFlight.delete(k);
      if (!result) break;
      if (result.status !== 'ok' || !result.chunk) {
        failed++;
        io.stderr.write(`briefing: ${escapeControls(result.display)}: ${result.error ?? 'not converted'}\n`);
        continue;
      }
      // One Document at a time: parsed, folded in, dropped.
      summary.add(JSON.parse(Buffer.concat(result.chunk).toString('utf8')) as Document);
    }
  } finally {
    io.offInterrupt(onSignal);
    await pool.close();
  }
  if (interrupted) {
    await out?.abort();
    return 130;
  }
  const s = summary.result();
  const tables = summaryTables(s, flags.bom ?? false);
  const report = format === 'html' || flags.outDir ? (await import('../summary/report.js')).reportPage(s, pkg.version) : '';
  const json = JSON.stringify(s, null, 2) + '\n';
  if (out) {
    await out.write(format === 'json' ? json : format === 'csv' ? tables['register.csv']! : report);
    await out.finish(true);
    if (out.error) throw new UsageError(`cannot write ${out.name}: ${describeFsError(out.error)}`);
  } else {
    const root = absolute(fromText(flags.outDir!));
    for (const [name, text] of [['summary.json', json], ...Object.entries(tables), ['report.html', report]] as Array<[string, string]>) {
      try {
        await writeAtomic(posix.join(root, name), text);
      } catch (e) {
        throw new UsageError(`cannot write ${escapeControls(posix.join(flags.outDir!, name))}: ${describeFsError(e)}`);
      }
    }
  }
  if (!flags.quiet) io.stderr.write(`${s.files} files summarized, ${failed} failed: ${s.records} records, ${s.register.length} sides\n`);
  return failed > 0 ? 1 : 0;
}
