/**
 * A task lets a text input's bytes go once they are decoded (issue 14: a large
 * file's bytes no longer sit beside its whole layout), and its output is the
 * one the library gives for the same bytes. Invented texts.
 */
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputBytes, OUTSIDE_MALLOC_AT, convertBytes, readInput, readOutsideMalloc, type TaskOptions } from '../src/cli/task.js';
import { tempDir } from './helpers.js';
import { decodeInput, extractBriefing, ndjsonLines, streamText, collectRecords } from '../src/index.js';

const options: TaskOptions = { format: 'ndjson', table: 'records', bom: false, maxSize: 1 << 20, skipExisting: false, hashes: true };
const text = '东岭大学合作工作简报\n\n一、校地合作\n\n1. 东岭大学与南港市签署合作协议\n\n6月5日，东岭大学与南港市人民政府签署合作协议。南港市市长周明远出席。\n';
const output = (r: { chunk?: Uint8Array[] | undefined }) => Buffer.concat(r.chunk ?? []).toString('utf8');

describe('a task and its input bytes', () => {
  it('lets a text input go once decoded, and writes what the library writes', async () => {
    const bytes = iconv.encode(text, 'gb18030');
    const held = new InputBytes(bytes);
    const r = await convertBytes(held, 'a.txt', options);
    expect(r.status).toBe('ok');
    expect(r.bytes).toBe(bytes.length);
    expect(r.encoding).toBe('gb18030');
    expect(() => held.bytes).toThrow(/let go/);
    expect(output(r)).toBe(ndjsonLines(extractBriefing(bytes, { file: 'a.txt' })));
    expect(r.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('still names the line of a decoding error', async () => {
    const bytes = Buffer.concat([Buffer.from('第一行\n第二行\n'), Buffer.from([0xff, 0xfe, 0xfd]), Buffer.from('\n')]);
    const r = await convertBytes(new InputBytes(bytes), 'b.txt', { ...options, encoding: 'utf-8' });
    expect(r.status).toBe('failed');
    expect(r.error).toMatch(/line 3/);
  });

  it('gives the review page the text as decoded, though the bytes are gone', async () => {
    const r = await convertBytes(new InputBytes(Buffer.from(text)), 'c.txt', { ...options, format: 'html' });
    expect(r.status).toBe('ok');
    expect(output(r)).toContain('签署合作协议。南港市市长<span class="hl hl-person"');
  });

  it('decodes as streamBriefing does: decodeInput then streamText is the same Document', () => {
    const bytes = Buffer.concat([Buffer.from(text), Buffer.from([0xe4, 0xb8])]);
    const d = decodeInput(bytes);
    expect(d.closing.map((w) => w.code)).toEqual(['truncated-input']);
    const doc = collectRecords(streamText(d.text, d.encoding, { file: 'd.txt' }, { closing: d.closing }));
    expect(doc).toEqual(extractBriefing(bytes, { file: 'd.txt' }));
  });
});

describe('a large input read into memory of its own', () => {
  const large = Buffer.from(text.repeat(Math.ceil(OUTSIDE_MALLOC_AT / Buffer.byteLength(text)) + 1));

  it('holds the same bytes as the file, in a WebAssembly memory', async () => {
    const path = join(tempDir(), 'large.txt');
    writeFileSync(path, large);
    const held = await readInput(path, large.length);
    expect(Buffer.compare(Buffer.from(held.bytes), large)).toBe(0);
    // A Buffer's memory is the file's size; a WebAssembly memory's is whole 64 KB pages.
    expect(held.bytes.buffer.byteLength % 65536).toBe(0);
    expect(held.bytes.buffer.byteLength).toBeGreaterThan(large.length);
  });

  it('gives nothing for a file whose size is not the one measured (it grew or shrank): the caller reads it as usual', async () => {
    const path = join(tempDir(), 'changed.txt');
    writeFileSync(path, large);
    expect(await readOutsideMalloc(path, large.length - 1)).toBeNull();
    expect(await readOutsideMalloc(path, large.length + 1)).toBeNull();
    const held = await readInput(path, large.length - 1);
    expect(Buffer.compare(Buffer.from(held.bytes), large)).toBe(0);
  });
});
