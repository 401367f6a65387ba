/**
 * No input lost, no file clobbered, no run that reports success while
 * dropping work: each case was a way to lose or destroy data before.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, existsSync, lstatSync, mkdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { tempPathFor } from '../src/cli/fsutil.js';
import { escapeControls, mirrorPath } from '../src/cli/paths.js';
import { shardOf } from '../src/cli/plan.js';
import { csvField } from '../src/format/csv.js';
import { CASES, ROOT, SAMPLE, listFiles, run, tempDir } from './helpers.js';

const BIN = join(ROOT, 'bin/briefing.js');
const ENTITIES = join(CASES, 'entities.txt');
const lines = (s: string) => s.split('\n').filter(Boolean);
const errors = (s: string) => lines(s).filter((l) => l.startsWith('briefing: '));

/** A folder of `n` copies of a fixture, named f00.txt … */
function folderOf(n: number, source = SAMPLE): string {
  const dir = tempDir();
  for (let i = 0; i < n; i++) copyFileSync(source, join(dir, `f${String(i).padStart(2, '0')}.txt`));
  return dir;
}

describe('a worker that dies', () => {
  // 200,000 short lines need far more than a 48 MB heap: the worker that takes the file dies.
  const heavy = Array.from({ length: 200_000 }, (_, i) => `短行${i}`).join('\n');
  for (const jobs of ['2', '3']) {
    it(`fails its file only; the others are converted, the summary, report and -o written, exit 1 (--jobs ${jobs})`, () => {
      const dir = folderOf(30);
      writeFileSync(join(dir, 'f15-heavy.txt'), heavy);
      const out = join(tempDir(), 'all.ndjson');
      const report = join(tempDir(), 'report.json');
      const r = spawnSync(process.execPath, [BIN, 'extract', dir, '-f', 'ndjson', '-j', jobs, '-o', out, '--report', report], {
        encoding: 'utf8',
        env: { ...process.env, BRIEFING_WORKER_HEAP_MB: '48' },
        timeout: 120_000,
      });
      expect(r.status).toBe(1);
      expect(errors(r.stderr)).toEqual([`briefing: ${join(dir, 'f15-heavy.txt')}: ran out of memory while extracting (a worker's heap is 48 MB)`]);
      expect(r.stderr).toMatch(/30 files converted, 1 failed, 150 records/);
      expect(lines(readFileSync(out, 'utf8'))).toHaveLength(150);
      expect(JSON.parse(readFileSync(report, 'utf8')).totals).toMatchObject({ files: 31, done: 31, failed: 1 });
    });
  }

  it('a file over --timeout-per-file is failed and its worker replaced', () => {
    const dir = folderOf(6);
    // Three times the heavy file: about 3 s of extraction, well past the limit on a loaded machine and a fast one.
    writeFileSync(join(dir, 'f03-slow.txt'), [heavy, heavy, heavy].join('\n'));
    const r = run(['extract', dir, '-f', 'ndjson', '-j', '2', '--timeout-per-file', '1', '-q']);
    expect(r.code).toBe(1);
    expect(errors(r.stderr)).toEqual([`briefing: ${join(dir, 'f03-slow.txt')}: took longer than --timeout-per-file 1 s: stopped`]);
    expect(lines(r.stdout)).toHaveLength(30);
  });
});

