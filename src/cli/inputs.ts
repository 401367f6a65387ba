/**
 * Turns the command line's inputs (files, folders, globs, --files-from, `-`)
 * into a list of files, each with the relative path its output mirrors.
 *
 * Folders are walked here, not by a glob library, so that nothing is skipped
 * in silence: a subfolder that cannot be read, a path too long to open, a
 * link that points nowhere or out of the folder are each listed with the
 * reason and reported by the run. Links to folders are followed once: every
 * folder is entered at most once by its (device, inode), so `ln -s . loop`
 * adds nothing. Names are matched case-insensitively (`*.txt` takes `A.TXT`)
 * and kept as bytes (GBK names are read as they are). Hidden files and
 * folders (a name starting with `.`) are left out unless --hidden.
 */
import { lstatSync, type Stats } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { posix } from 'node:path';
import picomatch from 'picomatch';
import { absolute, decodePath, fromText, fsPath, isInside, mirrorPath, type BytePath } from './paths.js';
import { describeFsError, statOrError } from './fsutil.js';

export interface InputFile {
  /** Path to read, as bytes ("-" for stdin). */
  path: BytePath;
  /** Path as shown to the user and written to `file`. */
  display: string;
  /** Relative path (bytes) that an output under --out-dir mirrors, before its extension changes. */
  rel: BytePath;
  /** Set when the entry cannot be read: it is reported, not converted. */
  error?: string;
  /** What the listing learnt of the file (a walk's lstat, or the stat of a path named), so the plan need not stat it again. */
  found?: FileFound;
}

/** A file's size and identity, as a stat gives them. */
export interface FileFound {
  size: number;
  dev: number;
  ino: number;
}

const foundOf = (s: { size: number; dev: number; ino: number }): FileFound => ({ size: s.size, dev: s.dev, ino: s.ino });

export interface Expanded {
  files: InputFile[];
  /** True when the command line named exactly one plain file (JSON then prints one Document, not an array). */
  single: boolean;
  /** Hidden files and folders left out (see --hidden). */
  hidden: number;
}

export interface ExpandOptions {
  glob: string;
  filesFrom?: string | undefined;
  /** --files-from lists are NUL-separated (`find -print0`). */
  nul?: boolean;
  hidden?: boolean;
  readStdin: () => Promise<Buffer>;
}

const GLOB_CHARS = /[*?[\]{}]/;
/** Longest path the kernel opens (Linux PATH_MAX, terminating NUL included). */
const PATH_MAX = 4096;

/** The fixed folder prefix of a glob (`data/2023/**` → `data/2023`) and the pattern below it. */
function splitGlob(pattern: string): { base: string; rest: string } {
  const parts = pattern.split('/');
  const fixed: string[] = [];
  while (parts.length > 1 && !GLOB_CHARS.test(parts[0]!)) fixed.push(parts.shift()!);
  const base = fixed.length === 0 ? '.' : fixed.join('/') || '/';
  return { base, rest: parts.join('/') };
}

interface Walk {
  root: BytePath;
  rootReal: BytePath;
  /** What the user typed for the root, for display. */
  shownRoot: string;
  match: (rel: string) => boolean;
  hidden: boolean;
  visited: Set<string>;
  out: InputFile[];
  hiddenCount: number;
}

const joinShown = (root: string, rel: string) => (root === '.' ? rel : root.endsWith('/') ? root + rel : `${root}/${rel}`);

function entry(w: Walk, rel: BytePath, error?: string, found?: FileFound): InputFile {
  const path = w.root === '.' ? rel : posix.join(w.root, rel);
  return { path, display: joinShown(w.shownRoot, decodePath(rel)), rel, ...(error ? { error } : {}), ...(found ? { found } : {}) };
}

async function walk(w: Walk, dirRel: BytePath): Promise<void> {
  const dir = dirRel ? posix.join(w.root, dirRel) : w.root;
  let names: Buffer[];
  try {
    if (Buffer.byteLength(absolute(dir), 'latin1') >= PATH_MAX) throw Object.assign(new Error('path too long'), { code: 'ENAMETOOLONG' });
    names = await readdir(fsPath(dir), { encoding: 'buffer' });
  } catch (e) {
    // The root itself is checked by the caller; a subfolder that cannot be read is reported.
    w.out.push(entry(w, dirRel, `cannot read this folder: ${describeFsError(e)}`));
    return;
  }
  const sorted = names.map((b) => b.toString('latin1')).sort();
  for (const name of sorted) {
    const rel = dirRel ? `${dirRel}/${name}` : name;
    if (name.startsWith('.') && !w.hidden) {
      w.hiddenCount++;
      continue;
    }
    const path = posix.join(w.root, rel);
    if (Buffer.byteLength(absolute(path), 'latin1') >= PATH_MAX) {
      // Too long to open, so whether it is a folder (and what it holds) cannot be known: reported whatever its name.
      w.out.push(entry(w, rel, `cannot read this path: ${describeFsError({ code: 'ENAMETOOLONG' })}`));
      continue;
    }
    // Each entry is examined at once, in turn: the pool's round trip for a stat cost more than the stat here.
    let link: Stats;
    try {
      link = lstatSync(fsPath(path));
    } catch (e) {
      w.out.push(entry(w, rel, describeFsError(e)));
      continue;
    }
    if (link.isDirectory()) {
      const key = `${link.dev}:${link.ino}`;
      if (w.visited.has(key)) continue;
      w.visited.add(key);
      await walk(w, rel);
      continue;
    }
    if (!link.isSymbolicLink()) {
      if (w.match(decodePath(rel))) w.out.push(entry(w, rel, undefined, link.isFile() ? foundOf(link) : undefined));
      continue;
    }
    // A link: where does it lead?
    const target = statOrError(path);
    if (target instanceof Error) {
      if (w.match(decodePath(rel))) w.out.push(entry(w, rel, target.code === 'ENOENT' ? 'no such file (a link that points nowhere)' : describeFsError(target)));
      continue;
    }
    const real = await realpath(fsPath(path)).then((b) => (b as unknown as Buffer).toString('latin1'), () => null);
    const inside = real !== null && isInside(real, w.rootReal);
    if (target.isDirectory()) {
      const key = `${target.dev}:${target.ino}`;
      if (w.visited.has(key)) continue; // a loop (`ln -s . loop`) or a folder already walked
      if (!inside) {
        w.out.push(entry(w, rel, `a link to a folder outside ${w.shownRoot}: not followed`));
        continue;
      }
      w.visited.add(key);
      await walk(w, rel);
      continue;
    }
    if (!w.match(decodePath(rel))) continue;
    w.out.push(inside ? entry(w, rel, undefined, target.isFile() ? foundOf(target) : undefined) : entry(w, rel, `a link to a file outside ${w.shownRoot}: not read`));
  }
}

