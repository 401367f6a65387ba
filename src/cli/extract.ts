/** `briefing extract`: inputs → documents → stdout, -o FILE or --out-dir. */
import { join } from 'node:path';
import { parseEncodingName } from '../core.js';
import type { Encoding } from '../schema/index.js';
import { FORMATS, TABLES, csvHeader, type Format, type Table } from '../format/index.js';
import { expandInputs, type InputFile } from './inputs.js';
import { writeAtomic } from './fsutil.js';
import { Output } from './output.js';
import { inlinePool, workerPool, type Pool } from './pool.js';
import { Progress, summaryLine, type Totals } from './progress.js';
import { extractOrFail, okResult, streamChunk, type TaskOptions, type TaskResult } from './task.js';
import { parseSize, type ExtractFlags } from './options.js';
import { UsageError, untilInterrupted, type Io } from './io.js';

const EXTENSION: Record<Format, string> = { json: '.json', ndjson: '.ndjson', csv: '.csv' };

function checkFlags(flags: ExtractFlags): { options: TaskOptions; jobs: number } {
  if (!(FORMATS as readonly string[]).includes(flags.format)) throw new UsageError(`unknown --format "${flags.format}" (json, ndjson or csv)`);
  if (!(TABLES as readonly string[]).includes(flags.table)) throw new UsageError(`unknown --table "${flags.table}" (records, people, parties or agreements)`);
  let encoding: Encoding | undefined;
  if (flags.encoding) {
    try {
      encoding = parseEncodingName(flags.encoding);
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
  }
  let year: number | undefined;
  if (flags.year !== undefined) {
    if (!/^\d{4}$/.test(flags.year)) throw new UsageError(`--year takes a four-digit year, not "${flags.year}"`);
    year = Number(flags.year);
  }
  const maxSize = parseSize(flags.maxSize);
  if (maxSize === null || maxSize <= 0) throw new UsageError(`--max-size takes a size like 256m, not "${flags.maxSize}"`);
  const jobs = Number(flags.jobs);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 256) throw new UsageError(`--jobs takes a whole number from 1 to 256, not "${flags.jobs}"`);
  if (flags.output && flags.outDir) throw new UsageError('use -o or --out-dir, not both');
  if (flags.skipExisting && !flags.outDir) throw new UsageError('--skip-existing goes with --out-dir');
  return {
    jobs,
    options: {
      format: flags.format as Format,
      table: flags.table as Table,
      bom: flags.bom ?? false,
      encoding,
      year,
      maxSize,
      skipExisting: flags.skipExisting ?? false,
    },
  };
}

function outPathFor(outDir: string, file: InputFile, format: Format): string {
  const rel = file.rel.replace(/\.[^./]*$/, '') + EXTENSION[format];
  return join(outDir, rel);
}

