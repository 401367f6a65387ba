/**
 * Every option of `briefing extract`, declared once: this table feeds
 * commander (and so --help), and the README's option list is checked against
 * it. `checkFlags` turns the strings commander hands over into checked values;
 * a bad one is a UsageError naming the option (exit 2).
 */
import { availableParallelism } from 'node:os';
import { parseEncodingName } from '../decode/index.js';
import { FORMATS, TABLES, type Format, type Table } from '../format/names.js';
import type { Encoding, InputFormat } from '../schema/index.js';
import { UsageError } from './io.js';

export interface OptionSpec {
  flags: string;
  description: string;
  default?: string | boolean | number;
}

/** At most the largest file the bench converts in each format (64 MB; core.ts). */
export const DEFAULT_MAX_SIZE = '64m';
/** The files a folder input gives: every format briefing reads. */
export const DEFAULT_GLOB = '**/*.{txt,pdf,docx,doc,html,htm}';
export const INPUT_FORMATS = ['auto', 'text', 'pdf', 'docx', 'doc', 'html'] as const;

export const EXTRACT_OPTIONS: OptionSpec[] = [
  { flags: '-f, --format <format>', description: 'output format: json, ndjson, csv, html (a review page) or label-studio (tasks with predictions); json by default, csv when --table is given' },
  { flags: '--label-config', description: 'print the Label Studio labeling config for -f label-studio tasks, and exit' },
  { flags: '-t, --table <table>', description: 'the table to write (implies csv; also with -f ndjson): records, people, parties, agreements, institutions, dates, edges or documents' },
  { flags: '--bom', description: 'CSV for Excel: a UTF-8 byte-order mark, an apostrophe before cells Excel would take for formulas (--08-18), and cells holding ";" quoted' },
  { flags: '-o, --output <file>', description: 'write the output to FILE ("-" for stdout): a regular file is replaced atomically, a device or FIFO written through' },
  { flags: '--out-dir <dir>', description: 'one output per input under DIR, mirroring the input paths' },
  { flags: '--glob <pattern>', description: 'files to take from a folder input (matched case-insensitively)', default: DEFAULT_GLOB },
  { flags: '--hidden', description: 'also take hidden files and folders (names starting with ".") from folder inputs' },
  { flags: '--files-from <file>', description: 'read input paths from FILE ("-" for stdin), one a line' },
  { flags: '--null', description: 'with --files-from: paths are separated by NUL bytes (find -print0)' },
  { flags: '--shard <i/n>', description: 'take only the inputs whose path hashes to shard i of n (0 ≤ i < n)' },
  { flags: '--input-format <format>', description: 'read inputs as: auto (by their signature), text, pdf, docx, doc or html', default: 'auto' },
  { flags: '--text-only', description: 'write the text each input is read as (for PDF, Word and HTML: the text every span indexes), not a Document' },
  { flags: '--lexicon <file>', description: "your own words (JSON or YAML): aliases (山大: 山东大学), unit endings, section headings, agreement words" },
  { flags: '--encoding <name>', description: 'force the input encoding: utf-8, gb18030 (gbk), utf-16le, utf-16be, big5' },
  { flags: '--year <year>', description: 'base year for dates whose year is printed nowhere' },
  { flags: '--max-size <bytes>', description: 'refuse inputs (files and stdin) larger than this (suffixes k, m, g)', default: DEFAULT_MAX_SIZE },
  { flags: '-j, --jobs <n>', description: 'threads that extract (the main thread and n - 1 workers)', default: String(availableParallelism()) },
  { flags: '--timeout-per-file <seconds>', description: 'report a file that takes longer as failed, and replace its worker' },
  { flags: '-q, --quiet', description: 'no progress line and no summary on stderr' },
  { flags: '--report <file>', description: 'write a JSON run report (per file: status, encoding, records, warnings, error)' },
  { flags: '--manifest <file>', description: 'write one NDJSON line per input (path, size, sha256 of input and output, status, options); with --skip-existing, skip by those hashes' },
  { flags: '--fail-fast', description: 'stop at the first file that fails' },
  { flags: '--skip-existing', description: 'with --out-dir: skip inputs whose output is newer than the input (or, with --manifest, unchanged by hash)' },
];

export interface ExtractFlags {
  format?: string;
  table?: string;
  bom?: boolean;
  output?: string;
  outDir?: string;
  glob: string;
  hidden?: boolean;
  filesFrom?: string;
  null?: boolean;
  shard?: string;
  inputFormat?: string;
  textOnly?: boolean;
  labelConfig?: boolean;
  lexicon?: string;
  encoding?: string;
  year?: string;
  maxSize: string;
  jobs: string;
  timeoutPerFile?: string;
  quiet?: boolean;
  report?: string;
  manifest?: string;
  failFast?: boolean;
  skipExisting?: boolean;
}

