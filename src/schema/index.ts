/**
 * The output contract (docs/FORMAT.md). Each zod schema here is at once the
 * TypeScript type (z.infer), the runtime validator and the source of the JSON
 * Schema printed by `briefing schema`.
 */
import { z } from 'zod';

import { SCHEMA_VERSION } from './version.js';

export { SCHEMA_VERSION };

export const Span = z
  .tuple([z.number().int().nonnegative(), z.number().int().nonnegative()])
  .describe('[start, end) in UTF-16 code units of the decoded source text');
export type Span = z.infer<typeof Span>;

export const SectionKind = z.enum([
  'university-government',
  'university-enterprise',
  'inter-university',
  'campus-college',
  'case-study',
  'peer-practice',
  'news',
  'other',
]);
export type SectionKind = z.infer<typeof SectionKind>;

export const YearKind = z.enum(['explicit', 'inferred', 'unknown']);
export type YearKind = z.infer<typeof YearKind>;

const IsoDay = z
  .string()
  .regex(/^(\d{4}|-)-\d{2}-\d{2}$/)
  .describe('YYYY-MM-DD, or --MM-DD when the year is unknown');

/**
 * Where a value stands in the file a user holds, beyond the extracted text its
 * span indexes (docs/FORMAT.md, "Inputs"): a PDF page and box (PDF units), a
 * Word paragraph (1-based, in body order), an offset into the decoded HTML.
 */
export const Origin = z.union([
  z.object({ page: z.number().int().positive(), bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]) }),
  z.object({ paragraph: z.number().int().positive() }),
  z.object({ offset: z.number().int().nonnegative() }),
]);
export type Origin = z.infer<typeof Origin>;

export const DateMention = z.object({
  start: IsoDay,
  end: IsoDay,
  text: z.string(),
  year: YearKind,
  span: Span,
  origin: Origin.optional(),
});
export type DateMention = z.infer<typeof DateMention>;

/** The rule that produced a value (an addition to SCHEMA: see docs/FORMAT.md, "Provenance"). */
const Via = z.string().describe('the name of the rule that found this value (docs/FORMAT.md)');

export const Person = z.object({
  name: z.string(),
  title: z.string().nullable(),
  span: Span,
  via: Via,
  origin: Origin.optional(),
});
export type Person = z.infer<typeof Person>;

export const PartyType = z.enum([
  'university',
  'government',
  'enterprise',
  'hospital',
  'research',
  'association',
  'other',
]);
export type PartyType = z.infer<typeof PartyType>;

export const Party = z.object({ name: z.string(), type: PartyType, span: Span, via: Via, origin: Origin.optional() });
export type Party = z.infer<typeof Party>;

export const AgreementKind = z.enum([
  'memorandum',
  'strategic',
  'framework',
  'co-construction',
  'investment',
  'service',
  'cooperation',
  'other',
]);
export type AgreementKind = z.infer<typeof AgreementKind>;

export const Agreement = z.object({ kind: AgreementKind, text: z.string(), span: Span, origin: Origin.optional() });
export type Agreement = z.infer<typeof Agreement>;

export const Institution = z.object({ name: z.string(), span: Span, origin: Origin.optional() });
export type Institution = z.infer<typeof Institution>;

export const Record = z.object({
  index: z.number().int().positive(),
  section: SectionKind,
  heading: z.array(z.string()),
  title: z.string().nullable(),
  titleSpan: Span.nullable(),
  text: z.string(),
  span: Span,
  date: DateMention.nullable(),
  dates: z.array(DateMention),
  parties: z.array(Party),
  people: z.array(Person),
  agreements: z.array(Agreement),
  institutions: z.array(Institution),
  source: z.string().nullable(),
  /** Where the item starts in the file (non-text inputs). */
  origin: Origin.optional(),
});
export type Record = z.infer<typeof Record>;

export const Issue = z.object({
  text: z.string(),
  year: z.number().int().nullable(),
  number: z.number().int().nullable(),
  total: z.number().int().nullable(),
  span: Span,
});
export type Issue = z.infer<typeof Issue>;

export const Masthead = z.object({
  title: z.string().nullable(),
  issue: Issue.nullable(),
  publisher: z.string().nullable(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  recipients: z.object({ to: z.array(z.string()), cc: z.array(z.string()) }),
  spans: z
    .object({
      title: Span.nullable(),
      publisher: Span.nullable(),
      date: Span.nullable(),
    })
    .describe('where the masthead fields were printed'),
});
export type Masthead = z.infer<typeof Masthead>;

export const Section = z.object({
  heading: z.string(),
  kind: SectionKind,
  path: z.array(z.string()),
  span: Span,
});
export type Section = z.infer<typeof Section>;

export const WarningCode = z.enum([
  'title-without-name',
  'title-without-body',
  'no-records',
  'empty-input',
  'replacement-characters',
  'truncated-input',
]);

export const Warning = z.object({
  code: WarningCode,
  message: z.string(),
  span: Span,
});
export type Warning = z.infer<typeof Warning>;

export const Encoding = z.enum(['utf-8', 'gb18030', 'utf-16le', 'utf-16be', 'big5']);
export type Encoding = z.infer<typeof Encoding>;

/** The kind of file read: chosen by its signature (docs/FORMAT.md, "Inputs"). */
export const InputFormat = z.enum(['text', 'pdf', 'docx', 'doc', 'html']);
export type InputFormat = z.infer<typeof InputFormat>;

export const Document = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  file: z.string(),
  encoding: Encoding,
  format: InputFormat,
  /** For a non-text input, the text extracted from it: what every span indexes. */
  text: z.string().optional(),
  briefing: Masthead,
  sections: z.array(Section),
  records: z.array(Record),
  warnings: z.array(Warning),
});
export type Document = z.infer<typeof Document>;

/** One NDJSON line: a Record with the file and masthead date beside it. */
export const NdjsonRecord = Record.extend({
  file: z.string(),
  briefingDate: z.string().nullable(),
});
export type NdjsonRecord = z.infer<typeof NdjsonRecord>;

export function documentJsonSchema(): unknown {
  return z.toJSONSchema(Document, { target: 'draft-2020-12' });
}
