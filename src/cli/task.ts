/**
 * One input file → its output: read, extract, format, and (with --out-dir)
 * write atomically. Runs in a worker thread or in the main thread alike.
 */
import { readFileSync, statSync, type Stats } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { InputError, decodeInput, streamText } from '../core.js';
import type { DecodedInput, StreamedDocument } from '../core.js';
import { fileText, sniffFormat, streamFile, type FileOptions, type InputResources } from '../input/index.js';
import type { Encoding, InputFormat } from '../schema/index.js';
import { documentParts, encodeEach, prepareFormat, streamParts, type Format, type Table } from '../format/index.js';
import { decodeBytes } from '../decode/index.js';
import { applyLexicon, type UserLexicon } from '../lexicon/user.js';
import { describeFsError, statOrError, writeAtomic } from './fsutil.js';
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

/**
 * An input's bytes, held where the task's functions can let them go: a text
 * input's bytes are not needed once it is decoded, and a large one's (as many
 * bytes as its text holds characters, or more) would otherwise stay while its
 * whole layout is read, since every function on the way holds what it was
 * passed. The functions below pass the holder, never the bytes themselves.
 */
export class InputBytes {
  readonly length: number;
  private held: Uint8Array | null;

  constructor(bytes: Uint8Array) {
    this.held = bytes;
    this.length = bytes.length;
  }

  /** The bytes; throws once they were let go (a reader that came too late is a bug). */
  get bytes(): Uint8Array {
    if (this.held === null) throw new Error("the input's bytes were read after they were let go");
    return this.held;
  }

  /** The bytes, or null once let go. */
  peek(): Uint8Array | null {
    return this.held;
  }

  release(): void {
    this.held = null;
  }

  /** Their SHA-256, in hex (here, so the caller's frame never holds the bytes). */
  sha256(): string {
    return sha256([this.bytes]);
  }
}

/**
 * A file's bytes, read into a holder: the caller never has the bytes in a
 * frame of its own (an interpreted frame keeps what its registers last held).
 */
export async function readInput(path: BytePath, size: number): Promise<InputBytes> {
  if (size >= OUTSIDE_MALLOC_AT) {
    const bytes = await readOutsideMalloc(path, size);
    if (bytes) return new InputBytes(bytes);
    return new InputBytes(await readFile(fsPath(path)));
  }
  // A small file is read at once, in this thread: see statInput.
  return new InputBytes(readFileSync(fsPath(path)));
}

/**
 * An input's stat, taken at once in this thread. A file of an archive is
 * mostly a few kilobytes: the thread pool's stat and read of one (five round
 * trips to it: stat, open, fstat, read, close) cost some 250–350 µs of CPU
 * here and 20–30 µs read at once, on 2,000 files of 2–6 KB (a fifth of the
 * time each took to extract). A thread that extracts has nothing else to do
 * meanwhile (this one answers its workers between extractions, and they hold
 * tasks ahead); a large file is still read through the pool (readOutsideMalloc).
 */
export function statInput(path: BytePath): Stats {
  return statSync(fsPath(path));
}

/** Inputs at least this large are read into memory of their own (see readOutsideMalloc). */
export const OUTSIDE_MALLOC_AT = 1024 * 1024;

/**
 * A large file's bytes in a WebAssembly memory, which V8 maps from the system
 * itself, rather than in a Buffer, which comes from the C library's malloc; or
 * null when no such memory can be had (an address-space limit) or the file
 * changed size under the read: the caller reads it as usual.
 *
 * glibc serves a block this large with a mapping of its own, and when that
 * block is freed it raises the size it maps from then on to the block's size
 * (here, the input's), and lets each thread's arena keep up to twice that
 * free before giving memory back. Every smaller block after it, in every
 * thread (V8's compiler zones, Node's buffers), then came from arenas that
 * kept what they once held: one 20 MB file peaked about 30 MB higher than
 * with the threshold fixed (MALLOC_MMAP_THRESHOLD_, which only the
 * environment can set, before the process starts).
 */