export interface Checked {
  format: Format;
  table: Table;
  bom: boolean;
  encoding: Encoding | undefined;
  year: number | undefined;
  maxSize: number;
  jobs: number;
  timeoutMs: number | undefined;
  shard: { index: number; count: number } | undefined;
  inputFormat: InputFormat | undefined;
  textOnly: boolean;
  /** A table was asked for (`-f ndjson -t …` then writes its rows). */
  rows: boolean;
}

/** `256m` → bytes, or null. */
export function parseSize(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]?)b?$/i.exec(text.trim());
  if (!m) return null;
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Math.floor(Number(m[1]) * unit);
}

/** A whole number written in decimal digits only (`0x10`, `1e1`, `+3`, ` 2` are not). */
const DECIMAL = /^[0-9]+$/;

export function checkFlags(flags: ExtractFlags): Checked {
  const formatName = flags.format?.toLowerCase() ?? (flags.table !== undefined ? 'csv' : 'json');
  if (!(FORMATS as readonly string[]).includes(formatName)) throw new UsageError(`unknown --format "${flags.format}" (json, ndjson, csv, html or label-studio)`);
  const tableName = flags.table?.toLowerCase() ?? 'records';
  if (!(TABLES as readonly string[]).includes(tableName)) throw new UsageError(`unknown --table "${flags.table}" (${TABLES.join(', ')})`);
  if (flags.table !== undefined && formatName !== 'csv' && formatName !== 'ndjson') throw new UsageError(`--table goes with --format csv or ndjson, not ${formatName}`);
  if (flags.bom && formatName !== 'csv') throw new UsageError(`--bom goes with --format csv, not ${formatName}`);
  let encoding: Encoding | undefined;
  if (flags.encoding !== undefined) {
    try {
      encoding = parseEncodingName(flags.encoding);
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
  }
  let year: number | undefined;
  if (flags.year !== undefined) {
    if (!/^[1-9]\d{3}$/.test(flags.year)) throw new UsageError(`--year takes a four-digit year such as 2024, not "${flags.year}"`);
    year = Number(flags.year);
  }
  const maxSize = parseSize(flags.maxSize);
  if (maxSize === null || maxSize <= 0) throw new UsageError(`--max-size takes a size like 256m, not "${flags.maxSize}"`);
  const jobs = DECIMAL.test(flags.jobs) ? Number(flags.jobs) : NaN;
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 256) throw new UsageError(`--jobs takes a whole number from 1 to 256, not "${flags.jobs}"`);
  let timeoutMs: number | undefined;
  if (flags.timeoutPerFile !== undefined) {
    const s = /^\d+(?:\.\d+)?$/.test(flags.timeoutPerFile) ? Number(flags.timeoutPerFile) : NaN;
    if (!(s > 0) || s > 86400) throw new UsageError(`--timeout-per-file takes seconds, more than 0 and at most 86400, not "${flags.timeoutPerFile}"`);
    timeoutMs = Math.round(s * 1000);
  }
  let shard: Checked['shard'];
  if (flags.shard !== undefined) {
    const m = /^([0-9]+)\/([0-9]+)$/.exec(flags.shard);
    const index = m ? Number(m[1]) : NaN;
    const count = m ? Number(m[2]) : NaN;
    if (!m || !(count >= 1) || !(index < count)) throw new UsageError(`--shard takes I/N with 0 ≤ I < N (such as 0/4), not "${flags.shard}"`);
    shard = { index, count };
  }
  for (const [name, value] of [['--out-dir', flags.outDir], ['--glob', flags.glob], ['-o', flags.output], ['--report', flags.report], ['--manifest', flags.manifest], ['--files-from', flags.filesFrom]] as const) {
    if (value !== undefined && value.trim() === '') throw new UsageError(`${name} takes a non-empty value`);
  }
  if (flags.output !== undefined && flags.outDir !== undefined) throw new UsageError('use -o or --out-dir, not both');
  if (flags.skipExisting && flags.outDir === undefined) throw new UsageError('--skip-existing goes with --out-dir');
  if (flags.null && flags.filesFrom === undefined) throw new UsageError('--null goes with --files-from');
  const inputName = (flags.inputFormat ?? 'auto').toLowerCase();
  if (!(INPUT_FORMATS as readonly string[]).includes(inputName)) throw new UsageError(`unknown --input-format "${flags.inputFormat}" (${INPUT_FORMATS.join(', ')})`);
  const inputFormat = inputName === 'auto' ? undefined : (inputName as InputFormat);
  const textOnly = flags.textOnly ?? false;
  if (textOnly && (flags.format !== undefined || flags.table !== undefined || flags.bom)) throw new UsageError('--text-only writes text: it goes with no --format, --table or --bom');
  return { format: formatName as Format, table: tableName as Table, bom: flags.bom ?? false, encoding, year, maxSize, jobs, timeoutMs, shard, inputFormat, textOnly, rows: flags.table !== undefined };
}
