/** CSV tables (RFC 4180: CRLF rows, quotes doubled, fields quoted when needed). */
import type { Document, Record } from '../schema/index.js';

export const TABLES = ['records', 'people', 'parties', 'agreements'] as const;
export type Table = (typeof TABLES)[number];

export const TABLE_COLUMNS: { [T in Table]: readonly string[] } = {
  records: ['file', 'index', 'section', 'heading', 'title', 'date_start', 'date_end', 'parties', 'people', 'agreements', 'source', 'text'],
  people: ['file', 'index', 'date_start', 'section', 'name', 'title'],
  parties: ['file', 'index', 'date_start', 'section', 'name', 'type'],
  agreements: ['file', 'index', 'date_start', 'kind', 'text'],
};

const LIST_SEPARATOR = '；';

/**
 * A spreadsheet evaluates a cell that opens with one of these as a formula:
 * `--08-18` (a date with no year) would show as −10.
 */
const FORMULA_LEAD = /^[=+\-@\t\r]/;

/**
 * One field. With `excel` (the `--bom` output), a field a spreadsheet would take
 * for a formula opens with an apostrophe, its mark for text, and a field holding
 * `;` is quoted too: Excel splits on `;` in the many locales where it is the list
 * separator, so `;@SUM(1)` would otherwise open a cell of its own.
 */
export function csvField(value: string | number | null, excel = false): string {
  if (value === null) return '';
  let s = String(value);
  if (excel && FORMULA_LEAD.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || (excel && s.includes(';')) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(fields: Array<string | number | null>, excel = false): string {
  return fields.map((f) => csvField(f, excel)).join(',') + '\r\n';
}

export function csvHeader(table: Table, bom = false): string {
  return (bom ? '\ufeff' : '') + csvRow([...TABLE_COLUMNS[table]]);
}

function recordRows(file: string, r: Record, table: Table): Array<Array<string | number | null>> {
  const start = r.date?.start ?? null;
  switch (table) {
    case 'records':
      return [[
        file,
        r.index,
        r.section,
        r.heading.join(LIST_SEPARATOR),
        r.title,
        start,
        r.date?.end ?? null,
        r.parties.map((p) => p.name).join(LIST_SEPARATOR),
        r.people.map((p) => (p.title ? `${p.title} ${p.name}` : p.name)).join(LIST_SEPARATOR),
        r.agreements.map((a) => a.text).join(LIST_SEPARATOR),
        r.source,
        r.text,
      ]];
    case 'people':
      return r.people.map((p) => [file, r.index, start, r.section, p.name, p.title]);
    case 'parties':
      return r.parties.map((p) => [file, r.index, start, r.section, p.name, p.type]);
    case 'agreements':
      return r.agreements.map((a) => [file, r.index, start, a.kind, a.text]);
  }
}

/** The rows of one document, without the header (`excel`: see csvField), one part a record. */
export function* csvRowParts(doc: Document, table: Table, excel = false): Generator<string> {
  for (const r of doc.records) {
    let out = '';
    for (const row of recordRows(doc.file, r, table)) out += csvRow(row, excel);
    if (out) yield out;
  }
}

/** The rows of one document, without the header. */
export function csvRows(doc: Document, table: Table, excel = false): string {
  return [...csvRowParts(doc, table, excel)].join('');
}
