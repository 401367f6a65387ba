/** An input's output held until its turn in the shared stream: in memory, then in an unnamed temp file. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HeldOutput, SPILL_AT, SpillFile } from '../src/cli/held.js';
import { INLINE_MAX } from '../src/cli/pool.js';
import { run, SAMPLE, tempDir } from './helpers.js';

const part = (text: string) => Buffer.from(text);
const drained = async (h: HeldOutput) => {
  const got: Buffer[] = [];
  await h.drain(async (p) => {
    got.push(Buffer.from(p));
    return true;
  });
  return Buffer.concat(got).toString();
};

describe('HeldOutput', () => {
  it('gives back small output in order, from memory, without a temp file', async () => {
    const dir = tempDir();
    const h = new HeldOutput(dir, 100);
    for (const t of ['一、', '校地', '合作\n']) h.add(part(t));
    expect(readdirSync(dir)).toEqual([]);
    expect(await h.problem()).toBeNull();
    expect(await drained(h)).toBe('一、校地合作\n');
  });

  it('moves output past its limit to a temp file that has no name, and reads it back whole and in order', async () => {
    const dir = tempDir();
    const h = new HeldOutput(dir, 10);
    const lines = Array.from({ length: 200 }, (_, k) => `{"index":${k},"name":"某某大学"}\n`);
    for (const l of lines) h.add(part(l));
    expect(await h.problem()).toBeNull();
    // Unlinked as soon as it was opened: nothing is left behind however the run ends.
    expect(readdirSync(dir)).toEqual([]);
    expect(await drained(h)).toBe(lines.join(''));
  });

  it('says why when the temp file cannot be made, naming the folder, and gives nothing back', async () => {
    const dir = join(tempDir(), 'missing');
    const h = new HeldOutput(dir, 4);
    h.add(part('0123456789'));
    h.add(part('abc'));
    expect(await h.problem()).toMatch(new RegExp(`^cannot hold its output in ${dir}: no such file`));
    await expect(drained(h)).rejects.toThrow(/cannot hold/);
  });

  it('stops giving back when the writer answers false (an interrupted run)', async () => {
    const h = new HeldOutput(tempDir(), 4);
    for (const t of ['aaaa', 'bbbb', 'cccc']) h.add(part(t));
    const got: string[] = [];
    await h.drain(async (p) => {
      got.push(Buffer.from(p).toString());
      return false;
    });
    expect(got).toHaveLength(1);
    expect('aaaabbbbcccc'.startsWith(got[0]!)).toBe(true);
  });

  it('drops what it holds when discarded (a failed input), and drains nothing after', async () => {
    const dir = tempDir();
    const h = new HeldOutput(dir, 4);
    h.add(part('half of a record'));
    await h.discard();
    expect(await drained(h)).toBe('');
  });
});

describe('SpillFile (a worker writes a large output into it) and HeldOutput.adopt (the main thread reads it back)', () => {
  it('gives back what the worker wrote, in order, from a file that has no name', async () => {
    const dir = tempDir();
    const spill = new SpillFile(dir);
    expect(spill.fd).not.toBeNull();
    expect(readdirSync(dir)).toEqual([]);
    const lines = Array.from({ length: 300 }, (_, k) => `{"index":${k},"name":"某某学院"}\n`);
    for (const l of lines) spill.write(part(l));
    const h = new HeldOutput(dir);
    h.adopt(spill.handOver());
    expect(await h.problem()).toBeNull();
    expect(await drained(h)).toBe(lines.join(''));
  });

  it('says why when the worker could not make its file, naming the folder, and gives nothing back', async () => {
    const dir = join(tempDir(), 'missing');
    const spill = new SpillFile(dir);
    spill.write(part('0123456789'));
    expect(spill.fd).toBeNull();
    const h = new HeldOutput(dir);
    h.adopt(spill.handOver());
    expect(await h.problem()).toMatch(new RegExp(`^cannot hold its output in ${dir}: no such file`));
    await expect(drained(h)).rejects.toThrow(/cannot hold/);
  });
});

describe('the shared stream with an input whose output outgrows memory', () => {
  it('writes it in its place, byte for byte, from the temp file its worker wrote it into, which is gone after', () => {
    const dir = tempDir();
    const tmp = tempDir();
    const sample = readFileSync(SAMPLE, 'utf8');
    // Our sample briefing over and over: larger than this thread extracts itself, its NDJSON larger than is held in memory.
    const big = join(dir, 'a-big.txt');
    writeFileSync(big, sample.repeat(Math.ceil((1.4 * INLINE_MAX) / Buffer.byteLength(sample))));
    const small = join(dir, 'b-small.txt');
    writeFileSync(small, sample);
    const r = run(['extract', 'a-big.txt', 'b-small.txt', '-f', 'ndjson', '--jobs', '2', '-q'], undefined, dir, { TMPDIR: tmp });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.raw.length).toBeGreaterThan(SPILL_AT);
    // --out-dir writes each input's own file, never through the held output: the same bytes, in input order.
    const out = join(dir, 'out');
    expect(run(['extract', 'a-big.txt', 'b-small.txt', '-f', 'ndjson', '--out-dir', out, '-q'], undefined, dir).code).toBe(0);
    const whole = Buffer.concat([readFileSync(join(out, 'a-big.ndjson')), readFileSync(join(out, 'b-small.ndjson'))]);
    expect(r.raw.equals(whole)).toBe(true);
    expect(readdirSync(tmp)).toEqual([]);
    // -o writes through a file stream that takes each buffer later than it is handed over: the buffer read back
    // from the temp file is filled again only once the stream has it, so the file gets the same bytes.
    const o = join(dir, 'all.ndjson');
    expect(run(['extract', 'a-big.txt', 'b-small.txt', '-f', 'ndjson', '--jobs', '2', '-q', '-o', o], undefined, dir, { TMPDIR: tmp }).code).toBe(0);
    expect(readFileSync(o).equals(whole)).toBe(true);
  });
});