export async function readOutsideMalloc(path: BytePath, size: number): Promise<Uint8Array | null> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(new WebAssembly.Memory({ initial: Math.ceil((size + 1) / 65536) }).buffer, 0, size + 1);
  } catch {
    return null;
  }
  const handle = await open(fsPath(path), 'r');
  try {
    let at = 0;
    // One byte more than the size asks the file whether it grew since it was measured.
    while (at <= size) {
      const { bytesRead } = await handle.read(bytes, at, Math.min(size + 1 - at, 1 << 20), at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    return at === size ? bytes.subarray(0, size) : null;
  } finally {
    await handle.close();
  }
}

const streamOptions = (display: string, o: TaskOptions): FileOptions => ({ file: display, name: display, encoding: o.encoding, year: o.year, maxSize: o.maxSize, format: o.inputFormat, resources: RESOURCES });

/**
 * A text input decoded and its bytes let go, or the format of another input
 * (its adapter reads the bytes). A function of its own, so that no frame that
 * goes on to read the layout ever held the bytes.
 */
function decodeText(input: InputBytes, options: FileOptions): DecodedInput | { format: InputFormat } {
  const bytes = input.bytes;
  const format = options.format ?? sniffFormat(bytes, options.name ?? options.file);
  if (format !== 'text') return { format };
  const decoded = decodeInput(bytes, options);
  input.release();
  return decoded;
}

/**
 * One input's bytes as a streamed Document (its records are built as the
 * writer reads them) and, for a text input, the text it was decoded to.
 */
export async function streamFromBytes(input: InputBytes, display: string, o: TaskOptions): Promise<{ doc: StreamedDocument; text?: string }> {
  if (o.lexicon) applyLexicon(o.lexicon);
  const options = streamOptions(display, o);
  const decoded = decodeText(input, options);
  // Another format, sniffed once: the adapter is told it.
  if ('format' in decoded) return { doc: await streamFile(input.bytes, { ...options, format: decoded.format }) };
  return { doc: streamText(decoded.text, decoded.encoding, options, { closing: decoded.closing }), text: decoded.text };
}

/** One input's bytes opened for extraction: its streamed Document, or the failed result that says why. */
export async function extractOrFail(input: InputBytes, display: string, o: TaskOptions): Promise<{ doc: StreamedDocument; text?: string } | { failed: TaskResult }> {
  try {
    return await streamFromBytes(input, display, o);
  } catch (e) {
    // A decoding error comes before the bytes are let go: its line number is read from them.
    if (e instanceof InputError) return { failed: { display, bytes: input.length, records: 0, warnings: 0, status: 'failed', error: inputErrorMessage(e, input.peek()) } };
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

async function outputOf(input: InputBytes, display: string, o: TaskOptions, whole: boolean): Promise<Output | { failed: TaskResult }> {
  const size = input.length;
  if (o.textOnly) {
    const t = await textOrFail(input.bytes, display, o);
    if ('failed' in t) return t;
    const text = t.text.endsWith('\n') || t.text.length === 0 ? t.text : t.text + '\n';
    return { parts: [text], result: () => ({ display, status: 'ok', bytes: size, records: 0, warnings: 0 }) };
  }
  const extracted = await extractOrFail(input, display, o);
  if ('failed' in extracted) return extracted;
  // The review page and Label Studio tasks show the text as read: a text input's, decoded as the extraction decoded it.
  await prepareFormat(o.format);
  const streamed = extracted.doc;
  const needsSource = (o.format === 'html' || o.format === 'label-studio') && streamed.doc.text === undefined;
  const source = needsSource ? (extracted.text ?? decodeBytes(input.bytes, { encoding: o.encoding }).text) : undefined;
  const fo = { table: o.table, bom: o.bom, source, version: o.version, rows: o.rows };
  const parts = whole ? documentParts(streamed, o.format, fo) : streamParts(streamed, o.format, fo);
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
export async function convertBytes(input: InputBytes, display: string, o: TaskOptions, sink?: Sink, inputSha = o.hashes ? input.sha256() : undefined): Promise<TaskResult> {
  const out = await outputOf(input, display, o, false);
  // The input is read (and decoded): its bytes need not stay while its output is made.
  input.release();
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

export async function runTask(input: TaskInput, o: TaskOptions, sink?: Sink): Promise<TaskResult> {
  const base = { display: input.display, bytes: 0, records: 0, warnings: 0 };
  let held: InputBytes;
  try {
    const info = statInput(input.path);
    if (info.isDirectory()) return { ...base, status: 'failed', error: 'is a directory, not a file' };
    if (!info.isFile()) return { ...base, status: 'failed', error: 'not a regular file' };
    if (info.size > o.maxSize) {
      return { ...base, status: 'failed', bytes: info.size, error: `file too large: ${info.size} bytes exceeds --max-size ${o.maxSize}` };
    }
    if (input.outPath && o.skipExisting && !input.unchanged && !o.hashes) {
      const out = statOrError(input.outPath);
      if (!(out instanceof Error) && out.mtimeMs >= info.mtimeMs) return { ...base, status: 'skipped', bytes: info.size, reason: 'output newer than input' };
    }
    held = await readInput(input.path, info.size);
  } catch (e) {
    return { ...base, status: 'failed', error: describeFsError(e) };
  }
  if (held.length > o.maxSize) return { ...base, status: 'failed', bytes: held.length, error: `file too large: ${held.length} bytes exceeds --max-size ${o.maxSize}` };
  const inputSha = o.hashes ? held.sha256() : undefined;
  if (input.outPath && input.unchanged && inputSha === input.unchanged.sha256) {
    const previous = await readFile(fsPath(input.outPath)).catch(() => null);
    if (previous && sha256([previous]) === input.unchanged.outputSha256) {
      return { ...base, status: 'skipped', bytes: held.length, reason: 'unchanged since the manifest', sha256: inputSha, outputSha256: input.unchanged.outputSha256 };
    }
  }
  if (!input.outPath) return convertBytes(held, input.display, o, sink, inputSha);
  const out = await outputOf(held, input.display, o, true);
  held.release();
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
