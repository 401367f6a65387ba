/** Output formats as pure functions from Documents to strings. */
import type { Document, NdjsonRecord } from '../schema/index.js';
import { csvHeader, csvRows, type Table } from './csv.js';

export const FORMATS = ['json', 'ndjson', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

export function documentJson(doc: Document): string {
  return JSON.stringify(doc, null, 2);
}

/** One line per record, each carrying its file and the masthead date. */
export function ndjsonLines(doc: Document): string {
  let out = '';
  for (const r of doc.records) {
    const line: NdjsonRecord = { file: doc.file, briefingDate: doc.briefing.date, ...r };
    out += JSON.stringify(line) + '\n';
  }
  return out;
}

export interface FormatOptions {
  table: Table;
  bom: boolean;
}

/** One document as a complete output (used for --out-dir and single files). */
export function formatDocument(doc: Document, format: Format, options: FormatOptions): string {
  switch (format) {
    case 'json':
      return documentJson(doc) + '\n';
    case 'ndjson':
      return ndjsonLines(doc);
    case 'csv':
      return csvHeader(options.table, options.bom) + csvRows(doc, options.table, options.bom);
  }
}

export { csvHeader, csvRows, TABLES, TABLE_COLUMNS, type Table } from './csv.js';
