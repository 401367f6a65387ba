/** The declarations library users compile against (built into dist/types by npm run build / npm test). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { types: string };

describe('type declarations', () => {
  it('are where package.json says, and declare the library entry points', () => {
    expect(pkg.types).toBe('dist/types/index.d.ts');
    const index = readFileSync(pkg.types, 'utf8');
    expect(index).toContain("export * from './core.js';");
    expect(index).toContain("export * from './schema/index.js';");
    expect(index).toMatch(/formatDocument/);
    expect(readFileSync('dist/types/core.d.ts', 'utf8')).toContain('export declare function extractBriefing(input: Uint8Array | string, options?: ExtractOptions): Document;');
    // The output shapes are zod schemas and types of one name (`Document` the validator and the type).
    expect(readFileSync('dist/types/schema/index.d.ts', 'utf8')).toMatch(/export declare const Document: z\.ZodObject/);
    expect(readFileSync('dist/types/schema/index.d.ts', 'utf8')).toMatch(/export type Document = z\.infer<typeof Document>/);
  });
});
