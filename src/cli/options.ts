/**
 * Every option of `briefing extract`, declared once: this table feeds
 * commander (and so --help) and the README's option list is checked against it.
 */
import { availableParallelism } from 'node:os';

export interface OptionSpec {
  flags: string;
  description: string;
  default?: string | boolean | number;
}

export const EXTRACT_OPTIONS: OptionSpec[] = [
  { flags: '-f, --format <format>', description: 'output format: json, ndjson or csv', default: 'json' },
  { flags: '-t, --table <table>', description: 'CSV table: records, people, parties or agreements', default: 'records' },
  { flags: '--bom', description: 'CSV for Excel: a UTF-8 byte-order mark, and an apostrophe before cells Excel would take for formulas (--08-18)' },
  { flags: '-o, --output <file>', description: 'write the output to FILE (atomically) instead of stdout' },
  { flags: '--out-dir <dir>', description: 'one output per input under DIR, mirroring the input tree' },
  { flags: '--glob <pattern>', description: 'files to take from a folder input', default: '**/*.txt' },
  { flags: '--files-from <file>', description: 'read input paths, one a line, from FILE ("-" for stdin)' },
  { flags: '--encoding <name>', description: 'force the input encoding: utf-8, gb18030 (gbk), utf-16le, utf-16be, big5' },
  { flags: '--year <year>', description: 'base year for dates whose year is printed nowhere' },
  { flags: '--max-size <bytes>', description: 'refuse input files larger than this (suffixes k, m, g)', default: '256m' },
  { flags: '-j, --jobs <n>', description: 'threads that extract (the main thread and n - 1 workers)', default: String(availableParallelism()) },
  { flags: '-q, --quiet', description: 'no progress line and no summary on stderr' },
  { flags: '--report <file>', description: 'write a JSON run report (per file: status, encoding, records, warnings, error)' },
  { flags: '--fail-fast', description: 'stop at the first file that fails' },
  { flags: '--skip-existing', description: 'with --out-dir: skip inputs whose output is newer than the input' },
];

export interface ExtractFlags {
  format: string;
  table: string;
  bom?: boolean;
  output?: string;
  outDir?: string;
  glob: string;
  filesFrom?: string;
  encoding?: string;
  year?: string;
  maxSize: string;
  jobs: string;
  quiet?: boolean;
  report?: string;
  failFast?: boolean;
  skipExisting?: boolean;
}

/** `256m` → bytes. */
export function parseSize(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]?)b?$/i.exec(text.trim());
  if (!m) return null;
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Math.floor(Number(m[1]) * unit);
}
