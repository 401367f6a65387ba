/** The command line, driven as a user drives it: spawn bin/briefing.js (built by `npm test`). */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { CASES, ROOT, SAMPLE, listFiles, run, tempDir } from './helpers.js';

const BIN = join(ROOT, 'bin/briefing.js');

describe('single files', () => {
  it('prints the JSON Document of a file', () => {
    const r = run(['extract', 'fixtures/sample/briefing.txt']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.schemaVersion).toBe(1);
    expect(doc.file).toBe('fixtures/sample/briefing.txt');
    expect(doc.records).toHaveLength(5);
    expect(r.stderr).toBe('');
  });

  it('reads stdin for "-" and for no path', () => {
    const text = readFileSync(join(CASES, 'no-masthead.txt'));
    for (const args of [['extract', '-'], ['extract']]) {
      const r = run(args, text);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).file).toBe('-');
      expect(JSON.parse(r.stdout).records).toHaveLength(3);
    }
  });

  it('names a missing file, a directory and a binary file on one line each, exit 1', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]));
    const missing = run(['extract', 'missing.txt']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('briefing: missing.txt: no such file\n');
    const asDir = run(['extract', dir]);
    expect(asDir.code).toBe(1);
    expect(asDir.stderr.split('\n')[0]).toBe(`briefing: ${dir}: is a directory with no files matching **/*.{txt,pdf,docx,doc,html,htm}`);
    const binary = run(['extract', join(dir, 'photo.png')]);
    expect(binary.code).toBe(1);
    expect(binary.stderr).toBe(`briefing: ${join(dir, 'photo.png')}: not a text file (PNG image at byte 0)\n`);
  });

  it('names the line of an undecodable byte under a forced encoding', () => {
    const dir = tempDir();
    const f = join(dir, 'gbk.txt');
    writeFileSync(f, Buffer.concat([Buffer.from('第一行\n第二行\n'), iconv.encode('第三行', 'gbk')]));
    const r = run(['extract', '--encoding', 'utf-8', f]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`briefing: ${f}: invalid UTF-8 at byte 20, line 3\n`);
  });

  it('prints its version and the JSON Schema', () => {
    const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
    // Alone, answered before the command line loads; with other words, by the command line.
    for (const argv of [['--version'], ['-V'], ['--version', '--no-color']]) expect(run(argv).stdout).toBe(version + '\n');
    const schema = JSON.parse(run(['schema']).stdout);
    expect(schema.type).toBe('object');
    expect(schema.required).toEqual(expect.arrayContaining(['schemaVersion', 'file', 'encoding', 'briefing', 'sections', 'records', 'warnings']));
  });

  it('writes CSV tables that Excel opens: BOM on request, CRLF rows, quoted fields', () => {
    const r = run(['extract', '--format', 'csv', '--bom', 'fixtures/cases/entities.txt']);
    expect(r.raw.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = r.stdout.slice(1).split('\r\n');
    // SCHEMA's columns first, in its order; the columns a join needs after them.
    expect(lines[0]).toBe('file,index,section,heading,title,date_start,date_end,parties,people,agreements,source,text,date_year,institutions');
    expect(lines.filter((l) => l.startsWith('fixtures/cases/entities.txt,'))).toHaveLength(6);
    const people = run(['extract', '-f', 'csv', '-t', 'people', 'fixtures/cases/entities.txt']).stdout.split('\r\n');
    expect(people[0]).toBe('file,index,date_start,section,name,title,date_end,date_year,record_title,record_parties,name_simplified,via');
    expect(people[1]).toBe('fixtures/cases/entities.txt,1,2024-03-02,university-government,钱立新,西川市委副书记、市长,2024-03-02,inferred,东岭大学与西川市人民政府、西川高新区管委会签署三方合作协议,东岭大学；西川市人民政府；西川高新区管委会,钱立新,office-before');
    const agreements = run(['extract', '-f', 'csv', '-t', 'agreements', 'fixtures/cases/entities.txt']).stdout.split('\r\n');
    expect(agreements[0]).toBe('file,index,date_start,kind,text,date_end,date_year,section,record_title,text_simplified');
    expect(agreements.some((l) => l.startsWith('fixtures/cases/entities.txt,3,2024-03-12,memorandum,合作备忘录,'))).toBe(true);
    const parties = run(['extract', '-f', 'csv', '-t', 'parties', 'fixtures/cases/entities.txt']).stdout.split('\r\n');
    expect(parties[1]!.startsWith('fixtures/cases/entities.txt,1,2024-03-02,university-government,东岭大学,university,')).toBe(true);
  });

  it('writes -o atomically and leaves nothing when it cannot', () => {
    const dir = tempDir();
    const out = join(dir, 'out.json');
    expect(run(['extract', '-o', out, 'fixtures/cases/crlf.txt']).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).records).toHaveLength(2);
    expect(readdirSync(dir)).toEqual(['out.json']);
    const bad = run(['extract', '-o', join(dir, 'no/such/dir/out.json'), 'fixtures/cases/crlf.txt']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(`briefing: cannot write ${join(dir, 'no/such/dir/out.json')}: no such file\n`);
  });

  it('stops quietly when the reader of a pipe goes away, with the exit code of SIGPIPE', () => {
    const dir = tempDir();
    for (let i = 0; i < 40; i++) copyFileSync(SAMPLE, join(dir, `f${String(i).padStart(2, '0')}.txt`));
    const r = spawnSync('bash', ['-c', `node ${BIN} extract -f ndjson ${dir} | head -n 1; echo "status \${PIPESTATUS[0]}" >&2`], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    // Nothing misleading: no summary of files "converted" that nobody read, no stack trace.
    expect(r.stderr.trim()).toBe('status 141');
  });
});

