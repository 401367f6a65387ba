/**
 * Before any file is read: which inputs this run takes (its --shard), each
 * input once, where each output goes, and whether any output would land on an
 * input, on another output or outside --out-dir. A run that would overwrite
 * what it reads, or write two inputs to one output, is refused (exit 2) before
 * it starts, with the paths named.
 */
import { nodeCrypto } from './builtins.js';
import { realpath, stat } from 'node:fs/promises';
import { posix } from 'node:path';
import type { InputFile } from './inputs.js';
import { UsageError } from './io.js';
import { absolute, decodePath, escapeControls, fsPath, isInside, mirrorPath, replaceExtension, type BytePath } from './paths.js';

export interface PlannedFile extends InputFile {
  /** With --out-dir: the output's path (bytes) and how messages show it. */
  outPath?: BytePath;
  outDisplay?: string;
  /** Size in bytes, when the input could be examined. */
  size?: number;
  /** Set when the same file was already named: it is not converted twice. */
  duplicateOf?: string;
}

export interface PlanOptions {
  outDir?: string | undefined;
  /** The extension outputs under --out-dir take (`.json`, `.people.csv` …). */
  extension: string;
  /** Other files the run writes: -o, --report, --manifest (label → path). */
  writes: Array<{ label: string; path: string }>;
  shard?: { index: number; count: number } | undefined;
}

const shown = (s: string) => escapeControls(s);

/** Which shard an input belongs to: by a hash of its normalised path, stable as the archive grows. */
export function shardOf(display: string, count: number): number {
  const key = posix.normalize(display).replace(/^\.\//, '');
  return nodeCrypto().createHash('sha1').update(key).digest().readUInt32BE(0) % count;
}

/** Runs `f` over `items` with at most `limit` at a time. */
async function eachLimited<T>(items: T[], limit: number, f: (t: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await f(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

const identity = (s: { dev: number; ino: number }) => `${s.dev}:${s.ino}`;

/** The real path of `p` when it exists, else that of its nearest existing folder with the rest appended. */
async function realOrPlanned(p: BytePath): Promise<BytePath> {
  const abs = absolute(p);
  const rest: string[] = [];
  let dir = abs;
  for (;;) {
    const real = await realpath(fsPath(dir)).then((b) => (b as unknown as Buffer).toString('latin1'), () => null);
    if (real !== null) return rest.length ? posix.join(real, ...rest.reverse()) : real;
    if (dir === '/') return abs;
    rest.push(posix.basename(dir));
    dir = posix.dirname(dir);
  }
}

export async function planRun(files: InputFile[], o: PlanOptions): Promise<PlannedFile[]> {
  let planned: PlannedFile[] = files.map((f) => ({ ...f }));
  if (o.shard) {
    const { index, count } = o.shard;
    planned = planned.filter((f) => (f.path === '-' ? index === 0 : shardOf(f.display, count) === index));
  }

  // Each input once: the same file named twice (or reached by a link) is converted once.
  const inputs = new Map<string, PlannedFile>();
  // Each entry's file identity, for this check only (the plan does not carry it through the run).
  const ids = new Map<PlannedFile, string>();
  await eachLimited(planned, 64, async (f) => {
    if (f.error || f.path === '-') return;
    const s = f.found ?? (await stat(fsPath(f.path)).catch(() => null));
    if (!s) return;
    f.size = s.size;
    ids.set(f, identity(s));
  });
  for (const f of planned) {
    const id = ids.get(f);
    if (id === undefined) continue;
    const first = inputs.get(id);
    if (first) f.duplicateOf = first.display;
    else inputs.set(id, f);
  }

  const claimed = new Map<BytePath, PlannedFile | string>();
  const collisions: string[] = [];
  if (o.outDir !== undefined) {
    const outDir = absolute(Buffer.from(o.outDir, 'utf8').toString('latin1'));
    const outDirReal = await realOrPlanned(outDir);
    const realDirs = new Map<BytePath, BytePath>();
    for (const f of planned) {
      if (f.duplicateOf || (f.error && f.path !== '-')) continue;
      const rel = replaceExtension(mirrorPath(f.rel) || 'stdin', o.extension);
      const out = posix.join(outDir, rel);
      if (!isInside(out, outDir) || out === outDir) throw new UsageError(`the output of ${shown(f.display)} would fall outside --out-dir: refusing to write it`);
      f.outPath = out;
      f.outDisplay = decodePath(posix.join(Buffer.from(o.outDir, 'utf8').toString('latin1'), rel));
      const had = claimed.get(out);
      if (had) collisions.push(`${shown(typeof had === 'string' ? had : had.display)} and ${shown(f.display)} would both write ${shown(f.outDisplay)}`);
      else claimed.set(out, f);
      // A link inside --out-dir that leads elsewhere must not carry an output out of it.
      const dir = posix.dirname(out);
      if (!realDirs.has(dir)) realDirs.set(dir, await realOrPlanned(dir));
      if (!isInside(realDirs.get(dir)!, outDirReal)) throw new UsageError(`the output ${shown(f.outDisplay)} would fall outside --out-dir (through a link): refusing to write it`);
    }
  }

  // No output may be an input, nor two outputs one file.
  const targets: Array<{ label: string; path: BytePath }> = [
    ...o.writes.map((w) => ({ label: w.label, path: Buffer.from(w.path, 'utf8').toString('latin1') })),
    ...planned.filter((f) => f.outPath).map((f) => ({ label: f.outDisplay!, path: f.outPath! })),
  ];
  const byReal = new Map<BytePath, string>();
  const refuseCollisions = () => {
    if (collisions.length === 0) return;
    const more = collisions.length > 3 ? ` (and ${collisions.length - 3} more)` : '';
    throw new UsageError(`two inputs, one output: ${collisions.slice(0, 3).join('; ')}${more}; name the inputs by their folders, or convert them in separate runs`);
  };
  await eachLimited(targets, 64, async (t) => {
    const s = await stat(fsPath(t.path)).catch(() => null);
    if (!s) return;
    if (!s.isFile()) return; // a device or FIFO (`-o /dev/null`) is written through and cannot be an input we read twice
    const input = inputs.get(identity(s));
    if (input) throw new UsageError(`${shown(t.label)} is also an input (${shown(input.display)}): refusing to overwrite it`);
  });
  refuseCollisions();
  for (const t of targets.slice(0, o.writes.length)) {
    const s = await stat(fsPath(t.path)).catch(() => null);
    if (s && !s.isFile()) continue; // two reports to /dev/null harm nothing
    const real = await realOrPlanned(t.path);
    const had = byReal.get(real) ?? (claimed.has(absolute(t.path)) ? 'an output of --out-dir' : undefined);
    if (had) throw new UsageError(`${shown(t.label)} and ${shown(had)} name the same file: refusing to write both`);
    byReal.set(real, t.label);
  }
  return planned;
}
