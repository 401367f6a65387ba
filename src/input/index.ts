/**
 * Files as users hold them → Documents: the format by signature (sniff.ts),
 * the text read by that format's adapter, the extraction on that text, and a
 * pass that gives every value its `origin` in the file. Each adapter is loaded
 * only when its format is met, so plain text never pays for pdf.js.
 */
import { collectRecords, streamBriefing, streamText, type ExtractOptions, type StreamedDocument } from '../core.js';
import { InputError } from '../errors.js';
import type { Document, InputFormat, Origin, Record } from '../schema/index.js';
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

/** Gives a record's values their origins in the file (`at`: the adapter's map from spans of the text it read). */
function addOrigins(r: Record, at: (start: number, end: number) => Origin | undefined): void {
  const set = (v: { span: [number, number]; origin?: Origin }) => {
    const o = at(v.span[0], v.span[1]);
    if (o) v.origin = o;
  };
  const o = at(r.span[0], r.span[1]);
  if (o) r.origin = o;
  for (const d of r.dates) set(d);
  if (r.date) set(r.date);
  for (const p of r.people) set(p);
  for (const p of r.parties) set(p);
  for (const a of r.agreements) set(a);
  for (const i of r.institutions) set(i);
}

/**
 * Any input a user holds (text, PDF, DOCX, DOC, HTML) → its Document. For a
 * non-text input the Document carries the text it was read as (`text`: what
 * every span indexes) and each value an `origin` in the file.
 */
export async function extractFile(bytes: Uint8Array, options: FileOptions = {}): Promise<Document> {
  return collectRecords(await streamFile(bytes, options));
}

/** extractFile, streamed (see StreamedDocument): an unreadable input is refused here, before any record is read. */
export async function streamFile(bytes: Uint8Array, options: FileOptions = {}): Promise<StreamedDocument> {
  const maxSize = options.maxSize;
  if (maxSize !== undefined && bytes.length > maxSize) throw new InputError('too-large', `file too large: ${bytes.length} bytes exceeds --max-size ${maxSize}`);
  const format = options.format ?? sniffFormat(bytes, options.name ?? options.file);
  if (format === 'text') return streamBriefing(bytes, options);
  const converted = await convertInput(bytes, format, options.resources);
  return streamText(converted.text, converted.encoding, options, { read: { format, text: converted.text }, each: (r) => addOrigins(r, converted.originAt) });
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
