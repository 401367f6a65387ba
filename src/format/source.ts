/**
 * What the writers take: a whole Document, or one whose records are still
 * being built (core.ts's StreamedDocument), read once as the writer goes.
 */
import { collectRecords, type StreamedDocument } from '../core.js';
import type { Document } from '../schema/index.js';

export type DocumentSource = Document | StreamedDocument;

/** Either form as a stream: a whole Document's records are all read already. */
export function asStream(source: DocumentSource): StreamedDocument {
  return 'doc' in source ? source : { doc: source, records: source.records, count: source.records.length };
}

/** Either form as a whole Document (the review page and Label Studio tasks need every record at once). */
export function asWhole(source: DocumentSource): Document {
  return 'doc' in source ? collectRecords(source) : source;
}
