/**
 * Output formats as pure functions from Documents to text. Each format is
 * also given as a sequence of parts (about one a record), so a large document
 * is written piece by piece and never becomes one string.
 */
import type { Document } from '../schema/index.js';
import { asStream, asWhole, type DocumentSource } from './source.js';
import { csvHeader, csvRows, csvRowParts, ndjsonRowParts, type Table } from './csv.js';
import { FORMATS, type Format } from './names.js';
export { FORMATS, type Format };

/** The writers loaded only when asked for (`-f html`, `-f label-studio`): see prepareFormat. */
type ReviewModule = typeof import('./review.js');
type LabelStudioModule = typeof import('./labelstudio.js');
const loaded: { review?: ReviewModule; labelStudio?: LabelStudioModule } = {};

/** Loads the writer a format needs (the HTML page, the Label Studio tasks); a no-op for the others. */
export async function prepareFormat(format: Format): Promise<void> {
  if (format === 'html') loaded.review ??= await import('./review.js');
  if (format === 'label-studio') loaded.labelStudio ??= await import('./labelstudio.js');
}

function writer<K extends keyof typeof loaded>(key: K): NonNullable<(typeof loaded)[K]> {
  const w = loaded[key];
  if (!w) throw new Error(`the ${key} writer is not loaded: call prepareFormat first`);
  return w as NonNullable<(typeof loaded)[K]>;
}

const indent = (json: string, pad: string) => json.replace(/\n/g, '\n' + pad);

/**
 * `JSON.stringify(doc, null, 2)`, in parts: the records one by one. The text
 * is the same byte for byte (a JSON string never holds a raw line break, so
 * indenting every line break indents the nested value).
 */
export function* documentJsonParts(source: DocumentSource): Generator<string> {
  const { doc, records } = asStream(source);
  let first = true;
  // The warnings come after the records: a streamed Document's are whole by the time they are written.
  for (const [key, value] of Object.entries(doc)) {
    if (value === undefined) continue;
    yield `${first ? '{\n' : ',\n'}  ${JSON.stringify(key)}: `;
    first = false;
    if (key === 'records') {
      let k = 0;
      for (const r of records) yield `${k++ === 0 ? '[\n' : ',\n'}    ${indent(JSON.stringify(r, null, 2), '    ')}`;
      yield k === 0 ? '[]' : '\n  ]';
    } else {
      yield indent(JSON.stringify(value, null, 2), '  ');
    }
  }
  yield first ? '{}' : '\n}';
}

export function documentJson(doc: DocumentSource): string {
  return [...documentJsonParts(doc)].join('');
}

/** One line per record, each carrying its file and the masthead date. */
export function* ndjsonParts(source: DocumentSource): Generator<string> {
  const { doc, records } = asStream(source);
  // The same text as JSON.stringify of `{ file, briefingDate, ...r }` (an NdjsonRecord), without copying every record into a new object.
  const file = `{"file":${JSON.stringify(doc.file)},"briefingDate":`;
  for (const r of records) yield file + JSON.stringify(doc.briefing.date) + ',' + JSON.stringify(r).slice(1) + '\n';
}

export function ndjsonLines(doc: DocumentSource): string {
  return [...ndjsonParts(doc)].join('');
}

export interface FormatOptions {
  table: Table;
  bom: boolean;
  /** NDJSON of table rows even for `records` (`-f ndjson -t records`); else NDJSON is one Record a line. */
  rows?: boolean | undefined;
  /** The text the Document's spans index (the review page and Label Studio tasks show it). */
  source?: string | undefined;
  /** The tool's version, printed on pages and tasks. */
  version?: string | undefined;
}

const sourceOf = (doc: Document, options: FormatOptions) => {
  const text = doc.text ?? options.source;
  if (text === undefined) throw new Error('this format needs the source text: pass options.source');
  return text;
};

/** The parts one document contributes to a shared stream (no CSV header, JSON not closed by a line break). */
export function streamParts(doc: DocumentSource, format: Format, options: FormatOptions): Iterable<string> {
  switch (format) {
    case 'json':
      return documentJsonParts(doc);
    case 'ndjson':
      return options.table !== 'records' || options.rows ? ndjsonRowParts(doc, options.table) : ndjsonParts(doc);
    case 'csv':
      return csvRowParts(doc, options.table, options.bom);
    case 'html':
    case 'label-studio': {
      const whole = asWhole(doc);
      const text = sourceOf(whole, options);
      const version = options.version ?? '';
      return [format === 'html' ? writer('review').reviewPage(whole, text, version) : JSON.stringify(writer('labelStudio').labelStudioTask(whole, text, version), null, 2)];
    }
  }
}

/** One document as a complete output (--out-dir and single files), in parts. */
export function* documentParts(doc: DocumentSource, format: Format, options: FormatOptions): Generator<string> {
  if (format === 'csv') yield csvHeader(options.table, options.bom);
  // Label Studio imports a list of tasks: one file is a list of one.
  if (format === 'label-studio') yield '[\n';
  yield* streamParts(doc, format, options);
  if (format === 'json') yield '\n';
  if (format === 'label-studio') yield '\n]\n';
}

/** One document as a complete output. */
export function formatDocument(doc: DocumentSource, format: Format, options: FormatOptions): string {
  return [...documentParts(doc, format, options)].join('');
}

/**
 * Characters of output gathered into one buffer: at most 96 KB of UTF-8,
 * under the 128 KB from which glibc maps a block of its own. A freed mapped
 * block raises that threshold to its size for the rest of the run, and every
 * thread's arena then keeps more of what it frees (see readOutsideMalloc in
 * cli/task.ts): buffers of a megabyte (one 20 MB input's output is some 70
 * of them) cost its peak about 10 MB.
 */
export const ENCODE_CHARS = 1 << 15;

/** Text parts gathered into UTF-8 buffers of up to about ENCODE_CHARS characters each. */
export function encodeParts(parts: Iterable<string>, size = ENCODE_CHARS): Uint8Array[] {
  const out: Uint8Array[] = [];
  encodeEach(parts, (b) => out.push(b), size);
  return out;
}

/** The same, each buffer handed to `emit` as soon as it is full (the parts before it can be let go). */
export function encodeEach(parts: Iterable<string>, emit: (buffer: Uint8Array) => void, size = ENCODE_CHARS): void {
  let pending: string[] = [];
  let length = 0;
  for (const p of parts) {
    pending.push(p);
    length += p.length;
    if (length >= size) {
      emit(Buffer.from(pending.join('')));
      pending = [];
      length = 0;
    }
  }
  if (pending.length > 0) emit(Buffer.from(pending.join('')));
}

export { asStream, asWhole, type DocumentSource } from './source.js';
export { csvHeader, csvRows, recordEdges, tableRows, TABLES, TABLE_COLUMNS, type Table } from './csv.js';
