/** The output's version: raised when a field is renamed or removed (docs/FORMAT.md). */
export const SCHEMA_VERSION = 1 as const;
