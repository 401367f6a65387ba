/**
 * One input file → its output: read, extract, format, and (with --out-dir)
 * write atomically. Runs in a worker thread or in the main thread alike.
 */
import { readFile, stat } from 'node:fs/promises';
import { extractBriefing, InputError } from '../core.js';
import type { Document, Encoding } from '../schema/index.js';
import { formatDocument, csvRows, documentJson, ndjsonLines, type Format, type Table } from '../format/index.js';
import { describeFsError, writeAtomic } from './fsutil.js';

export interface TaskOptions {
  format: Format;
  table: Table;
  bom: boolean;
  encoding?: Encoding | undefined;
  year?: number | undefined;
  maxSize: number;
  /** With --out-dir: where this input's output goes. */
  outPath?: string | undefined;
  skipExisting: boolean;
}

export interface TaskInput {
  path: string;
  /** As shown in messages and in the Document's `file`. */
  display: string;
  outPath?: string | undefined;
}

export interface TaskResult {
  status: 'ok' | 'failed' | 'skipped';
  display: string;
  /** Output chunk for the shared stream (stdout or -o) as UTF-8, absent with --out-dir. */
  chunk?: Uint8Array;
  bytes: number;
  records: number;
  warnings: number;
  encoding?: Encoding;
  error?: string;
}

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

/** The part of the shared output stream that one document contributes. */
export function streamChunk(doc: Document, format: Format, table: Table, excel: boolean): string {
  switch (format) {
    case 'json':
      return documentJson(doc);
    case 'ndjson':
      return ndjsonLines(doc);
    case 'csv':
      return csvRows(doc, table, excel);
  }
}

export function extractFromBytes(bytes: Uint8Array, display: string, o: TaskOptions): Document {
  return extractBriefing(bytes, { file: display, encoding: o.encoding, year: o.year, maxSize: o.maxSize });
}

/** One input's bytes extracted: its Document, or the failed result that says why. */
export function extractOrFail(bytes: Uint8Array, display: string, o: TaskOptions): { doc: Document } | { failed: TaskResult } {
  try {
    return { doc: extractFromBytes(bytes, display, o) };
  } catch (e) {
    if (e instanceof InputError) return { failed: { display, bytes: bytes.length, records: 0, warnings: 0, status: 'failed', error: inputErrorMessage(e, bytes) } };
    throw e;
  }
}

/** The result row of a converted input. */
export function okResult(doc: Document, display: string, bytes: number): TaskResult {
  return { display, status: 'ok', bytes, records: doc.records.length, warnings: doc.warnings.length, encoding: doc.encoding };
}

export async function runTask(input: TaskInput, o: TaskOptions): Promise<TaskResult> {
  const base = { display: input.display, bytes: 0, records: 0, warnings: 0 };
  let bytes: Uint8Array | null = null;
  try {
    const info = await stat(input.path);
    if (info.isDirectory()) return { ...base, status: 'failed', error: 'is a directory, not a file' };
    if (!info.isFile()) return { ...base, status: 'failed', error: 'not a regular file' };
    if (info.size > o.maxSize) {
      return { ...base, status: 'failed', bytes: info.size, error: `file too large: ${info.size} bytes exceeds --max-size ${o.maxSize}` };
    }
    if (input.outPath && o.skipExisting) {
      const out = await stat(input.outPath).catch(() => null);
      if (out && out.mtimeMs >= info.mtimeMs) return { ...base, status: 'skipped', bytes: info.size };
    }
    bytes = await readFile(input.path);
  } catch (e) {
    return { ...base, status: 'failed', error: describeFsError(e) };
  }
  const extracted = extractOrFail(bytes, input.display, o);
  if ('failed' in extracted) return extracted.failed;
  const doc = extracted.doc;
  const result = okResult(doc, input.display, bytes.length);
  if (input.outPath) {
    try {
      await writeAtomic(input.outPath, formatDocument(doc, o.format, { table: o.table, bom: o.bom }));
    } catch (e) {
      return { ...result, status: 'failed', error: `cannot write ${input.outPath}: ${describeFsError(e)}` };
    }
  } else {
    // Encoded here, in the worker, and handed over without a copy (see worker.ts).
    result.chunk = Buffer.from(streamChunk(doc, o.format, o.table, o.bom));
  }
  return result;
}
