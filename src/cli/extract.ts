/**
 * `briefing extract`: inputs → plan → documents → stdout, -o FILE or --out-dir.
 *
 * Nothing is read before the plan holds (see plan.ts), nothing is written
 * half (outputs are renamed into place complete), and the exit code says
 * whether all the work was done: 0 every input converted, 1 some input
 * failed, 2 usage or output error, 130 interrupted, 141 the reader of stdout
 * went away.
 */
import { mkdir, open, rm } from 'node:fs/promises';
import { posix } from 'node:path';
import { tmpdir, totalmem } from 'node:os';
import pkg from '../../package.json' with { type: 'json' };
import type { Format, Table } from '../format/index.js';
import { expandInputs } from './inputs.js';
import { describeFsError, tempPathFor, writeAtomic } from './fsutil.js';
import { readManifest, manifestText, sameOptions, type ManifestLine } from './manifest.js';
import { Output, OutputError } from './output.js';
import { absolute, decodePath, escapeControls, fromText, fsPath } from './paths.js';
import { planRun, type PlannedFile } from './plan.js';
import { createPool, DispatchWindow, taskWindow, WINDOW_BYTES_PER_JOB, WORKER_YOUNG_MB } from './pool.js';
import { HeldOutput } from './held.js';
import { Progress, summaryLine, type Totals } from './progress.js';
import type { TaskOptions, TaskResult } from './task.js';
import { checkFlags, type ExtractFlags } from './options.js';
import { UsageError, untilInterrupted, type Io } from './io.js';

/** The extension an output under --out-dir takes: CSV tables are named by table (`03.people.csv`). */
export function outputExtension(format: Format, table: Table, rows = false): string {
  if (format === 'csv') return `.${table}.csv`;
  if (format === 'ndjson' && rows) return `.${table}.ndjson`;
  return format === 'label-studio' ? '.label-studio.json' : `.${format}`;
}

/** `--lexicon FILE`: read, checked (an error names the file and the key), taken into this thread's tables. */
export async function loadLexicon(path: string) {
  const { readFile } = await import('node:fs/promises');
  const { parseLexicon, LexiconError } = await import('../lexicon/lexicon-schema.js');
  const { applyLexicon } = await import('../lexicon/user.js');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new UsageError(`--lexicon ${escapeControls(path)}: ${describeFsError(e)}`);
  }
  try {
    const lexicon = await parseLexicon(text, `--lexicon ${escapeControls(path)}`);
    applyLexicon(lexicon);
    return lexicon;
  } catch (e) {
    if (e instanceof LexiconError) throw new UsageError(e.message);
    throw e;
  }
}

/** Exit code of a run whose stdout reader went away (128 + SIGPIPE, as a shell reports a tool killed by it). */
export const EXIT_PIPE = 141;

/** Is a path writable? Probed by creating (and removing) a temp file beside it, before any work starts. */
async function probeWritable(path: string, label: string): Promise<void> {
  const tmp = tempPathFor(absolute(fromText(path)));
  try {
    await mkdir(fsPath(posix.dirname(tmp)), { recursive: true });
    const h = await open(fsPath(tmp), 'wx');
    await h.close();
    await rm(fsPath(tmp), { force: true });
  } catch (e) {
    throw new UsageError(`cannot write ${label} ${escapeControls(path)}: ${describeFsError(e)}`);
  }
}

const show = (s: string) => escapeControls(s);

/**
 * The old-generation heap of a worker: room for the largest file allowed
 * (about 24 times its size at worst), within a share of the machine's memory
 * so that the workers together stay inside it (then a file too big for memory
 * fails cleanly in its worker instead of the system killing the process).
 * BRIEFING_WORKER_HEAP_MB sets it outright.
 */
