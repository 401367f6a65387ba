/**
 * The extraction itself: bytes or text in, a Document out. Pure: no file,
 * stdout or process access here or below (that lives in src/cli/). Kept free
 * of zod at run time so the command line starts fast; src/index.ts adds the
 * schemas for library users.
 */
import { decodeBytes } from './decode/index.js';
import { InputError } from './errors.js';
import { findDates, resolveDates, type YearContext } from './extract/dates.js';
import { extractEntities, homeUniversity, nameThirdPerson, recordText } from './extract/entities.js';
import { ParagraphQueue, paragraphsOf, reflow } from './layout/reflow.js';
import { fold } from './text/normalize.js';
import { glossesOf, restoreHeadGlosses, restoreRecordGlosses, type Glosses } from './text/glosses.js';
import { parseLayout, type RecordDraft } from './layout/structure.js';
import type { Document, Encoding, InputFormat, Record, Warning } from './schema/index.js';
import { SCHEMA_VERSION } from './schema/version.js';

export interface ExtractOptions {
  /** Shown as `file` in the Document; "-" for stdin. */
  file?: string;
  /** Force a decoding instead of sniffing. */
  encoding?: Encoding | undefined;
  /** Base year for dates whose year is printed nowhere. */
  year?: number | undefined;
  /** Refuse inputs larger than this many bytes. */
  maxSize?: number | undefined;
}

/** The largest file the bench converts in every format (`npm run bench`: 64 MB each): larger ones need --max-size. */
export const DEFAULT_MAX_SIZE = 64 * 1024 * 1024;

export function extractBriefing(input: Uint8Array | string, options: ExtractOptions = {}): Document {
  return collectRecords(streamBriefing(input, options));
}

/**
 * A Document whose records are built one at a time, as a writer asks for them:
 * a large input's records need never be held all at once (`briefing extract`
 * writes each as it comes and lets it go).
 */
export interface StreamedDocument {
  /** The masthead, sections and warnings; `records` stays empty, and `warnings` is whole once every record is read. */
  readonly doc: Document;
  /** The records, in order: read once. */
  readonly records: Iterable<Record>;
  /** How many records have been read so far. */
  readonly count: number;
}

/** The streamed Document with its records gathered into it: what extractBriefing returns (a second call finds them gathered). */
export function collectRecords(s: StreamedDocument): Document {
  if (s.doc.records.length === 0) s.doc.records = [...s.records];
  return s.doc;
}

/** extractBriefing, streamed: decoding errors are thrown here, before any record is read. */
export function streamBriefing(input: Uint8Array | string, options: ExtractOptions = {}): StreamedDocument {
  if (typeof input === 'string') return streamText(input, 'utf-8', options);
  const { text, encoding, closing } = decodeInput(input, options);
  return streamText(text, encoding, options, { closing });
}

/** An input's bytes decoded: its text, the encoding it was read in, and the warnings the decoding leaves for the Document's end. */
export interface DecodedInput {
  text: string;
  encoding: Encoding;
  closing: Warning[];
}

/**
 * The decoding streamBriefing starts with, on its own: a caller that holds a
 * large input's bytes can let them go before the layout is read
 * (`streamText(text, encoding, options, { closing })` then gives the same
 * Document). Throws InputError for a file over --max-size or that cannot be decoded.
 */
export function decodeInput(input: Uint8Array, options: ExtractOptions = {}): DecodedInput {
  const maxSize = options.maxSize ?? DEFAULT_MAX_SIZE;
  if (input.length > maxSize) {
    throw new InputError('too-large', `file too large: ${input.length} bytes exceeds --max-size ${maxSize}`);
  }
  const { text, encoding, truncatedAt } = decodeBytes(input, { encoding: options.encoding });
  const closing: Warning[] =
    truncatedAt === undefined ? [] : [{ code: 'truncated-input', message: `the file ends inside a character (byte ${truncatedAt}): that character was dropped`, span: [text.length, text.length] }];
  return { text, encoding, closing };
}

/** What an adapter of another format adds to the Document it streams (see src/input/). */
export interface StreamExtras {
  /** The format and the text it was read as, shown after `encoding`. */
  read?: { format: InputFormat; text: string } | undefined;
  /** Run on each record once it is built (the adapters add origins). */
  each?: ((r: Record) => void) | undefined;
  /** Warnings added after the extraction's own closing ones. */
  closing?: Warning[] | undefined;
}

/** The extraction of a text already decoded (the adapters of other formats feed it). */
export function extractText(source: string, encoding: Encoding, options: ExtractOptions): Document {
  return collectRecords(streamText(source, encoding, options));
}

/** extractText, streamed: the layout is read at once, each record when it is asked for. */
export function streamText(source: string, encoding: Encoding, options: ExtractOptions, extras: StreamExtras = {}): StreamedDocument {
  const layout = parseLayout(new ParagraphQueue(paragraphsOf(source)));
  const warnings: Warning[] = [...layout.warnings];
  const m = layout.masthead;
  const ctx: YearContext = {
    baseYear: baseYearOf(m.issue?.year ?? null, m.date, options.year ?? null),
    anchor: m.date,
  };
  const home = homeUniversity(m.title, m.publisher);
  const { spans, ...rest } = m;
  const doc: Document = {
    schemaVersion: SCHEMA_VERSION,
    file: options.file ?? '-',
    encoding,
    format: extras.read?.format ?? 'text',
    // Another format's Document carries the text it was read as, right after its format.
    ...(extras.read ? { text: extras.read.text } : {}),
    briefing: { ...rest, spans },
    sections: layout.sections,
    records: [],
    warnings,
  };
  // Values keep the pinyin glosses printed inside them (the rules read through them).
  const glosses = glossesOf(source);
  if (glosses) restoreHeadGlosses(doc, glosses);
  const drafts: Array<RecordDraft | undefined> = layout.records;
  const stream: LiveStream = { doc, count: 0, records: EMPTY_RECORDS };
  stream.records = buildRecords({ stream, drafts, ctx, home, warnings, glosses, source, extras });
  return stream;
}

