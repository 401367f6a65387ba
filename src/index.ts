/**
 * The library: `extractBriefing(bytes | text, options) → Document`, the zod
 * schemas that are the output's types, validators and JSON Schema, and the
 * formatters that render a Document as the command line does.
 */
export * from './core.js';
export * from './schema/index.js';
export { FORMATS, TABLES, TABLE_COLUMNS, formatDocument, documentParts, ndjsonLines, csvHeader, csvRows, documentJson, type DocumentSource, type Format, type FormatOptions, type Table } from './format/index.js';
export { extractFile, streamFile, fileText, sniffFormat, convertInput, type FileOptions, type InputResources } from './input/index.js';