describe('archives', () => {
  let archive: string;
  beforeAll(() => {
    archive = tempDir('briefing-archive-');
    mkdirSync(join(archive, '2022/spring'), { recursive: true });
    mkdirSync(join(archive, '2023'), { recursive: true });
    copyFileSync(SAMPLE, join(archive, '2023/04.txt'));
    copyFileSync(join(CASES, 'single-article.txt'), join(archive, '2023/article.txt'));
    writeFileSync(join(archive, '2022/spring/gbk.txt'), iconv.encode(readFileSync(join(CASES, 'no-masthead.txt'), 'utf8'), 'gbk'));
    copyFileSync(join(CASES, 'entities.txt'), join(archive, '2022/entities.txt'));
    writeFileSync(join(archive, '2022/scan.txt'), Buffer.from('%PDF-1.4\n\u0000\u0001binary'));
    symlinkSync(join(archive, 'nowhere.txt'), join(archive, '2022/vanished.txt'));
    symlinkSync(join(archive, '2022/loop-b.txt'), join(archive, '2022/loop-a.txt'));
    symlinkSync(join(archive, '2022/loop-a.txt'), join(archive, '2022/loop-b.txt'));
    writeFileSync(join(archive, '2023/notes.md'), 'not a briefing');
  });

  it('converts every good file, reports the bad ones, mirrors the tree, exit 1', () => {
    const out = tempDir('briefing-out-');
    const r = run(['extract', archive, '--out-dir', out, '--jobs', '2']);
    expect(r.code).toBe(1);
    const errors = r.stderr.split('\n').filter((l) => l.startsWith('briefing: '));
    const shown = (rel: string) => join(archive, rel);
    expect(errors).toEqual([
      `briefing: ${shown('2022/loop-a.txt')}: too many levels of symbolic links (a symlink loop?)`,
      `briefing: ${shown('2022/loop-b.txt')}: too many levels of symbolic links (a symlink loop?)`,
      // A PDF saved under a .txt name is read as a PDF, by its signature (this one is broken).
      `briefing: ${shown('2022/scan.txt')}: not a readable PDF: Invalid PDF structure.`,
      `briefing: ${shown('2022/vanished.txt')}: no such file (a link that points nowhere)`,
    ]);
    expect(listFiles(out)).toEqual(['2022/entities.json', '2022/spring/gbk.json', '2023/04.json', '2023/article.json']);
    expect(JSON.parse(readFileSync(join(out, '2022/spring/gbk.json'), 'utf8')).encoding).toBe('gb18030');
    expect(JSON.parse(readFileSync(join(out, '2023/04.json'), 'utf8')).records).toHaveLength(5);
    expect(r.stderr).toMatch(/4 files converted, 4 failed, 15 records/);
  });

  it('gives the same stream in the same order whatever the number of workers', () => {
    const one = run(['extract', archive, '-f', 'ndjson', '--jobs', '1', '-q']);
    const two = run(['extract', archive, '-f', 'ndjson', '--jobs', '2', '-q']);
    const three = run(['extract', archive, '-f', 'ndjson', '--jobs', '3', '-q', '--timeout-per-file', '60']);
    expect(two.stdout).toBe(one.stdout);
    expect(three.stdout).toBe(one.stdout);
    const files = one.stdout.trim().split('\n').map((l) => JSON.parse(l).file as string);
    expect([...new Set(files)]).toEqual([...new Set(files)].sort());
    expect(one.stderr.split('\n').filter(Boolean)).toHaveLength(4);
  });

  it("streams one CSV header for many files and names each row's file", () => {
    const r = run(['extract', archive, '-f', 'csv', '-q']);
    const rows = r.stdout.split('\r\n').filter(Boolean);
    expect(rows.filter((l) => l.startsWith('file,index'))).toHaveLength(1);
    expect(rows).toHaveLength(1 + 15);
  });

  it('emits one JSON array of Documents for a folder', () => {
    const docs = JSON.parse(run(['extract', archive, '-q']).stdout);
    expect(docs.map((d: { file: string }) => d.file.slice(archive.length + 1))).toEqual(['2022/entities.txt', '2022/spring/gbk.txt', '2023/04.txt', '2023/article.txt']);
  });

  it('takes globs, --glob and --files-from (one a line, or NUL-separated)', () => {
    const glob = run(['extract', `${archive}/2023/*.txt`, '-f', 'ndjson', '-q']);
    expect(new Set(glob.stdout.trim().split('\n').map((l) => JSON.parse(l).file))).toEqual(new Set([`${archive}/2023/04.txt`, `${archive}/2023/article.txt`]));
    const md = run(['extract', archive, '--glob', '**/*.md', '-f', 'ndjson', '-q']);
    expect(md.code).toBe(0);
    const dir = tempDir('briefing-list-');
    writeFileSync(join(dir, 'list.txt'), `${join(archive, '2023/04.txt')}\n${join(archive, '2022/entities.txt')}\n`);
    const from = run(['extract', '--files-from', join(dir, 'list.txt'), '-f', 'ndjson', '-q']);
    expect(new Set(from.stdout.trim().split('\n').map((l) => JSON.parse(l).file)).size).toBe(2);
    const nul = run(['extract', '--files-from', '-', '--null', '-f', 'ndjson', '-q'], `${join(archive, '2023/04.txt')}\0${join(archive, '2022/entities.txt')}\0`);
    expect(nul.stdout).toBe(from.stdout);
  });

  it('skips inputs whose output is newer with --skip-existing, and writes a run report', () => {
    const out = tempDir('briefing-out-');
    run(['extract', archive, '--out-dir', out, '-q']);
    const old = new Date(Date.now() - 3600_000);
    utimesSync(join(out, '2023/04.json'), old, old);
    const report = join(tempDir(), 'report.json');
    const before = statSync(join(out, '2022/entities.json')).mtimeMs;
    const r = run(['extract', archive, '--out-dir', out, '--skip-existing', '--report', report, '-q']);
    expect(r.code).toBe(1);
    const rows = JSON.parse(readFileSync(report, 'utf8')).files as Array<{ display: string; status: string; encoding?: string; records: number; error?: string }>;
    const status = Object.fromEntries(rows.map((f) => [f.display.slice(archive.length + 1), f.status]));
    expect(status).toEqual({
      '2022/entities.txt': 'skipped',
      '2022/loop-a.txt': 'failed',
      '2022/loop-b.txt': 'failed',
      '2022/spring/gbk.txt': 'skipped',
      '2022/scan.txt': 'failed',
      '2022/vanished.txt': 'failed',
      '2023/04.txt': 'ok',
      '2023/article.txt': 'skipped',
    });
    expect(rows.find((f) => f.status === 'ok')).toMatchObject({ encoding: 'utf-8', records: 5 });
    expect(statSync(join(out, '2022/entities.json')).mtimeMs).toBe(before);
  });

  it('never leaves a half-written output when killed', async () => {
    const big = tempDir('briefing-big-');
    const files = 1000;
    for (let i = 0; i < files; i++) copyFileSync(SAMPLE, join(big, `f${String(i).padStart(4, '0')}.txt`));
    const out = tempDir('briefing-out-');
    const child = spawn(process.execPath, [BIN, 'extract', big, '--out-dir', out, '-q', '--jobs', '2'], { stdio: 'ignore' });
    const exited = new Promise((r) => child.on('exit', r));
    // Killed once the first outputs are written, mid-run however fast the machine (a fixed delay let a fast one finish).
    for (let waited = 0; waited < 20_000 && readdirSync(out).filter((f) => f.endsWith('.json')).length < 5; waited += 5) await new Promise((r) => setTimeout(r, 5));
    child.kill('SIGKILL');
    await exited;
    const written = readdirSync(out).filter((f) => f.endsWith('.json'));
    for (const f of written) expect(() => JSON.parse(readFileSync(join(out, f), 'utf8')), f).not.toThrow();
    expect(written.length).toBeGreaterThanOrEqual(5);
    expect(written.length).toBeLessThan(files);
  });

  it('stops on Ctrl-C, prints the summary so far and exits 130', async () => {
    const big = tempDir('briefing-int-');
    // Enough files to take several seconds: 400 took about 0.6 s on a fast machine, and the run ended before the signal.
    for (let i = 0; i < 3000; i++) copyFileSync(SAMPLE, join(big, `f${String(i).padStart(4, '0')}.txt`));
    const out = join(tempDir('briefing-out-'), 'all.ndjson');
    const child = spawn(process.execPath, [BIN, 'extract', big, '-f', 'ndjson', '-o', out, '--jobs', '2'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    await new Promise((r) => setTimeout(r, 700));
    child.kill('SIGINT');
    const code = await new Promise((r) => child.on('exit', r));
    expect(code).toBe(130);
    expect(stderr).toMatch(/^interrupted: \d+ files converted, 0 failed, \d+ records/m);
    expect(existsSync(out)).toBe(false); // -o is only renamed into place when complete
  });

  it('stops at the first failure with --fail-fast', () => {
    const r = run(['extract', archive, '-f', 'ndjson', '--fail-fast', '--jobs', '1']);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('briefing: '))).toHaveLength(1);
  });

  it('reports an output folder it cannot write into, and goes on', () => {
    const out = tempDir('briefing-out-');
    writeFileSync(join(out, '2023'), 'a file where a folder should be');
    const r = run(['extract', archive, '--out-dir', out, '-q']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/2023\/04\.txt: cannot write .*2023\/04\.json/);
    expect(existsSync(join(out, '2022/entities.json'))).toBe(true);
  });
});
