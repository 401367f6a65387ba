/** CSV tables (RFC 4180: CRLF rows, quotes doubled, fields quoted when needed). */
import type { Document, Record } from '../schema/index.js';
import { fold } from '../text/normalize.js';
import { homeUniversity } from '../extract/entities.js';
import { TABLES, type Table } from './names.js';
import { asStream, type DocumentSource } from './source.js';
export { TABLES, type Table };

/**
 * The columns of each table. SCHEMA's columns come first, in SCHEMA's order;
 * what a join would otherwise need follows: the record's title, its date's end
 * and year certainty, and each name in simplified script (`*_simplified`, a
 * one-to-one fold, so HK, TW and mainland spellings join).
 */
export const TABLE_COLUMNS: { [T in Table]: readonly string[] } = {
  records: ['file', 'index', 'section', 'heading', 'title', 'date_start', 'date_end', 'parties', 'people', 'agreements', 'source', 'text', 'date_year', 'institutions'],
  people: ['file', 'index', 'date_start', 'section', 'name', 'title', 'date_end', 'date_year', 'record_title', 'record_parties', 'name_simplified', 'via'],
  parties: ['file', 'index', 'date_start', 'section', 'name', 'type', 'date_end', 'date_year', 'record_title', 'name_simplified', 'via'],
  agreements: ['file', 'index', 'date_start', 'kind', 'text', 'date_end', 'date_year', 'section', 'record_title', 'text_simplified'],
  institutions: ['file', 'index', 'date_start', 'section', 'name', 'date_end', 'date_year', 'record_title', 'name_simplified'],
  dates: ['file', 'index', 'section', 'text', 'start', 'end', 'year', 'is_record_date', 'record_title'],
  edges: ['file', 'index', 'date_start', 'date_end', 'date_year', 'section', 'source', 'source_type', 'partner', 'partner_type', 'agreement_kinds', 'record_title', 'source_simplified', 'partner_simplified'],
  documents: ['file', 'format', 'encoding', 'title', 'issue', 'issue_year', 'issue_number', 'issue_total', 'publisher', 'date', 'recipients_to', 'recipients_cc', 'records', 'warnings', 'warning_codes'],
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

/**
 * The edges of a record: one row per pair of sides, from the hub — the home
 * university (the one the masthead names) when it is a side, else the first
 * university side, else the first side — to each other side.
 */
export function recordEdges(r: Record, home: string | null): Array<{ source: Record['parties'][number]; partner: Record['parties'][number] }> {
  if (r.parties.length < 2) return [];
  const key = (n: string) => fold(n).replace(/\s/g, '');
  const hub = (home ? r.parties.find((p) => key(p.name) === home) : undefined) ?? r.parties.find((p) => p.type === 'university') ?? r.parties[0]!;
  return r.parties.filter((p) => p !== hub).map((partner) => ({ source: hub, partner }));
}

function recordRows(file: string, r: Record, table: Table, home: string | null): Array<Array<string | number | null>> {
  const start = r.date?.start ?? null;
  const end = r.date?.end ?? null;
  const year = r.date?.year ?? null;
  switch (table) {
    case 'records':
      return [[
        file,
        r.index,
        r.section,
        r.heading.join(LIST_SEPARATOR),
        r.title,
        start,
        end,
        r.parties.map((p) => p.name).join(LIST_SEPARATOR),
        r.people.map((p) => (p.title ? `${p.title} ${p.name}` : p.name)).join(LIST_SEPARATOR),
        r.agreements.map((a) => a.text).join(LIST_SEPARATOR),
        r.source,
        r.text,
        year,
        r.institutions.map((i) => i.name).join(LIST_SEPARATOR),
      ]];
    case 'people': {
      const parties = r.parties.map((p) => p.name).join(LIST_SEPARATOR);
      return r.people.map((p) => [file, r.index, start, r.section, p.name, p.title, end, year, r.title, parties, fold(p.name), p.via]);
    }
    case 'parties':
      return r.parties.map((p) => [file, r.index, start, r.section, p.name, p.type, end, year, r.title, fold(p.name), p.via]);
    case 'agreements':
      return r.agreements.map((a) => [file, r.index, start, a.kind, a.text, end, year, r.section, r.title, fold(a.text)]);
    case 'institutions':
      return r.institutions.map((i) => [file, r.index, start, r.section, i.name, end, year, r.title, fold(i.name)]);
    case 'dates':
      return r.dates.map((d) => [file, r.index, r.section, d.text, d.start, d.end, d.year, r.date && d.span[0] === r.date.span[0] && d.span[1] === r.date.span[1] ? 'yes' : 'no', r.title]);
    case 'edges': {
      const kinds = [...new Set(r.agreements.map((a) => a.kind))].join(LIST_SEPARATOR);
      return recordEdges(r, home).map(({ source, partner }) => [file, r.index, start, end, year, r.section, source.name, source.type, partner.name, partner.type, kinds, r.title, fold(source.name), fold(partner.name)]);
    }
    case 'documents':
      return [];
  }
}

/** The one row of the documents table: the masthead, what was read, how many records and warnings (also for a file with none). */
function documentRow(doc: Document, records: number): Array<string | number | null> {
  const b = doc.briefing;
  return [
    doc.file,
    doc.format,
    doc.encoding,
    b.title,
    b.issue?.text ?? null,
    b.issue?.year ?? null,
    b.issue?.number ?? null,
    b.issue?.total ?? null,
    b.publisher,
    b.date,
    b.recipients.to.join(LIST_SEPARATOR),
    b.recipients.cc.join(LIST_SEPARATOR),
    records,
    doc.warnings.length,
    [...new Set(doc.warnings.map((w) => w.code))].join(LIST_SEPARATOR),
  ];
}

/** The rows of a table for one document (the documents table: one row). */
export function* tableRows(source: DocumentSource, table: Table): Generator<Array<string | number | null>> {
  const { doc, records } = asStream(source);
  if (table === 'documents') {
    // The row counts the records and warnings: a streamed Document's are all read first.
    let n = 0;
    for (const _ of records) n++;
    yield documentRow(doc, n);
    return;
  }
  const home = table === 'edges' ? homeUniversity(doc.briefing.title, doc.briefing.publisher) : null;
  for (const r of records) yield* recordRows(doc.file, r, table, home);
}

/** One document's rows as NDJSON objects keyed by column (`-f ndjson -t people`). */
export function* ndjsonRowParts(doc: DocumentSource, table: Table): Generator<string> {
  const columns = TABLE_COLUMNS[table];
  let out = '';
  for (const row of tableRows(doc, table)) {
    const o: { [k: string]: string | number | null } = {};
    columns.forEach((c, k) => (o[c] = row[k] ?? null));
    out += JSON.stringify(o) + '\n';
    if (out.length > 1 << 16) {
      yield out;
      out = '';
    }
  }
  if (out) yield out;
}

/** The rows of one document, without the header (`excel`: see csvField), one part a record. */
export function* csvRowParts(doc: DocumentSource, table: Table, excel = false): Generator<string> {
  let out = '';
  for (const row of tableRows(doc, table)) {
    out += csvRow(row, excel);
    if (out.length > 1 << 16) {
      yield out;
      out = '';
    }
  }
  if (out) yield out;
}

/** The rows of one document, without the header. */
export function csvRows(doc: DocumentSource, table: Table, excel = false): string {
  return [...csvRowParts(doc, table, excel)].join('');
}
