/** How the command line starts: an ASCII bundle, compiled with the code cache the build made of it. */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a build script in plain JavaScript, without declarations
import { asciiSource } from '../scripts/ascii.mjs';

const ascii = asciiSource as (text: string) => string;
const evaluate = (source: string): unknown => new Function(`return (${source});`)();

describe('asciiSource', () => {
  it('writes every non-ASCII character as an escape of the same code unit', () => {
    const source = "['青岚大学', `云栖${1 + 1}市`, '\\u00e9e']";
    const out = ascii(source);
    expect(out).toMatch(/^[\x00-\x7f]*$/);
    expect(evaluate(out)).toEqual(['青岚大学', '云栖2市', 'ée']);
  });

  it('keeps what a regular expression matches: classes, negated classes, identity escapes, escaped backslashes', () => {
    const cases: Array<[string, string[]]> = [
      ['/^[（(][^（）()]+[）)]$/', ['（来源）', '(来源)', '（来（源）', '来源']],
      ['/\\（完\\）/', ['（完）', '\\（完\\）', '(完)']],
      ['/\\\\（/', ['\\（', '（']],
      ['/(?:大学|学院)$/', ['青岚大学', '学院路']],
      ['/[😀-😂]/u', ['😁', '😃', 'a']],
      ['/^.$/u', ['😁', '青']],
    ];
    for (const [literal, inputs] of cases) {
      const before = evaluate(literal) as RegExp;
      const after = evaluate(ascii(literal)) as RegExp;
      expect(ascii(literal)).toMatch(/^[\x00-\x7f]*$/);
      expect(inputs.map((s) => after.test(s))).toEqual(inputs.map((s) => before.test(s)));
    }
  });
});

describe('the built command line', () => {
  it('is ASCII in every file of dist, so it loads as a one-byte string', () => {
    const files = readdirSync('dist', { recursive: true }).map(String).filter((f) => /\.c?js$/.test(f));
    expect(files).toContain('cli.cjs');
    const offenders = files.filter((f) => readFileSync(join('dist', f)).some((b) => b > 0x7f));
    expect(offenders).toEqual([]);
  });

  it('is compiled with the code cache the build made, which V8 takes', () => {
    // A fresh process: the test runner's own V8 flags could differ from a user's.
    const probe = "const l = require('./bin/cli-loader.js'); const r = l.loadCli(); process.stdout.write(JSON.stringify({ rejected: r.cacheRejected, main: typeof r.main }));";
    const r = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ rejected: false, main: 'function' });
  });

  it('gives the same output with and without the cache', () => {
    const run = (cache: boolean) => {
      const code = `require('./bin/cli-loader.js').loadCli({ cache: ${cache} }).main(['node', 'briefing', 'extract', 'fixtures/sample/briefing.txt', '-f', 'ndjson']).then((c) => { process.exitCode = c; });`;
      return spawnSync(process.execPath, ['-e', code], { encoding: 'utf8' });
    };
    const [cached, fresh] = [run(true), run(false)];
    expect(cached.status).toBe(0);
    expect(cached.stdout.split('\n').length).toBeGreaterThan(3);
    expect(cached.stdout).toBe(fresh.stdout);
  });
});
