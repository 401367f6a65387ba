/**
 * The library: `extractBriefing(bytes | text, options) → Document`, and the zod
 * schemas that are the output's types, validators and JSON Schema.
 */
export * from './core.js';
export * from './schema/index.js';
