/**
 * Paths as the file system holds them: bytes. A file name need not be UTF-8
 * (archives copied from Windows machines carry GBK names), so the command line
 * keeps every path as a "byte string" — one character per byte (latin1) — and
 * hands the file system a Buffer of those bytes. Joining and normalising work
 * on byte strings as on any path: `/` is one byte in UTF-8 and in GBK alike.
 * Names are decoded for display only (UTF-8, else GB18030), with control
 * characters escaped so that a name cannot retitle the terminal.
 */
import { createRequire } from 'node:module';
import { posix } from 'node:path';

/** A path, one character per byte. */
export type BytePath = string;

export const fromText = (text: string): BytePath => Buffer.from(text, 'utf8').toString('latin1');
export const fsPath = (p: BytePath): Buffer => Buffer.from(p, 'latin1');

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The path as a reader sees it: its bytes decoded as UTF-8, else as GB18030. */
export function decodePath(p: BytePath): string {
  const bytes = fsPath(p);
  try {
    return strictUtf8.decode(bytes);
  } catch {
    // iconv-lite only for a name that is not UTF-8 (start-up stays light).
    const iconv = createRequire(import.meta.url)('iconv-lite') as typeof import('iconv-lite');
    return iconv.decode(bytes, 'gb18030');
  }
}

/**
 * Control characters (C0, DEL, C1) and the bidirectional overrides escaped as
 * `\xHH` / `\uHHHH`: what a message on stderr shows of a name.
 */
export function escapeControls(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** The byte string of the working directory. */
export const cwdBytes = (): BytePath => fromText(process.cwd());

/** An absolute, normalised byte path. */
export function absolute(p: BytePath, base: BytePath = cwdBytes()): BytePath {
  return posix.isAbsolute(p) ? posix.normalize(p) : posix.normalize(posix.join(base, p));
}

/** Is `p` inside `dir` (both absolute and normalised), or `dir` itself? */
export function isInside(p: BytePath, dir: BytePath): boolean {
  if (dir === '/') return p.startsWith('/');
  return p === dir || p.startsWith(dir.endsWith('/') ? dir : dir + '/');
}

/**
 * The relative path an output mirrors for an input named `p`: normalised, with
 * any root and leading `..` dropped (`./../../a/b.txt` → `a/b.txt`, `/x/a.txt` →
 * `x/a.txt`), so that it can never climb out of the output folder.
 */
export function mirrorPath(p: BytePath): BytePath {
  const parts = posix.normalize(p).split('/').filter((s) => s !== '' && s !== '.');
  while (parts[0] === '..') parts.shift();
  return parts.filter((s) => s !== '..').join('/');
}

/** `a/b.txt` → `a/b` + ext; a name without an extension (or a dot file) keeps its whole name. */
export function replaceExtension(rel: BytePath, ext: string): BytePath {
  const slash = rel.lastIndexOf('/');
  const dot = rel.lastIndexOf('.');
  // A text file's extension gives way (`a.txt` → `a.json`); another format's stays, so that
  // `a.pdf` and `a.docx` beside each other give `a.pdf.json` and `a.docx.json`, never one output.
  const keep = dot > slash + 1 && !/^\.(?:txt|text)$/i.test(rel.slice(dot));
  const stem = dot > slash + 1 && !keep ? rel.slice(0, dot) : rel;
  return stem + ext;
}
