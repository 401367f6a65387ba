/**
 * The run manifest (--manifest FILE): one NDJSON line per input with its size,
 * the sha256 of the input and of its output, its status and the options that
 * made the output. With --skip-existing, an input whose bytes, output and
 * options are those of its line is skipped: a copy with an old modification
 * time (`cp -p`) or a run with another --year is converted again.
 */
import { readFile } from 'node:fs/promises';
import { fsPath, fromText } from './paths.js';

export interface ManifestLine {
  /** The input as the run named it. */
  path: string;
  /** Its absolute path, by which a later run finds the line. */
  absolutePath: string;
  size: number | null;
  sha256: string | null;
  output: string | null;
  outputSha256: string | null;
  status: 'ok' | 'failed' | 'skipped';
  error?: string;
  /** What the output depends on besides the input's bytes. */
  options: { [key: string]: string | number | boolean | null };
}

/** The lines of an earlier manifest by absolute path; a missing file is an empty manifest, a damaged line is ignored. */
export async function readManifest(path: string): Promise<Map<string, ManifestLine>> {
  const text = await readFile(fsPath(fromText(path)), 'utf8').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return '';
    throw e;
  });
  const lines = new Map<string, ManifestLine>();
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const m = JSON.parse(line) as ManifestLine;
      if (typeof m.absolutePath === 'string') lines.set(m.absolutePath, m);
    } catch {
      // a line cut short by a full disk: that input is simply converted again
    }
  }
  return lines;
}

/** Do two option sets make the same output? */
export function sameOptions(a: ManifestLine['options'], b: ManifestLine['options']): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if (a[k] !== b[k]) return false;
  return true;
}

export function manifestText(lines: Iterable<ManifestLine>): string {
  let out = '';
  for (const l of lines) out += JSON.stringify(l) + '\n';
  return out;
}
