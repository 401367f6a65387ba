/**
 * One input file → its output: read, extract, format, and (with --out-dir)
 * write atomically. Runs in a worker thread or in the main thread alike.
 */
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { InputError } from '../core.js';
import type { StreamedDocument } from '../core.js';
import { fileText, streamFile, type InputResources } from '../input/index.js';
import type { Encoding, InputFormat } from '../schema/index.js';
import { documentParts, encodeEach, prepareFormat, streamParts, type Format, type Table } from '../format/index.js';
import { decodeBytes } from '../decode/index.js';
import { applyLexicon, type UserLexicon } from '../lexicon/user.js';
import { describeFsError, writeAtomic } from './fsutil.js';
import { fsPath, type BytePath } from './paths.js';
import { nodeCrypto } from './builtins.js';

export interface TaskOptions {
  format: Format;
  table: Table;
  bom: boolean;
  encoding?: Encoding | undefined;
  year?: number | undefined;
  maxSize: number;
  skipExisting: boolean;
  /** Compute the sha256 of every input and output (for --manifest). */
  hashes: boolean;
  /** `--input-format`: read every input as this format instead of sniffing. */
  inputFormat?: InputFormat | undefined;
  /** `--text-only`: write the text each input is read as, not a Document. */
  textOnly?: boolean | undefined;
  /** The tool's version (printed on review pages and Label Studio tasks). */
  version?: string | undefined;
  /** A table was asked for: NDJSON writes its rows. */
  rows?: boolean | undefined;
  /** `--lexicon`: the user's words, taken into the tables of whichever thread runs the task. */
  lexicon?: UserLexicon | undefined;
}

/** pdf.js's character maps, from pdfjs-dist's own folder (read only when a PDF needs one). */
let cmapDir: string | null = null;
export const RESOURCES: InputResources = {
  async readCMap(filename: string) {
    cmapDir ??= join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'cmaps');
    if (!/^[\w.+-]+$/.test(filename)) throw new Error(`bad CMap name ${filename}`);
    return new Uint8Array(await readFile(join(cmapDir, filename)));
  },
};

export interface TaskInput {
  /** Bytes of the path (see paths.ts). */
  path: BytePath;
  /** As shown in messages and in the Document's `file`. */
  display: string;
  /** With --out-dir: where this input's output goes (bytes). */
  outPath?: BytePath | undefined;
  /** The output path as messages show it. */
  outDisplay?: string | undefined;
  /** With --skip-existing and a manifest: skip when the input and output still have these hashes. */
  unchanged?: { sha256: string; outputSha256: string } | undefined;
}

export interface TaskResult {
  status: 'ok' | 'failed' | 'skipped';
  display: string;
  /** Output for the shared stream (stdout or -o) as UTF-8 parts; absent with --out-dir, and when the parts went to a sink as they were made (see Pool.run). */
  chunk?: Uint8Array[];
  bytes: number;
  records: number;
  warnings: number;
  encoding?: Encoding;
  error?: string;
  /** Why an input was skipped. */
  reason?: string;
  sha256?: string;
  outputSha256?: string;
}

const sha256 = (parts: Iterable<Uint8Array | string>) => {
  const h = nodeCrypto().createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest('hex');
};

/** Where in the bytes a decode error sits, as a line number. */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

export function inputErrorMessage(e: InputError, bytes: Uint8Array | null): string {
  if (e.offset !== undefined && bytes && e.code === 'decode') return `${e.message}, line ${lineAt(bytes, e.offset)}`;
  return e.message;
}

/** One input's bytes as a streamed Document: its records are built as the writer reads them. */
export function streamFromBytes(bytes: Uint8Array, display: string, o: TaskOptions): Promise<StreamedDocument> {
  if (o.lexicon) applyLexicon(o.lexicon);
  return streamFile(bytes, { file: display, name: display, encoding: o.encoding, year: o.year, maxSize: o.maxSize, format: o.inputFormat, resources: RESOURCES });
}

