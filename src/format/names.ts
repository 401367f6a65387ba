/**
 * The names of the output formats and tables, apart from their writers: the
 * command line checks its flags against these at start-up without loading a
 * writer (or the lexicons the tables' columns need).
 */
export const FORMATS = ['json', 'ndjson', 'csv', 'html', 'label-studio'] as const;
export type Format = (typeof FORMATS)[number];

export const TABLES = ['records', 'people', 'parties', 'agreements', 'institutions', 'dates', 'edges', 'documents'] as const;
export type Table = (typeof TABLES)[number];