function workerHeapMb(maxSize: number, jobs: number, env: NodeJS.ProcessEnv): number {
  const forced = Number(env.BRIEFING_WORKER_HEAP_MB);
  if (Number.isInteger(forced) && forced >= 16) return forced;
  const wanted = Math.ceil((maxSize / (1024 * 1024)) * 24);
  const share = Math.floor((totalmem() / (1024 * 1024)) * 0.6 / Math.max(1, jobs));
  return Math.max(512, Math.min(wanted, share));
}

export async function runExtract(inputs: string[], flags: ExtractFlags, io: Io, workerUrl: URL): Promise<number> {
  if (flags.labelConfig) {
    const { labelConfig } = await import('../format/labelstudio.js');
    io.stdout.write(labelConfig());
    return 0;
  }
  const c = checkFlags(flags);
  const started = Date.now();
  const lexicon = flags.lexicon !== undefined ? await loadLexicon(flags.lexicon) : undefined;
  const options: TaskOptions = {
    format: c.format,
    table: c.table,
    bom: c.bom,
    encoding: c.encoding,
    year: c.year,
    maxSize: c.maxSize,
    skipExisting: flags.skipExisting ?? false,
    hashes: flags.manifest !== undefined,
    inputFormat: c.inputFormat,
    textOnly: c.textOnly,
    version: pkg.version,
    lexicon,
    rows: c.rows,
  };
  const manifestOptions: ManifestLine['options'] = {
    version: pkg.version,
    format: c.format,
    table: c.format === 'csv' || c.rows ? c.table : null,
    bom: c.bom,
    encoding: c.encoding ?? null,
    year: c.year ?? null,
    ...(c.inputFormat ? { inputFormat: c.inputFormat } : {}),
    ...(c.textOnly ? { textOnly: true } : {}),
    ...(lexicon ? { lexicon: JSON.stringify(lexicon) } : {}),
  };
  if (flags.filesFrom === '-' && inputs.includes('-')) throw new UsageError('standard input cannot be both --files-from and an input');

  const expanded = await expandInputs(inputs, {
    glob: flags.glob,
    filesFrom: flags.filesFrom,
    nul: flags.null ?? false,
    hidden: flags.hidden ?? false,
    readStdin: async () => {
      const r = await io.readStdin(c.maxSize);
      if (r.tooLarge) throw new UsageError(`the --files-from list on standard input is larger than --max-size`);
      return r.bytes;
    },
  }).catch((e: unknown) => {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`cannot read the input list ${show(flags.filesFrom ?? '')}: ${describeFsError(e)}`);
  });

  const toStdout = flags.outDir === undefined && (flags.output === undefined || flags.output === '-');
  const writes = [
    ...(flags.output !== undefined && flags.output !== '-' ? [{ label: flags.output, path: flags.output }] : []),
    ...(flags.report !== undefined ? [{ label: flags.report, path: flags.report }] : []),
    ...(flags.manifest !== undefined ? [{ label: flags.manifest, path: flags.manifest }] : []),
  ];
  if (c.format === 'html' && !c.textOnly && !flags.outDir && !expanded.single) throw new UsageError('-f html writes one page per input: give one input, or --out-dir for several (it also writes an index.html)');
  const files: Array<PlannedFile | undefined> = await planRun(expanded.files, { outDir: flags.outDir, extension: c.textOnly ? '.txt' : outputExtension(c.format, c.table, c.rows), writes, shard: c.shard });
  // The plan holds its own copy of each entry: over a long list, memory holds one.
  expanded.files = [];
  if (flags.report !== undefined) await probeWritable(flags.report, 'the report');
  const previous = flags.manifest !== undefined ? await readManifest(flags.manifest).catch((e: unknown) => {
    throw new UsageError(`cannot read the manifest ${show(flags.manifest!)}: ${describeFsError(e)}`);
  }) : null;
  if (flags.manifest !== undefined) await probeWritable(flags.manifest, 'the manifest');

  let out: Output | null = null;
  if (flags.outDir === undefined) {
    try {
      out = toStdout ? Output.stdout() : await Output.file(fromText(flags.output!), flags.output!);
    } catch (e) {
      if (e instanceof OutputError) throw new UsageError(e.message);
      throw e;
    }
  }

  const totals: Totals = { files: files.length, done: 0, failed: 0, skipped: 0, records: 0, bytes: 0 };
  // Progress goes to a terminal on stderr, and never while data goes to the same terminal on stdout.
  const progress = new Progress(io.stderr, !flags.quiet && io.stderr.isTTY === true && !(toStdout && io.stdout.isTTY === true) && files.length > 1, started);
  // A row for each input, kept only for --report.
  const reportRows: Array<Omit<TaskResult, 'chunk'>> = [];
  const manifestRows = new Map<string, ManifestLine>(previous ?? []);
  let manifestSaved = Date.now();
  const saveManifest = async () => {
    if (flags.manifest === undefined) return;
    await writeAtomic(fromText(flags.manifest), manifestText(manifestRows.values()));
    manifestSaved = Date.now();
  };

  const heapMb = workerHeapMb(c.maxSize, c.jobs, io.env);
  const pool = createPool({ jobs: c.jobs, options, workerUrl, timeoutMs: c.timeoutMs, heapMb, youngMb: WORKER_YOUNG_MB });

  let interrupted = false;
  let stop = false;
  let resolveStop: () => void = () => {};
  const stopped = new Promise<void>((r) => (resolveStop = r));
  const onSignal = () => {
    interrupted = true;
    stop = true;
    resolveStop();
  };
  io.onInterrupt(onSignal);

  // JSON Documents and Label Studio tasks are written as a list (Label Studio's import takes a list even of one).
  const json = (c.format === 'json' || c.format === 'label-studio') && !c.textOnly;
  const wrapArray = json && (!expanded.single || c.format === 'label-studio');
  let first = true;
  let produced = false;
  const pagesIndex: Array<{ file: string; out: string | undefined; status: string; records: number; warnings: number; error?: string | undefined }> | null = c.format === 'html' && flags.outDir ? [] : null;
  // An input whose page would be the index itself: the index takes another name (the entries are let go as they are done).
  const indexTaken = pagesIndex !== null && flags.outDir !== undefined && files.some((f) => f?.outPath === posix.join(absolute(fromText(flags.outDir!)), 'index.html'));
  if (out) {
    if (wrapArray) await out.write('[\n');
    if (c.format === 'csv' && !c.textOnly) await out.write((await import('../format/index.js')).csvHeader(c.table, c.bom));
  }

  const stdinTask = async (file: PlannedFile): Promise<TaskResult> => {
    const r = await io.readStdin(c.maxSize);
    if (r.tooLarge) return { status: 'failed', display: '-', bytes: 0, records: 0, warnings: 0, error: `standard input too large: more than --max-size ${c.maxSize} bytes` };
    const { InputBytes, convertBytes } = await import('./task.js');
    const converted = await convertBytes(new InputBytes(r.bytes), '-', { ...options, hashes: false });
    if (!file.outPath || converted.status !== 'ok') return converted;
    // With --out-dir, stdin's output is one whole file: a CSV header, a closing line break.
    const { csvHeader } = await import('../format/index.js');
    const whole = [...(c.format === 'csv' && !options.textOnly ? [Buffer.from(csvHeader(c.table, c.bom))] : []), ...(converted.chunk ?? []), ...(c.format === 'json' && !options.textOnly ? [Buffer.from('\n')] : [])];
    try {
      await writeAtomic(file.outPath, whole);
    } catch (e) {
      return { status: 'failed', display: '-', bytes: r.bytes.length, records: 0, warnings: 0, error: `cannot write ${file.outDisplay}: ${describeFsError(e)}` };
    }
    const { chunk: _chunk, ...result } = converted;
    void _chunk;
    return result;
  };

  const held = new Map<number, HeldOutput>();
  // Where held outputs spill (read once: os.tmpdir() reads the environment at every call).
  const spillDir = tmpdir();
  const runOne = (file: PlannedFile, k: number): Promise<TaskResult> => {
    const base = { display: file.display, bytes: 0, records: 0, warnings: 0 };
    if (file.error) return Promise.resolve({ ...base, status: 'failed', error: file.error });
    if (file.duplicateOf) return Promise.resolve({ ...base, status: 'skipped', reason: `the same file as ${file.duplicateOf}` });
    if (file.path === '-') return stdinTask(file);
    const line = previous?.get(decodePath(absolute(file.path)));
    const unchanged =
      flags.skipExisting && line && line.status === 'ok' && line.sha256 && line.outputSha256 && sameOptions(line.options, manifestOptions)
        ? { sha256: line.sha256, outputSha256: line.outputSha256 }
        : undefined;
    const input = { path: file.path, display: file.display, outPath: file.outPath, outDisplay: file.outDisplay, unchanged };
    if (!out || file.outPath) return pool.run(input, file.size);
    // Output for the shared stream is held apart until this input's turn: see held.ts.
    const h = new HeldOutput(spillDir);
    held.set(k, h);
    return pool.run(input, file.size, h);
  };

  // Dispatch ahead of the write cursor (see taskWindow and WINDOW_BYTES_PER_JOB), write strictly in input order.
  const window = new DispatchWindow(taskWindow(c.jobs), c.jobs * WINDOW_BYTES_PER_JOB);
  const inFlight = new Map<number, Promise<TaskResult>>();
  let next = 0;
  let outputFailed: string | null = null;
  try {
    for (let k = 0; k < files.length; k++) {
      while (!stop && next < files.length) {
        const size = files[next]!.size ?? 0;
        if (!window.admits(next, k, size)) break;
        inFlight.set(next, runOne(files[next]!, next));
        window.started(size);
        next++;
      }
      const pending = inFlight.get(k);
      if (!pending) break;
      let result = await untilInterrupted(io, pending);
      if (!result || interrupted) break;
      inFlight.delete(k);
      window.ended(files[k]!.size ?? 0);
      const h = held.get(k);
      held.delete(k);
      if (h && result.status === 'ok') {
        const problem = await h.problem();
        if (problem) result = { ...result, status: 'failed', error: problem };
      }
      if (h && result.status !== 'ok') await h.discard();
      const file = files[k]!;
      // Done with: over a long list, memory holds only the entries still to come.
      files[k] = undefined;
      totals.done++;
      totals.bytes += result.bytes;
      if (result.status === 'failed') {
        totals.failed++;
        progress.clear();
        io.stderr.write(`briefing: ${show(result.display)}: ${result.error}\n`);
        if (flags.failFast) stop = true;
      } else if (result.status === 'skipped') {
        totals.skipped++;
      } else {
        totals.records += result.records;
        if (out && (result.chunk !== undefined || h)) {
          if (json && !first) await out.write(',\n', stopped);
          // An interrupt stops the copy: the output is abandoned anyway.
          await h?.drain(async (part) => {
            await out.writeBorrowed(part, stopped);
            return !interrupted;
          });
          for (const part of result.chunk ?? []) await out.write(part, stopped);
          first = false;
          produced = true;
        }
      }
      if (flags.report !== undefined) {
        // The file's own display string, not the copy that came back from a worker.
        const { chunk: _chunk, ...row } = result;
        reportRows.push({ ...row, display: file.display });
      }
      if (pagesIndex) pagesIndex.push({ file: file.display, out: file.outPath, status: result.status, records: result.records, warnings: result.warnings, error: result.error });
      if (file.path !== '-' && flags.manifest !== undefined && !file.duplicateOf) {
        const key = decodePath(absolute(file.path));
        const kept = result.status === 'skipped' ? manifestRows.get(key) : undefined;
        manifestRows.set(key, {
          path: file.display,
          absolutePath: key,
          size: file.size ?? null,
          sha256: result.sha256 ?? null,
          output: file.outDisplay ?? (flags.output ?? null),
          outputSha256: result.outputSha256 ?? null,
          status: kept ? kept.status : result.status,
          ...(result.error ? { error: result.error } : {}),
          options: manifestOptions,
        });
        if (Date.now() - manifestSaved > 5000) await saveManifest().catch(() => {});
      }
      progress.update(totals);
      if (out?.error) {
        outputFailed = `cannot write ${out.name}: ${describeFsError(out.error)}`;
        stop = true;
      }
      if (out?.closed) stop = true;
      if (stop) break;
    }
  } finally {
    io.offInterrupt(onSignal);
    await pool.close();
    for (const h of held.values()) await h.discard();
  }
  progress.clear();
  // With --out-dir and -f html: an index.html listing every file, its counts and warnings, linked to its page.
  if (pagesIndex && flags.outDir && !interrupted) {
    const root = absolute(fromText(flags.outDir));
    const name = indexTaken ? '_index.html' : 'index.html';
    const { reviewIndex } = await import('../format/review.js');
    const rows = pagesIndex.map((r) => ({ ...r, href: r.out && r.status === 'ok' ? posix.relative(root, r.out) : null }));
    try {
      await writeAtomic(posix.join(root, name), reviewIndex(rows.map((r) => ({ file: r.file, href: r.href === null ? null : encodeURI(decodePath(r.href)), status: r.status, records: r.records, warnings: r.warnings, error: r.error })), pkg.version));
    } catch (e) {
      io.stderr.write(`briefing: cannot write ${show(posix.join(flags.outDir, name))}: ${describeFsError(e)}\n`);
      totals.failed++;
    }
  }

  let code = totals.failed > 0 ? 1 : 0;
  // Inputs never reached (--fail-fast, a failed output) are work dropped: the run does not exit 0.
  if (!interrupted && totals.done < files.length && code === 0 && !out?.closed) code = 1;
  if (out) {
    if (interrupted) await out.abort();
    else {
      if (wrapArray) await out.write(first ? ']\n' : '\n]\n');
      else if (json && !first) await out.write('\n');
      try {
        // A file target is replaced only when the run gave output, or failed nowhere (an empty array, a bare CSV header).
        await out.finish(produced || totals.failed === 0);
      } catch (e) {
        outputFailed ??= e instanceof OutputError ? e.message : `cannot write ${out.name}: ${describeFsError(e)}`;
      }
    }
  }
  if (outputFailed) {
    io.stderr.write(`briefing: ${show(outputFailed)}\n`);
    code = 2;
  }
  if (flags.report !== undefined) {
    // Peak resident memory of the whole process, workers included (they are threads).
    const usage = process.resourceUsage();
    const maxRssKb = usage.maxRSS;
    // CPU time of every thread of the process (main and workers), for the bench's CPUs-busy figure.
    const cpuMs = Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000);
    const report = { started: new Date(started).toISOString(), elapsedMs: Date.now() - started, interrupted, maxRssKb, cpuMs, totals, hidden: expanded.hidden, files: reportRows };
    await writeAtomic(fromText(flags.report), JSON.stringify(report, null, 2) + '\n').catch((e: Error) => {
      io.stderr.write(`briefing: cannot write the report ${show(flags.report!)}: ${describeFsError(e)}\n`);
      code = 2;
    });
  }
  await saveManifest().catch((e: Error) => {
    io.stderr.write(`briefing: cannot write the manifest ${show(flags.manifest!)}: ${describeFsError(e)}\n`);
    code = 2;
  });
  if (out?.closed && !interrupted) return EXIT_PIPE; // `| head`: the reader chose to stop; nothing more to say
  // After a failed output the error line says what happened: a count of files "converted" would mislead.
  if (!flags.quiet && !outputFailed && (files.length > 1 || interrupted)) io.stderr.write(summaryLine(totals, Date.now() - started, interrupted) + '\n');
  if (interrupted) return 130;
  return code;
}