/** One input's bytes opened for extraction: its streamed Document, or the failed result that says why. */
export async function extractOrFail(bytes: Uint8Array, display: string, o: TaskOptions): Promise<{ doc: StreamedDocument } | { failed: TaskResult }> {
  try {
    return { doc: await streamFromBytes(bytes, display, o) };
  } catch (e) {
    if (e instanceof InputError) return { failed: { display, bytes: bytes.length, records: 0, warnings: 0, status: 'failed', error: inputErrorMessage(e, bytes) } };
    throw e;
  }
}

/** `--text-only`: the text an input is read as, or the failed result. */
async function textOrFail(bytes: Uint8Array, display: string, o: TaskOptions): Promise<{ text: string } | { failed: TaskResult }> {
  try {
    return { text: (await fileText(bytes, { name: display, encoding: o.encoding, format: o.inputFormat, resources: RESOURCES })).text };
  } catch (e) {
    if (e instanceof InputError) return { failed: { display, bytes: bytes.length, records: 0, warnings: 0, status: 'failed', error: inputErrorMessage(e, bytes) } };
    throw e;
  }
}

/**
 * The output of one input, as parts made when they are read: its Document
 * formatted record by record, or (with --text-only) its text. `result` is the
 * input's row once every part has been read.
 */
interface Output {
  parts: Iterable<string>;
  result: () => TaskResult;
}

async function outputOf(bytes: Uint8Array, display: string, o: TaskOptions, whole: boolean): Promise<Output | { failed: TaskResult }> {
  if (o.textOnly) {
    const t = await textOrFail(bytes, display, o);
    if ('failed' in t) return t;
    const text = t.text.endsWith('\n') || t.text.length === 0 ? t.text : t.text + '\n';
    const size = bytes.length;
    return { parts: [text], result: () => ({ display, status: 'ok', bytes: size, records: 0, warnings: 0 }) };
  }
  const extracted = await extractOrFail(bytes, display, o);
  if ('failed' in extracted) return extracted;
  // The review page and Label Studio tasks show the text as read: a text input's, decoded as the extraction decoded it.
  await prepareFormat(o.format);
  const streamed = extracted.doc;
  const needsSource = (o.format === 'html' || o.format === 'label-studio') && streamed.doc.text === undefined;
  const source = needsSource ? decodeBytes(bytes, { encoding: o.encoding }).text : undefined;
  const fo = { table: o.table, bom: o.bom, source, version: o.version, rows: o.rows };
  const parts = whole ? documentParts(streamed, o.format, fo) : streamParts(streamed, o.format, fo);
  const size = bytes.length;
  return { parts, result: () => okResult(streamed, display, size) };
}

/** The result row of a converted input (its records all read). */
export function okResult(s: StreamedDocument, display: string, bytes: number): TaskResult {
  return { display, status: 'ok', bytes, records: s.count, warnings: s.doc.warnings.length, encoding: s.doc.encoding };
}

/** An error thrown by the extraction while the output was being written: not a write error. */
class ExtractionFailed extends Error {
  constructor(readonly inner: unknown) {
    super('the extraction failed while its output was written');
  }
}

/** The parts as they are read, each passed to `see` (the output's hash); an error of the extraction comes out as ExtractionFailed. */
function* watched(parts: Iterable<string>, see?: (part: string) => void): Generator<string> {
  const it = parts[Symbol.iterator]();
  for (;;) {
    let next: IteratorResult<string>;
    try {
      next = it.next();
    } catch (e) {
      throw new ExtractionFailed(e);
    }
    if (next.done) return;
    see?.(next.value);
    yield next.value;
  }
}

/**
 * Where a task's output for the shared stream goes as it is made, about a
 * megabyte at a time, instead of into the result (the command line holds it
 * until the input's turn comes, on disk when it grows large: see held.ts).
 */
export type Sink = (part: Uint8Array) => void;

