/**
 * The office table (src/extract/offices.ts): what readOffices tables for a text
 * is what reading each position directly gives, on every fixture text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { officeFrom, officeLengthAt, readOffices } from '../src/extract/offices.js';
import { fold } from '../src/text/normalize.js';
import { CASES, listFiles } from './helpers.js';

/** Office lengths ending and starting at every position of `view`. */
function everyPosition(view: string): { ending: number[]; starting: number[] } {
  const ending: number[] = [];
  const starting: number[] = [];
  for (let i = 0; i <= view.length; i++) {
    ending.push(officeLengthAt(view, i));
    starting.push(officeFrom(view, i));
  }
  return { ending, starting };
}

describe('the office table', () => {
  const texts = listFiles(CASES)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => fold(readFileSync(join(CASES, f), 'utf8')));

  it('gives, position by position, what reading the text directly gives', () => {
    expect(texts.length).toBeGreaterThan(20);
    let offices = 0;
    for (const view of texts) {
      readOffices('');
      const direct = everyPosition(view);
      readOffices(view);
      expect(everyPosition(view)).toEqual(direct);
      offices += direct.starting.filter((n) => n > 0).length;
    }
    // The fixtures name offices: the comparison is not between two empty tables.
    expect(offices).toBeGreaterThan(100);
  });

  it('reads a text other than the tabled one directly', () => {
    readOffices('东岭大学校长');
    expect(officeLengthAt('西川市副市长', 6)).toBe(3);
    expect(officeFrom('西川市副市长', 3)).toBe(3);
    expect(officeFrom('东岭大学校长', 4)).toBe(2);
  });
});