/** A StreamedDocument as streamText fills it in. */
interface LiveStream {
  doc: Document;
  count: number;
  records: Generator<Record>;
}

/** What buildRecords builds a Document's records from. */
interface RecordsState {
  stream: LiveStream;
  drafts: Array<RecordDraft | undefined>;
  ctx: YearContext;
  home: string | null;
  warnings: Warning[];
  /** Where the source's pinyin glosses are, or null when it prints none. */
  glosses: Glosses | null;
  source: string;
  extras: StreamExtras;
}

const EMPTY_RECORDS: Generator<Record> = (function* (): Generator<Record> {})();

/**
 * The records of a streamed Document, each built when the writer asks for it.
 * A module function rather than a generator made afresh inside streamText for
 * every document: V8 keeps the optimised code of a closure only while some
 * closure of it is alive (see ItemReader in layout/structure.ts).
 */
function* buildRecords(st: RecordsState): Generator<Record> {
  const { stream, drafts, ctx, home, warnings, glosses, source, extras } = st;
  for (let k = 0; k < drafts.length; k++) {
    const record = buildRecord(drafts[k]!, k + 1, ctx, home, warnings);
    // A record built lets its draft go: the layout's pieces are freed as the writer goes.
    drafts[k] = undefined;
    if (glosses) restoreRecordGlosses(record, glosses);
    extras.each?.(record);
    stream.count++;
    yield record;
  }
  if (source.trim().length === 0) {
    warnings.push({ code: 'empty-input', message: 'the input is empty or blank', span: [0, source.length] });
  } else if (stream.count === 0) {
    warnings.push({ code: 'no-records', message: 'no news item, bullet or article was found', span: [0, 0] });
  }
  if (source.includes('\ufffd')) {
    const at = source.indexOf('\ufffd');
    warnings.push({ code: 'replacement-characters', message: 'the text holds U+FFFD replacement characters: part of it was lost before it reached us', span: [at, at + 1] });
  }
  warnings.push(...(extras.closing ?? []));
}

/**
 * The year a date without one borrows: the issue's, else the masthead date's.
 * An issue of one year printed in January or February of the next (`〔2023〕第12期`,
 * 2024年1月5日) takes the date's year: `1月3日` is 2024, and `12月28日` moves back to 2023 by
 * the 62-day rule.
 */
export function baseYearOf(issueYear: number | null, date: string | null, fallback: number | null): number | null {
  const dateYear = date ? Number(date.slice(0, 4)) : null;
  if (issueYear !== null && dateYear === issueYear + 1 && Number(date!.slice(5, 7)) <= 2) return dateYear;
  return issueYear ?? dateYear ?? fallback;
}

function buildRecord(draft: RecordDraft, index: number, ctx: YearContext, home: string | null, warnings: Warning[]): Record {
  const carry = { year: null as number | null };
  // One fold per record: the title's and the body's views are parts of the joined view.
  const { piece, view, bodyAt, breaks } = recordText(draft.titleParts ?? (draft.title ? [draft.title] : []), draft.body);
  const titleDates = draft.title ? resolveDates(draft.title, findDates(fold(draft.title.text)), ctx, carry) : [];
  const bodyDates = resolveDates(draft.body, findDates(bodyAt === 0 ? view : view.slice(bodyAt)), ctx, carry);
  const entities = extractEntities(piece, view, warnings, home, breaks);
  entities.parties = nameThirdPerson(entities.parties, piece, view, draft.title ? bodyAt - 1 : 0);
  return {
    index,
    section: draft.section,
    // Copies by slice and concat: a spread in optimised code checks the shape of each array it meets.
    heading: draft.heading.slice(),
    title: draft.title ? draft.title.text : null,
    titleSpan: draft.title ? [draft.title.sourceStart, draft.title.sourceEnd] : null,
    text: draft.body.text,
    span: [draft.start, draft.end],
    date: bodyDates[0] ?? titleDates[0] ?? null,
    dates: titleDates.concat(bodyDates),
    // Named one by one, in Entities' order: a spread builds the record's shape by transitions at run time.
    people: entities.people,
    parties: entities.parties,
    agreements: entities.agreements,
    institutions: entities.institutions,
    source: draft.source,
  };
}

/** One paragraph of the layout as the line classifiers saw it: what `briefing eval --verbose` names. */
export interface LineInfo {
  /** 1-based source line of its first line. */
  line: number;
  kind: string;
  /** The classifier (or pass) that gave the kind: LINE_CLASSIFIERS, contents-entry, related-list, repeated-line. */
  by: string;
  span: [number, number];
  text: string;
}

/** The paragraphs of a text with their kinds, in order (decoded as extractBriefing decodes). */
export function explainLines(input: Uint8Array | string, options: { encoding?: Encoding | undefined } = {}): LineInfo[] {
  const text = typeof input === 'string' ? input : decodeBytes(input, { encoding: options.encoding }).text;
  return reflow(text).paragraphs.map((p) => ({ line: p.line, kind: p.kind, by: p.by, span: [p.piece.sourceStart, p.piece.sourceEnd], text: p.piece.text }));
}

/** The paragraph holding source offset `at`, or the last one before it. */
export function lineAt(lines: LineInfo[], at: number): LineInfo | null {
  let best: LineInfo | null = null;
  for (const l of lines) {
    if (l.span[0] > at) break;
    best = l;
  }
  return best;
}

export { InputError } from './errors.js';
export { decodeBytes, parseEncodingName } from './decode/index.js';