export async function runExtract(inputs: string[], flags: ExtractFlags, io: Io, workerUrl: URL): Promise<number> {
  const { options, jobs } = checkFlags(flags);
  const started = Date.now();
  const expanded = await expandInputs(inputs, { glob: flags.glob, filesFrom: flags.filesFrom, readStdin: async () => (await io.readStdin()).toString('utf8') }).catch((e: unknown) => {
    throw new UsageError(`cannot read the input list: ${(e as Error).message}`);
  });
  const files = expanded.files;
  const totals: Totals = { files: files.length, done: 0, failed: 0, skipped: 0, records: 0, bytes: 0 };
  const progress = new Progress(io.stderr, !flags.quiet && io.stderr.isTTY === true && files.length > 1, started);
  const out = flags.outDir ? null : flags.output ? Output.file(flags.output) : Output.stdout();
  const reportRows: Array<Omit<TaskResult, 'chunk'>> = [];

  const useWorkers = jobs > 1 && files.filter((f) => f.path !== '-').length > 1;
  const pool: Pool = useWorkers ? workerPool(Math.min(jobs, files.length), options, workerUrl) : inlinePool(options);

  let interrupted = false;
  let stop = false;
  const onSignal = () => {
    interrupted = true;
    stop = true;
  };
  io.onInterrupt(onSignal);

  const json = options.format === 'json';
  const wrapArray = json && !expanded.single;
  let first = true;
  if (out) {
    if (wrapArray) await out.write('[\n');
    if (options.format === 'csv') await out.write(csvHeader(options.table, options.bom));
  }

  const runOne = async (file: InputFile): Promise<TaskResult> => {
    if (file.error) return { status: 'failed', display: file.display, bytes: 0, records: 0, warnings: 0, error: file.error };
    if (file.path === '-') return stdinTask(io, options);
    return pool.run({ path: file.path, display: file.display, outPath: flags.outDir ? outPathFor(flags.outDir, file, options.format) : undefined });
  };

  // Dispatch ahead of the write cursor, write strictly in input order.
  const window = Math.max(2, jobs * 4);
  const inFlight = new Map<number, Promise<TaskResult>>();
  let next = 0;
  try {
    for (let k = 0; k < files.length; k++) {
      while (!stop && next < files.length && next < k + window) {
        inFlight.set(next, runOne(files[next]!));
        next++;
      }
      const pending = inFlight.get(k);
      if (!pending) break;
      const result = await untilInterrupted(io, pending);
      if (!result || interrupted) break;
      inFlight.delete(k);
      totals.done++;
      totals.bytes += result.bytes;
      if (result.status === 'failed') {
        totals.failed++;
        progress.clear();
        io.stderr.write(`briefing: ${result.display}: ${result.error}\n`);
        if (flags.failFast) stop = true;
      } else if (result.status === 'skipped') {
        totals.skipped++;
      } else {
        totals.records += result.records;
        if (out && result.chunk !== undefined) {
          if (json && !first) await out.write(',\n');
          await out.write(result.chunk);
          first = false;
        }
      }
      const { chunk: _chunk, ...row } = result;
      reportRows.push(row);
      progress.update(totals);
      if (out?.closed) stop = true;
      if (stop) break;
    }
  } finally {
    io.offInterrupt(onSignal);
    await pool.close();
  }
  progress.clear();

  let code = totals.failed > 0 ? 1 : 0;
  if (out) {
    if (interrupted) await out.abort();
    else {
      if (wrapArray) await out.write(first ? ']\n' : '\n]\n');
      else if (json && !first) await out.write('\n');
      try {
        await out.finish();
      } catch (e) {
        io.stderr.write(`briefing: cannot write ${flags.output ?? 'stdout'}: ${(e as Error).message}\n`);
        code = 2;
      }
      if (out.error && !flags.output) code = 2;
    }
  }
  if (flags.report) {
    // Peak resident memory of the whole process, workers included (they are threads).
    const maxRssKb = process.resourceUsage().maxRSS;
    const report = { started: new Date(started).toISOString(), elapsedMs: Date.now() - started, interrupted, maxRssKb, totals, files: reportRows };
    await writeAtomic(flags.report, JSON.stringify(report, null, 2) + '\n').catch((e: Error) => {
      io.stderr.write(`briefing: cannot write report ${flags.report}: ${e.message}\n`);
      code = 2;
    });
  }
  if (!flags.quiet && (files.length > 1 || interrupted)) io.stderr.write(summaryLine(totals, Date.now() - started, interrupted) + '\n');
  if (interrupted) return 130;
  return code;
}

async function stdinTask(io: Io, options: TaskOptions): Promise<TaskResult> {
  const bytes = await io.readStdin();
  const extracted = extractOrFail(bytes, '-', options);
  if ('failed' in extracted) return extracted.failed;
  return { ...okResult(extracted.doc, '-', bytes.length), chunk: Buffer.from(streamChunk(extracted.doc, options.format, options.table, options.bom)) };
}