describe('-o writes through what is not a regular file', () => {
  it('a FIFO stays a FIFO and gets the data', async () => {
    const dir = tempDir();
    const fifo = join(dir, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = spawn('cat', [fifo]);
    let got = '';
    reader.stdout.on('data', (d) => (got += d));
    const r = run(['extract', ENTITIES, '-f', 'ndjson', '-o', fifo]);
    await new Promise((res) => reader.on('exit', res));
    expect(r.code).toBe(0);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(lines(got)).toHaveLength(6);
  });

  it('a link to a file stays a link; the file it names is replaced', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'real.json'), 'old');
    symlinkSync('real.json', join(dir, 'link.json'));
    expect(run(['extract', ENTITIES, '-o', join(dir, 'link.json')]).code).toBe(0);
    expect(readlinkSync(join(dir, 'link.json'))).toBe('real.json');
    expect(JSON.parse(readFileSync(join(dir, 'real.json'), 'utf8')).records).toHaveLength(6);
  });

  it('a file keeps its permissions; "-o -" is stdout', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'out.json'), 'old');
    chmodSync(join(dir, 'out.json'), 0o640);
    expect(run(['extract', ENTITIES, '-o', join(dir, 'out.json')]).code).toBe(0);
    expect(statSync(join(dir, 'out.json')).mode & 0o777).toBe(0o640);
    const dash = run(['extract', ENTITIES, '-o', '-', '-f', 'ndjson']);
    expect(lines(dash.stdout)).toHaveLength(6);
    expect(existsSync(join(ROOT, '-'))).toBe(false);
  });

  it('a failed single input leaves a good target as it was', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.txt'), Buffer.from([0, 1, 2, 3]));
    writeFileSync(join(dir, 'good.json'), '{"kept": true}\n');
    const r = run(['extract', join(dir, 'bad.txt'), '-o', join(dir, 'good.json')]);
    expect(r.code).toBe(1);
    expect(readFileSync(join(dir, 'good.json'), 'utf8')).toBe('{"kept": true}\n');
  });

  it('an unwritable -o is an error before any extraction, exit 2', () => {
    const r = run(['extract', ENTITIES, '-o', '/nonexistent-folder/out.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('briefing: cannot write /nonexistent-folder/out.json: no such file\n');
  });

  it('a full disk on stdout is one line and exit 2', () => {
    const r = spawnSync('bash', ['-c', `node ${BIN} extract ${ENTITIES} > /dev/full`], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('briefing: cannot write stdout: no space left on device\n');
  });
});

describe('outputs stay inside --out-dir', () => {
  it('--files-from paths climbing out with ./../ or /../ mirror below the folder', () => {
    const root = tempDir();
    mkdirSync(join(root, 'a/b/c'), { recursive: true });
    copyFileSync(ENTITIES, join(root, 'a/x.txt'));
    const list = join(root, 'a/b/c/list.txt');
    writeFileSync(list, `./../../x.txt\n${root}/a/b/../x.txt\n`);
    const out = join(root, 'a/b/c/out');
    const r = run(['extract', '--files-from', list, '--out-dir', out, '-q'], undefined, join(root, 'a/b/c'));
    expect(r.code).toBe(0);
    // Both lines name one file: converted once, below the output folder.
    expect(listFiles(out)).toEqual(['x.json']);
    expect(listFiles(join(root, 'a')).filter((f) => f.endsWith('.json'))).toEqual(['b/c/out/x.json']);
  });

  it("--glob '../x/*.txt' writes nothing outside", () => {
    const root = tempDir();
    mkdirSync(join(root, 'in'));
    mkdirSync(join(root, 'x'));
    copyFileSync(ENTITIES, join(root, 'x/a.txt'));
    copyFileSync(ENTITIES, join(root, 'in/b.txt'));
    const r = run(['extract', join(root, 'in'), '--glob', '../x/*.txt', '--out-dir', join(root, 'out'), '-q']);
    expect(r.code).toBe(1); // the folder holds nothing matching
    expect(existsSync(join(root, 'x/a.json'))).toBe(false);
  });

  it('a link inside --out-dir does not carry an output out of it', () => {
    const root = tempDir();
    mkdirSync(join(root, 'in/2023'), { recursive: true });
    mkdirSync(join(root, 'elsewhere'));
    mkdirSync(join(root, 'out'));
    copyFileSync(ENTITIES, join(root, 'in/2023/a.txt'));
    symlinkSync(join(root, 'elsewhere'), join(root, 'out/2023'));
    const r = run(['extract', join(root, 'in'), '--out-dir', join(root, 'out'), '-q']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/would fall outside --out-dir \(through a link\)/);
    expect(listFiles(join(root, 'elsewhere'))).toEqual([]);
  });
});

describe('two inputs, one output', () => {
  it('mirrors plain paths as given and folder names when there are several folders', () => {
    const root = tempDir();
    for (const d of ['a', 'b']) {
      mkdirSync(join(root, d));
      copyFileSync(ENTITIES, join(root, d, '03.txt'));
    }
    expect(run(['extract', 'a/03.txt', 'b/03.txt', '--out-dir', 'out', '-q'], undefined, root).code).toBe(0);
    expect(listFiles(join(root, 'out'))).toEqual(['a/03.json', 'b/03.json']);
    expect(run(['extract', 'a', 'b', '--out-dir', 'out2', '-q'], undefined, root).code).toBe(0);
    expect(listFiles(join(root, 'out2'))).toEqual(['a/03.json', 'b/03.json']);
  });

  it('refuses names that would share an output, before converting anything, exit 2', () => {
    const root = tempDir();
    // a.md keeps its extension (a.md.json); a.txt and a.TXT both give a.json.
    for (const f of ['a.txt', 'a.TXT', 'a.md', 'a.text']) copyFileSync(ENTITIES, join(root, f));
    const r = run(['extract', '.', '--glob', '**/*', '--out-dir', 'out'], undefined, root);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('briefing: two inputs, one output: a.TXT and a.text would both write out/a.json; a.TXT and a.txt would both write out/a.json; name the inputs by their folders, or convert them in separate runs\n');
    expect(existsSync(join(root, 'out'))).toBe(false);
  });

  it('the same input named twice is converted once', () => {
    const r = run(['extract', ENTITIES, ENTITIES, '-f', 'ndjson']);
    expect(r.code).toBe(0);
    expect(lines(r.stdout)).toHaveLength(6);
    expect(r.stderr).toMatch(/1 files converted, 1 skipped, 0 failed/);
  });

  it('CSV outputs are named by table, so two tables never overwrite each other', () => {
    const root = tempDir();
    copyFileSync(ENTITIES, join(root, '03.txt'));
    run(['extract', '03.txt', '--out-dir', 'out', '-t', 'people', '-q'], undefined, root);
    run(['extract', '03.txt', '--out-dir', 'out', '-t', 'parties', '-q'], undefined, root);
    run(['extract', '03.txt', '--out-dir', 'out', '-f', 'csv', '-q'], undefined, root);
    expect(listFiles(join(root, 'out'))).toEqual(['03.parties.csv', '03.people.csv', '03.records.csv']);
  });
});

describe('an output that is an input', () => {
  it('-o naming the input is refused, and the input is intact', () => {
    const dir = tempDir();
    copyFileSync(ENTITIES, join(dir, 'self.txt'));
    const r = run(['extract', join(dir, 'self.txt'), '-o', join(dir, 'self.txt')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`briefing: ${join(dir, 'self.txt')} is also an input (${join(dir, 'self.txt')}): refusing to overwrite it\n`);
    expect(readFileSync(join(dir, 'self.txt'))).toEqual(readFileSync(ENTITIES));
  });

  it('--report naming -o, or an output of --out-dir, is refused', () => {
    const dir = tempDir();
    copyFileSync(ENTITIES, join(dir, 'a.txt'));
    expect(run(['extract', 'a.txt', '-o', 'x.json', '--report', 'x.json'], undefined, dir).code).toBe(2);
    const r = run(['extract', 'a.txt', '--out-dir', 'out', '--report', 'out/a.json'], undefined, dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/name the same file/);
  });

  it('--out-dir on an input folder whose glob takes its own outputs is refused on the next run', () => {
    const dir = tempDir();
    copyFileSync(ENTITIES, join(dir, 'a.txt'));
    expect(run(['extract', dir, '--glob', '**/*', '--out-dir', dir, '-q']).code).toBe(0);
    const before = readFileSync(join(dir, 'a.json'));
    const again = run(['extract', dir, '--glob', '**/*', '--out-dir', dir, '-q']);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/is also an input/);
    expect(readFileSync(join(dir, 'a.json'))).toEqual(before);
  });
});

describe('standard input', () => {
  it('with --out-dir writes OUT/stdin.<ext>', () => {
    const dir = tempDir();
    const r = run(['extract', '--out-dir', dir, '-f', 'ndjson'], readFileSync(ENTITIES));
    expect(r.code).toBe(0);
    expect(listFiles(dir)).toEqual(['stdin.ndjson']);
    expect(lines(readFileSync(join(dir, 'stdin.ndjson'), 'utf8'))).toHaveLength(6);
  });

  it('stops reading at --max-size', () => {
    const r = spawnSync('bash', ['-c', `yes 东岭大学与西川市签署合作协议 | node ${BIN} extract --max-size 64k`], { encoding: 'utf8', timeout: 20_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('briefing: -: standard input too large: more than --max-size 65536 bytes\n');
  });

  it('SIGTERM ends the process while it waits on standard input', async () => {
    const child = spawn(process.execPath, [BIN, 'extract'], { stdio: ['pipe', 'ignore', 'pipe'] });
    await new Promise((r) => setTimeout(r, 500));
    const t = Date.now();
    child.kill('SIGTERM');
    const code = await new Promise((r) => child.on('exit', r));
    expect(code).toBe(130);
    expect(Date.now() - t).toBeLessThan(5000);
    child.stdin.destroy();
  });

  it('SIGTERM ends the process while it waits on a full pipe', async () => {
    const dir = folderOf(60);
    const child = spawn(process.execPath, [BIN, 'extract', dir, '-f', 'ndjson'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pause(); // nobody reads: the pipe fills
    await new Promise((r) => setTimeout(r, 1500));
    child.kill('SIGTERM');
    const code = await new Promise((r) => child.on('exit', r));
    expect(code).toBe(130);
  });
});

describe('nothing skipped in silence', () => {
  it('reads GBK-named files by their bytes, *.TXT counts, hidden files stay out unless --hidden', () => {
    const root = tempDir();
    mkdirSync(join(root, 'in/.hidden'), { recursive: true });
    const gbkName = Buffer.concat([Buffer.from(join(root, 'in') + '/'), iconv.encode('报告', 'gbk'), Buffer.from('.txt')]);
    writeFileSync(gbkName, readFileSync(ENTITIES));
    copyFileSync(ENTITIES, join(root, 'in/UPPER.TXT'));
    copyFileSync(ENTITIES, join(root, 'in/.dot.txt'));
    copyFileSync(ENTITIES, join(root, 'in/.hidden/c.txt'));
    const r = run(['extract', 'in', '--out-dir', 'out', '--report', 'r.json'], undefined, root);
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(join(root, 'r.json'), 'utf8'));
    expect(report.files.map((f: { display: string }) => f.display)).toEqual(['in/UPPER.TXT', 'in/报告.txt']);
    expect(report.hidden).toBe(2);
    // The output's name keeps the input's bytes.
    expect(existsSync(Buffer.concat([Buffer.from(join(root, 'out') + '/'), iconv.encode('报告', 'gbk'), Buffer.from('.json')]))).toBe(true);
    const all = run(['extract', 'in', '--hidden', '-f', 'ndjson', '-q'], undefined, root);
    expect(new Set(lines(all.stdout).map((l) => JSON.parse(l).file))).toEqual(new Set(['in/.dot.txt', 'in/.hidden/c.txt', 'in/UPPER.TXT', 'in/报告.txt']));
  });

  it('a folder it cannot read is reported, and the rest converted', () => {
    const root = tempDir();
    mkdirSync(join(root, 'in/locked'), { recursive: true });
    copyFileSync(ENTITIES, join(root, 'in/a.txt'));
    copyFileSync(ENTITIES, join(root, 'in/locked/b.txt'));
    chmodSync(join(root, 'in/locked'), 0o000);
    chmodSync(root, 0o755);
    // As root every folder is readable: run as nobody then, from a copy of the command nobody can
    // reach (the checkout may sit in a folder only root may enter, as `mktemp -d` makes them).
    const asRoot = process.getuid?.() === 0;
    let bin = BIN;
    if (asRoot) {
      for (const part of ['bin', 'dist', 'package.json']) cpSync(join(ROOT, part), join(root, 'app', part), { recursive: true });
      bin = join(root, 'app/bin/briefing.js');
    }
    const r = spawnSync(process.execPath, [bin, 'extract', join(root, 'in'), '-f', 'ndjson'], { encoding: 'utf8', ...(asRoot ? { uid: 65534, gid: 65534 } : {}) });
    chmodSync(join(root, 'in/locked'), 0o755);
    expect(r.status).toBe(1);
    expect(errors(r.stderr)).toEqual([`briefing: ${join(root, 'in/locked')}: cannot read this folder: permission denied`]);
    expect(lines(r.stdout)).toHaveLength(6);
  });

  it('a path longer than the system opens is reported', () => {
    const root = tempDir();
    const deep = join(root, 'in');
    mkdirSync(deep);
    copyFileSync(ENTITIES, join(deep, 'a.txt'));
    // 22 folders of 200 characters, made one step at a time (no one call sees the whole path).
    const made = spawnSync('bash', ['-c', `cd "${deep}" && for i in $(seq 22); do mkdir ${'d'.repeat(200)} && cd ${'d'.repeat(200)} || exit 1; done; cp "${ENTITIES}" deep.txt`]);
    expect(made.status).toBe(0);
    const r = run(['extract', deep, '-f', 'ndjson']);
    spawnSync('rm', ['-rf', deep]);
    expect(r.code).toBe(1);
    expect(errors(r.stderr)).toHaveLength(1);
    expect(errors(r.stderr)[0]).toMatch(/: cannot read this path: path too long for the system to open \(PATH_MAX or NAME_MAX\)$/);
    expect(lines(r.stdout)).toHaveLength(6);
  });

  it('a link loop adds nothing; a link leading out of the folder is reported, not read', () => {
    const root = tempDir();
    mkdirSync(join(root, 'in/loop'), { recursive: true });
    mkdirSync(join(root, 'outside'));
    copyFileSync(ENTITIES, join(root, 'in/loop/a.txt'));
    copyFileSync(ENTITIES, join(root, 'outside/secret.txt'));
    symlinkSync('.', join(root, 'in/loop/l1'));
    symlinkSync('..', join(root, 'in/loop/l2'));
    symlinkSync(join(root, 'outside'), join(root, 'in/ext'));
    symlinkSync(join(root, 'outside/secret.txt'), join(root, 'in/secret.txt'));
    const r = run(['extract', join(root, 'in'), '-f', 'ndjson']);
    expect(r.code).toBe(1);
    expect(new Set(lines(r.stdout).map((l) => JSON.parse(l).file))).toEqual(new Set([join(root, 'in/loop/a.txt')]));
    expect(errors(r.stderr)).toEqual([
      `briefing: ${join(root, 'in/ext')}: a link to a folder outside ${join(root, 'in')}: not followed`,
      `briefing: ${join(root, 'in/secret.txt')}: a link to a file outside ${join(root, 'in')}: not read`,
    ]);
  });

  it('escapes control characters in file names on stderr', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '\x1b]0;pwned\x07.txt'), Buffer.from([0, 1, 2]));
    const r = run(['extract', dir, '-q']);
    expect(r.stderr).toBe(`briefing: ${dir}/\\x1b]0;pwned\\x07.txt: not a text file (NUL byte at byte 0)\n`);
    expect(escapeControls('a\u202eb\x9bc')).toBe('a\\u202eb\\x9bc');
  });
});

describe('options and conventions', () => {
  it('option errors are one line, exit 2', () => {
    const cases: Array<[string[], string]> = [
      [['extract', '--frobnicate'], "briefing: unknown option '--frobnicate' (see \"briefing extract --help\")\n"],
      [['extract', '--jobs', '0x10', 'x'], 'briefing: --jobs takes a whole number from 1 to 256, not "0x10"\n'],
      [['extract', '--jobs', '1e1', 'x'], 'briefing: --jobs takes a whole number from 1 to 256, not "1e1"\n'],
      [['extract', '--year', '0999', 'x'], 'briefing: --year takes a four-digit year such as 2024, not "0999"\n'],
      [['extract', '--out-dir', '', 'x'], 'briefing: --out-dir takes a non-empty value\n'],
      [['extract', '--glob', '', 'x'], 'briefing: --glob takes a non-empty value\n'],
      [['extract', '-f', 'json', '-t', 'people', 'x'], 'briefing: --table goes with --format csv or ndjson, not json\n'],
      [['extract', '--shard', '4/4', 'x'], 'briefing: --shard takes I/N with 0 ≤ I < N (such as 0/4), not "4/4"\n'],
      [['frobnicate'], "briefing: unknown command 'frobnicate' (see \"briefing --help\")\n"],
    ];
    for (const [args, message] of cases) {
      const r = run(args);
      expect(r.stderr, args.join(' ')).toBe(message);
      expect(r.code, args.join(' ')).toBe(2);
    }
  });

  it('--table implies csv, and formats and tables are read in any case', () => {
    const t = run(['extract', ENTITIES, '-t', 'people']);
    expect(t.stdout.split('\r\n')[0]!.startsWith('file,index,date_start,section,name,title,')).toBe(true);
    const upper = run(['extract', ENTITIES, '--format', 'CSV', '-t', 'PEOPLE']);
    expect(upper.stdout).toBe(t.stdout);
  });

  it('--help of each command shows examples and the exit codes', () => {
    for (const cmd of [[], ['extract'], ['eval'], ['schema']]) {
      const help = run([...cmd, '--help']).stdout;
      expect(help, cmd.join(' ')).toMatch(/Exit codes:\n\s+0 /);
      if (cmd.length && cmd[0] !== 'schema') expect(help).toMatch(/Examples:\n/);
    }
  });

  it('NO_COLOR and --no-color turn colour off', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'g.json'), readFileSync(join(ROOT, 'fixtures/sample/briefing.gold.json')));
    copyFileSync(SAMPLE, join(dir, 'briefing.txt'));
    const colored = run(['eval', join(dir, 'g.json')], undefined, ROOT, { FORCE_COLOR: '1' });
    expect(colored.stdout).toMatch(/\x1b\[/);
    expect(run(['eval', join(dir, 'g.json')], undefined, ROOT, { FORCE_COLOR: '1', NO_COLOR: '1' }).stdout).not.toMatch(/\x1b\[/);
    expect(run(['--no-color', 'eval', join(dir, 'g.json')], undefined, ROOT, { FORCE_COLOR: '1' }).stdout).not.toMatch(/\x1b\[/);
  });

  it('with --bom, a cell holding ";" is quoted (Excel splits on it in many locales)', () => {
    expect(csvField(';@SUM(1)', true)).toBe('";@SUM(1)"');
    expect(csvField(';@SUM(1)', false)).toBe(';@SUM(1)');
    expect(csvField('=1+1', true)).toBe("'=1+1");
  });

  it('temp names stay within 255 bytes, and mirrored paths never climb', () => {
    const long = '/tmp/' + '长'.repeat(80) + '.json';
    const tmp = tempPathFor(Buffer.from(long).toString('latin1'));
    expect(Buffer.byteLength(tmp.slice(tmp.lastIndexOf('/') + 1), 'latin1')).toBeLessThanOrEqual(255);
    expect(mirrorPath('./../../a/b.txt')).toBe('a/b.txt');
    expect(mirrorPath('/../../x/../y.txt')).toBe('y.txt');
  });
});

describe('resuming and sharding', () => {
  it('--manifest records every input; --skip-existing with it skips by hash, not by time', () => {
    const root = tempDir();
    mkdirSync(join(root, 'in'));
    copyFileSync(ENTITIES, join(root, 'in/a.txt'));
    copyFileSync(SAMPLE, join(root, 'in/b.txt'));
    const args = ['extract', 'in', '--out-dir', 'out', '--manifest', 'm.ndjson', '-q'];
    expect(run(args, undefined, root).code).toBe(0);
    const first = lines(readFileSync(join(root, 'm.ndjson'), 'utf8')).map((l) => JSON.parse(l));
    expect(first.map((l) => [l.path, l.status, l.size])).toEqual([['in/a.txt', 'ok', statSync(ENTITIES).size], ['in/b.txt', 'ok', statSync(SAMPLE).size]]);
    expect(first[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(first[0].outputSha256).toMatch(/^[0-9a-f]{64}$/);
    // Unchanged: both skipped.
    const again = run([...args, '--skip-existing', '--report', 'r.json'], undefined, root);
    expect(JSON.parse(readFileSync(join(root, 'r.json'), 'utf8')).files.map((f: { status: string }) => f.status)).toEqual(['skipped', 'skipped']);
    expect(again.code).toBe(0);
    // A different file copied over a.txt with an old time (cp -p) is converted again.
    const old = statSync(join(root, 'in/a.txt')).mtime;
    copyFileSync(join(CASES, 'crlf.txt'), join(root, 'in/a.txt'));
    spawnSync('touch', ['-d', old.toISOString(), join(root, 'in/a.txt')]);
    run([...args, '--skip-existing', '--report', 'r.json'], undefined, root);
    expect(JSON.parse(readFileSync(join(root, 'r.json'), 'utf8')).files.map((f: { status: string }) => f.status)).toEqual(['ok', 'skipped']);
    expect(JSON.parse(readFileSync(join(root, 'out/a.json'), 'utf8')).records).toHaveLength(2);
    // Another --year makes other outputs: both converted again.
    run([...args, '--skip-existing', '--year', '2020', '--report', 'r.json'], undefined, root);
    expect(JSON.parse(readFileSync(join(root, 'r.json'), 'utf8')).files.map((f: { status: string }) => f.status)).toEqual(['ok', 'ok']);
  });

  it('--shard I/N: the shards together take every input exactly once', () => {
    const dir = folderOf(24, ENTITIES);
    const all = lines(run(['extract', dir, '-f', 'ndjson', '-q']).stdout);
    const taken: string[] = [];
    for (let i = 0; i < 3; i++) taken.push(...lines(run(['extract', dir, '-f', 'ndjson', '-q', '--shard', `${i}/3`]).stdout));
    expect(taken.sort()).toEqual(all.sort());
    expect(new Set([0, 1, 2].map((i) => shardOf(`x/f${i}.txt`, 3))).size).toBeGreaterThan(1);
  });

  it('GNU parallel can split an archive over several runs', () => {
    const has = spawnSync('parallel', ['--version'], { encoding: 'utf8' });
    const dir = folderOf(12, ENTITIES);
    const out = tempDir();
    const reports = tempDir();
    if (has.status !== 0) {
      // Without GNU parallel, the same split by hand: the command line each job runs.
      const files = listFiles(dir).map((f) => join(dir, f));
      for (let k = 0; k < 3; k++) {
        const part = files.slice(k * 4, k * 4 + 4).join('\0') + '\0';
        expect(run(['extract', '--files-from', '-', '--null', '--out-dir', out, '-q', '--report', join(reports, `r${k}.json`)], part).code).toBe(0);
      }
    } else {
      const r = spawnSync('bash', ['-c', `find ${dir} -name '*.txt' -print0 | parallel -0 --pipe -N4 'node ${BIN} extract --files-from - --null --out-dir ${out} -q --report ${reports}/r{#}.json'`], { encoding: 'utf8' });
      expect(r.status).toBe(0);
    }
    expect(listFiles(out).length).toBe(12);
  });
});
