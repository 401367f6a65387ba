/**
 * Turns the command line's inputs (files, folders, globs, --files-from, `-`)
 * into a list of files, each with the relative path its output mirrors.
 */
import { readFile, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';

export interface InputFile {
  /** Path to read ("-" for stdin). */
  path: string;
  /** Path as shown to the user and written to `file`. */
  display: string;
  /** Relative path under --out-dir (without the new extension). */
  rel: string;
  /** Set when the argument itself could not be resolved. */
  error?: string;
}

export interface Expanded {
  files: InputFile[];
  /** True when the command line named exactly one plain file (JSON then prints one Document, not an array). */
  single: boolean;
}

const GLOB_CHARS = /[*?[\]{}]/;

/** The fixed folder prefix of a glob (`data/2023/**` → `data/2023`). */
function globBase(pattern: string): string {
  const parts = pattern.split('/');
  const fixed: string[] = [];
  for (const p of parts) {
    if (GLOB_CHARS.test(p)) break;
    fixed.push(p);
  }
  return fixed.length === 0 ? '.' : fixed.join('/') || '/';
}

function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}

/**
 * Matches of a pattern, sorted. Everything that is not a folder is kept, so a
 * dangling link, a link loop or a special file shows up and gets reported
 * instead of vanishing silently.
 */
async function listMatches(pattern: string, cwd: string | null): Promise<string[]> {
  // Loaded only when a folder or glob is given: a single file starts faster without it.
  const { default: fg } = await import('fast-glob');
  const entries = await fg(pattern, { cwd: cwd ?? undefined, onlyFiles: false, dot: false, followSymbolicLinks: true, suppressErrors: true, objectMode: true });
  const kept: string[] = [];
  for (const e of entries) {
    if (e.dirent.isDirectory()) continue;
    if (e.dirent.isSymbolicLink()) {
      const target = await stat(cwd ? resolve(cwd, e.path) : e.path).catch(() => null);
      if (target?.isDirectory()) continue;
    }
    kept.push(e.path);
  }
  return kept.sort();
}

export async function expandInputs(args: string[], opts: { glob: string; filesFrom?: string | undefined; readStdin: () => Promise<string> }): Promise<Expanded> {
  const files: InputFile[] = [];
  let plainFiles = 0;
  let expansions = 0;
  const list = [...args];
  if (opts.filesFrom) {
    const text = opts.filesFrom === '-' ? await opts.readStdin() : await readFile(opts.filesFrom, 'utf8');
    for (const line of text.split(/\r?\n/)) {
      const p = line.trim();
      if (p) files.push({ path: p, display: p, rel: toPosix(p).replace(/^(\.\.\/)+|^\//, '') });
    }
    expansions++;
  }
  if (list.length === 0 && !opts.filesFrom) list.push('-');
  for (const arg of list) {
    if (arg === '-') {
      files.push({ path: '-', display: '-', rel: 'stdin' });
      plainFiles++;
      continue;
    }
    const info = await stat(arg).catch((e: NodeJS.ErrnoException) => e);
    if (!(info instanceof Error) && info.isDirectory()) {
      expansions++;
      const found = await listMatches(opts.glob, arg);
      if (found.length === 0) files.push({ path: arg, display: arg, rel: arg, error: `is a directory with no files matching ${opts.glob}` });
      for (const rel of found) {
        // Shown as the user would type it: the folder argument, then the path inside it.
        files.push({ path: resolve(arg, rel), display: toPosix(join(arg, rel)), rel });
      }
      continue;
    }
    if (info instanceof Error && GLOB_CHARS.test(arg)) {
      expansions++;
      const base = globBase(toPosix(arg));
      const found = await listMatches(toPosix(arg), null);
      if (found.length === 0) files.push({ path: arg, display: arg, rel: arg, error: 'no files match this pattern' });
      for (const p of found) files.push({ path: p, display: p, rel: toPosix(relative(base, p)) });
      continue;
    }
    plainFiles++;
    const rel = toPosix(arg).split('/').pop() ?? arg;
    files.push({ path: arg, display: arg, rel });
  }
  return { files, single: plainFiles === 1 && expansions === 0 && files.length === 1 };
}
