/**
 * Each fixture of our own has its expected output beside it
 * (NAME.expected.json). Run with UPDATE_FIXTURES=1 to rewrite them, then
 * read the diff.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CASES, caseDoc, digest } from './helpers.js';

const update = process.env.UPDATE_FIXTURES === '1';

describe('fixtures match their expected output', () => {
  for (const name of readdirSync(CASES).filter((f) => f.endsWith('.txt'))) {
    it(name, () => {
      const actual = digest(caseDoc(name));
      const expectedPath = join(CASES, name.replace(/\.txt$/, '.expected.json'));
      if (update || !existsSync(expectedPath)) writeFileSync(expectedPath, JSON.stringify(actual, null, 2) + '\n');
      expect(actual).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
    });
  }
});