/**
 * Bytes already read (stdin, or a file) → the result, with the output for the
 * shared stream: in `chunk`, or given to `sink` part by part (the parts then
 * count only once the result says ok). `inputSha`: the input's hash, when the
 * caller took it already.
 */
export async function convertBytes(bytes: Uint8Array, display: string, o: TaskOptions, sink?: Sink, inputSha = o.hashes ? sha256([bytes]) : undefined): Promise<TaskResult> {
  const out = await outputOf(bytes, display, o, false);
  // The input is read (and decoded): its bytes need not stay while its output is made.
  bytes = NO_BYTES;
  if ('failed' in out) return out.failed;
  const hash = o.hashes ? nodeCrypto().createHash('sha256') : null;
  const chunk: Uint8Array[] = [];
  encodeEach(out.parts, (part) => {
    hash?.update(part);
    if (sink) sink(part);
    else chunk.push(part);
  });
  const result = out.result();
  if (!sink) result.chunk = chunk;
  if (hash) {
    result.sha256 = inputSha;
    result.outputSha256 = hash.digest('hex');
  }
  return result;
}

const NO_BYTES = new Uint8Array(0);

export async function runTask(input: TaskInput, o: TaskOptions, sink?: Sink): Promise<TaskResult> {
  const base = { display: input.display, bytes: 0, records: 0, warnings: 0 };
  let bytes: Uint8Array;
  try {
    const info = await stat(fsPath(input.path));
    if (info.isDirectory()) return { ...base, status: 'failed', error: 'is a directory, not a file' };
    if (!info.isFile()) return { ...base, status: 'failed', error: 'not a regular file' };
    if (info.size > o.maxSize) {
      return { ...base, status: 'failed', bytes: info.size, error: `file too large: ${info.size} bytes exceeds --max-size ${o.maxSize}` };
    }
    if (input.outPath && o.skipExisting && !input.unchanged && !o.hashes) {
      const out = await stat(fsPath(input.outPath)).catch(() => null);
      if (out && out.mtimeMs >= info.mtimeMs) return { ...base, status: 'skipped', bytes: info.size, reason: 'output newer than input' };
    }
    bytes = await readFile(fsPath(input.path));
  } catch (e) {
    return { ...base, status: 'failed', error: describeFsError(e) };
  }
  if (bytes.length > o.maxSize) return { ...base, status: 'failed', bytes: bytes.length, error: `file too large: ${bytes.length} bytes exceeds --max-size ${o.maxSize}` };
  const inputSha = o.hashes ? sha256([bytes]) : undefined;
  if (input.outPath && input.unchanged && inputSha === input.unchanged.sha256) {
    const previous = await readFile(fsPath(input.outPath)).catch(() => null);
    if (previous && sha256([previous]) === input.unchanged.outputSha256) {
      return { ...base, status: 'skipped', bytes: bytes.length, reason: 'unchanged since the manifest', sha256: inputSha, outputSha256: input.unchanged.outputSha256 };
    }
  }
  if (!input.outPath) return convertBytes(bytes, input.display, o, sink, inputSha);
  const out = await outputOf(bytes, input.display, o, true);
  bytes = NO_BYTES;
  if ('failed' in out) return out.failed;
  // The output is written as it is made, each record let go once written; the hash is taken on the way.
  const hash = inputSha ? nodeCrypto().createHash('sha256') : null;
  try {
    await writeAtomic(input.outPath, watched(out.parts, hash ? (p) => hash.update(p) : undefined));
  } catch (e) {
    if (e instanceof ExtractionFailed) throw e.inner;
    return { ...out.result(), status: 'failed', error: `cannot write ${input.outDisplay ?? 'the output'}: ${describeFsError(e)}` };
  }
  const result = out.result();
  if (inputSha && hash) {
    result.sha256 = inputSha;
    result.outputSha256 = hash.digest('hex');
  }
  return result;
}