async function walkRoot(root: BytePath, shownRoot: string, pattern: string, hidden: boolean): Promise<{ files: InputFile[]; hidden: number }> {
  const isMatch = picomatch(pattern, { nocase: true, dot: hidden });
  const rootReal = await realpath(fsPath(root)).then((b) => (b as unknown as Buffer).toString('latin1'));
  const rootStat = await stat(fsPath(root));
  const w: Walk = { root, rootReal, shownRoot, match: (rel) => isMatch(rel), hidden, visited: new Set([`${rootStat.dev}:${rootStat.ino}`]), out: [], hiddenCount: 0 };
  await walk(w, '');
  return { files: w.out, hidden: w.hiddenCount };
}

/** The paths of a --files-from list: one a line, or NUL-separated; read as bytes. */
function listedPaths(bytes: Buffer, nul: boolean): BytePath[] {
  const text = bytes.toString('latin1');
  if (nul) return text.split('\0').filter((p) => p.length > 0);
  return text
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

export async function expandInputs(args: string[], opts: ExpandOptions): Promise<Expanded> {
  const files: InputFile[] = [];
  let hidden = 0;
  let plainFiles = 0;
  let expansions = 0;
  const list = [...args];
  if (opts.filesFrom !== undefined) {
    const bytes = opts.filesFrom === '-' ? await opts.readStdin() : await readFile(fsPath(fromText(opts.filesFrom)));
    for (const p of listedPaths(bytes, opts.nul ?? false)) files.push({ path: p, display: decodePath(p), rel: mirrorPath(p) });
    expansions++;
  }
  if (list.length === 0 && opts.filesFrom === undefined) list.push('-');
  // Roots whose outputs would mirror only the path below them: with several, each keeps its own name.
  const roots = list.filter((a) => a !== '-').length;
  for (const arg of list) {
    if (arg === '-') {
      files.push({ path: '-', display: '-', rel: 'stdin' });
      plainFiles++;
      continue;
    }
    const bytes = fromText(arg);
    const info = statOrError(bytes);
    if (!(info instanceof Error) && info.isDirectory()) {
      expansions++;
      const found = await walkRoot(bytes, arg, opts.glob, opts.hidden ?? false);
      hidden += found.hidden;
      if (found.files.length === 0) files.push({ path: bytes, display: arg, rel: mirrorPath(bytes), error: `is a directory with no files matching ${opts.glob}` });
      const prefix = roots > 1 ? mirrorPath(bytes) : '';
      for (const f of found.files) files.push({ ...f, rel: prefix ? `${prefix}/${f.rel}` : f.rel });
      continue;
    }
    if (info instanceof Error && info.code === 'ENOENT' && GLOB_CHARS.test(arg)) {
      expansions++;
      const { base, rest } = splitGlob(arg);
      const baseBytes = fromText(base);
      const baseInfo = await stat(fsPath(baseBytes)).catch(() => null);
      const found = baseInfo?.isDirectory() ? await walkRoot(baseBytes, base, rest, opts.hidden ?? false) : { files: [], hidden: 0 };
      hidden += found.hidden;
      if (found.files.length === 0) files.push({ path: bytes, display: arg, rel: mirrorPath(bytes), error: 'no files match this pattern' });
      const prefix = roots > 1 ? mirrorPath(baseBytes) : '';
      for (const f of found.files) files.push({ ...f, rel: prefix ? `${prefix}/${f.rel}` : f.rel });
      continue;
    }
    plainFiles++;
    files.push({ path: bytes, display: arg, rel: mirrorPath(bytes), ...(!(info instanceof Error) && info.isFile() ? { found: foundOf(info) } : {}) });
  }
  return { files, single: plainFiles === 1 && expansions === 0 && files.length === 1, hidden };
}
