/** Every option is declared once (src/cli/options.ts); --help and the README show each of them. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTRACT_OPTIONS, parseSize } from '../src/cli/options.js';
import { ROOT } from './helpers.js';

describe('options', () => {
  const help = spawnSync(process.execPath, [join(ROOT, 'bin/briefing.js'), 'extract', '--help'], { encoding: 'utf8' }).stdout;
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  for (const o of EXTRACT_OPTIONS) {
    it(`${o.flags} is in --help and in the README`, () => {
      expect(help).toContain(o.flags);
      expect(readme).toContain(`\`${o.flags}\``);
    });
  }
  it('reads sizes with suffixes', () => {
    expect(parseSize('256m')).toBe(256 * 1024 * 1024);
    expect(parseSize('4k')).toBe(4096);
    expect(parseSize('1.5g')).toBe(Math.floor(1.5 * 1024 ** 3));
    expect(parseSize('12')).toBe(12);
    expect(parseSize('lots')).toBeNull();
  });
});

describe('the package', () => {
  it('has a LICENSE that is the license package.json names', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.license).toBe('MIT');
    expect(readFileSync(join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n/);
    expect(pkg.files).toContain('LICENSE');
  });
});
