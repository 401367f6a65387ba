/** File-system helpers of the CLI: atomic writes and readable error reasons. */
import { statSync, type Stats } from 'node:fs';
import { chmod, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { posix } from 'node:path';
import { fsPath, type BytePath } from './paths.js';

let counter = 0;

/** Longest file name most file systems take, in bytes. */
const NAME_MAX = 255;

/**
 * A temp name beside `path` (bytes), so the final rename stays on one file
 * system: `.NAME.tmp-PID-N-RANDOM`, NAME shortened so that the whole stays
 * within NAME_MAX bytes.
 */
export function tempPathFor(path: BytePath): BytePath {
  counter++;
  const tail = `.tmp-${process.pid}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
  const name = posix.basename(path).slice(0, NAME_MAX - 1 - tail.length);
  return posix.join(posix.dirname(path), `.${name}${tail}`);
}

/**
 * Writes the whole file under a temp name, then renames: readers never see
 * half a file. `parts` are written one after another (a large output is never
 * one string). An existing file's permissions are kept.
 */
export async function writeAtomic(path: BytePath, parts: Iterable<string | Uint8Array> | string): Promise<void> {
  await mkdir(fsPath(posix.dirname(path)), { recursive: true });
  const tmp = tempPathFor(path);
  const handle = await open(fsPath(tmp), 'wx', 0o666);
  try {
    try {
      // Small parts (one a record) are gathered into writes of about a megabyte.
      let pending: string[] = [];
      let size = 0;
      for (const part of typeof parts === 'string' ? [parts] : parts) {
        if (typeof part !== 'string') {
          if (pending.length > 0) await handle.write(pending.join(''));
          pending = [];
          size = 0;
          await handle.write(part);
          continue;
        }
        pending.push(part);
        size += part.length;
        if (size >= 1 << 20) {
          await handle.write(pending.join(''));
          pending = [];
          size = 0;
        }
      }
      if (pending.length > 0) await handle.write(pending.join(''));
    } finally {
      await handle.close();
    }
    const before = await stat(fsPath(path)).catch(() => null);
    if (before?.isFile()) await chmod(fsPath(tmp), before.mode & 0o7777).catch(() => {});
    await rename(fsPath(tmp), fsPath(path));
  } catch (e) {
    await rm(fsPath(tmp), { force: true }).catch(() => {});
    throw e;
  }
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'too many levels of symbolic links (a symlink loop?)',
  ENOTDIR: 'a part of the path is not a directory',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files in the system',
  ENAMETOOLONG: 'path too long for the system to open (PATH_MAX or NAME_MAX)',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large for the file system',
  EIO: 'input/output error',
  EPIPE: 'the reader went away (broken pipe)',
  EXDEV: 'cannot move across file systems',
  EBUSY: 'resource busy',
  ETXTBSY: 'file busy',
  EEXIST: 'file exists',
};

/** A path's stat (following links), taken at once, or the error that says why there is none. */
export function statOrError(path: BytePath): Stats | NodeJS.ErrnoException {
  try {
    return statSync(fsPath(path));
  } catch (e) {
    return e as NodeJS.ErrnoException;
  }
}

export function describeFsError(e: unknown): string {
  const code = (e as { code?: string })?.code;
  if (code && REASONS[code]) return REASONS[code]!;
  return e instanceof Error ? e.message.split('\n')[0]! : String(e);
}
