/**
 * Files as users hold them → Documents: the format by signature (sniff.ts),
 * the text read by that format's adapter, the extraction on that text, and a
 * pass that gives every value its `origin` in the file. Each adapter is loaded
 * only when its format is met, so plain text never pays for pdf.js.
 */
import { extractBriefing, extractText, type ExtractOptions } from '../core.js';
import { InputError } from '../errors.js';
import type { Document, InputFormat, Origin } from '../schema/index.js';
import { sniffFormat } from './sniff.js';
import type { Converted, InputResources } from './types.js';

export interface FileOptions extends ExtractOptions {
  /** Force a format instead of sniffing (`--input-format`). */
  format?: InputFormat | undefined;
  /** The file's name, a hint for sniffing when the bytes do not decide. */
  name?: string | undefined;
  resources?: InputResources | undefined;
}

/** The text a non-text input holds, with where each part of it stands. */
export async function convertInput(bytes: Uint8Array, format: Exclude<InputFormat, 'text'>, resources: InputResources = {}): Promise<Converted> {
  switch (format) {
    case 'pdf':
      return (await import('./pdf.js')).pdfToText(bytes, resources);
    case 'docx':
      return (await import('./docx.js')).docxToText(bytes);
    case 'doc':
      return (await import('./doc.js')).docToText(bytes);
    case 'html':
      return (await import('./html.js')).htmlToText(bytes);
  }
}

/** Gives each value, and each record, where it stands in the file. */
function addOrigins(doc: Document, at: (start: number, end: number) => Origin | undefined): void {
  const set = (v: { span: [number, number]; origin?: Origin }) => {
    const o = at(v.span[0], v.span[1]);
    if (o) v.origin = o;
  };
  for (const r of doc.records) {
    const o = at(r.span[0], r.span[1]);
    if (o) r.origin = o;
    for (const d of r.dates) set(d);
    if (r.date) set(r.date);
    for (const p of r.people) set(p);
    for (const p of r.parties) set(p);
    for (const a of r.agreements) set(a);
    for (const i of r.institutions) set(i);
  }
}

/**
 * Any input a user holds (text, PDF, DOCX, DOC, HTML) → its Document. For a
 * non-text input the Document carries the text it was read as (`text`: what
 * every span indexes) and each value an `origin` in the file.
 */
export async function extractFile(bytes: Uint8Array, options: FileOptions = {}): Promise<Document> {
  const maxSize = options.maxSize;
  if (maxSize !== undefined && bytes.length > maxSize) throw new InputError('too-large', `file too large: ${bytes.length} bytes exceeds --max-size ${maxSize}`);
  const format = options.format ?? sniffFormat(bytes, options.name ?? options.file);
  if (format === 'text') return extractBriefing(bytes, options);
  const converted = await convertInput(bytes, format, options.resources);
  const doc = extractText(converted.text, converted.encoding, options);
  doc.format = format;
  doc.text = converted.text;
  addOrigins(doc, converted.originAt);
  // Keep the documented key order: text after format.
  const { schemaVersion, file, encoding, format: f, text, ...rest } = doc;
  return { schemaVersion, file, encoding, format: f, text, ...rest } as Document;
}

/** The text a file is read as (`briefing extract --text-only`): its decoded text, or what its adapter extracted. */
export async function fileText(bytes: Uint8Array, options: FileOptions = {}): Promise<{ text: string; format: InputFormat }> {
  const format = options.format ?? sniffFormat(bytes, options.name ?? options.file);
  if (format === 'text') {
    const { decodeBytes } = await import('../decode/index.js');
    return { text: decodeBytes(bytes, { encoding: options.encoding }).text, format };
  }
  return { text: (await convertInput(bytes, format, options.resources)).text, format };
}

export { sniffFormat };
export type { Converted, InputResources };
