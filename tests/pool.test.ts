/**
 * The worker pool: a worker is handed its next task before it ends the one it
 * runs; when it dies, only the running task fails, and the one handed ahead
 * runs on the fresh worker.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createPool, INLINE_MAX, WORKER_YOUNG_MB } from '../src/cli/pool.js';
import type { TaskOptions } from '../src/cli/task.js';
import { tempDir } from './helpers.js';

/** A stand-in worker: answers each task with its name, and stops dead on the task named `die`. */
const FAKE = `
import { parentPort, threadId } from 'node:worker_threads';
parentPort.on('message', (m) => {
  if (m.input.display === 'die') process.exit(3);
  parentPort.postMessage({ id: m.id, result: { status: 'ok', display: m.input.display + '@' + threadId, bytes: 1, records: 1, warnings: 0 } });
});
`;

const options: TaskOptions = { format: 'ndjson', table: 'records', bom: false, maxSize: 1 << 30, skipExisting: false, hashes: false };
const big = INLINE_MAX + 1;
const input = (name: string) => ({ path: name, display: name });

describe('the worker pool', () => {
  it('fails only the running task of a worker that dies; the task handed ahead runs on its successor', async () => {
    const url = pathToFileURL(join(tempDir(), 'fake-worker.mjs'));
    writeFileSync(url, FAKE);
    // --jobs 2: this thread and one worker; large inputs always go to the worker, two at a time.
    const pool = createPool({ jobs: 2, options, workerUrl: url, heapMb: 64, youngMb: WORKER_YOUNG_MB });
    const results = await Promise.all(['a', 'die', 'b', 'c'].map((n) => pool.run(input(n), big)));
    await pool.close();
    expect(results.map((r) => r.status)).toEqual(['ok', 'failed', 'ok', 'ok']);
    expect(results[1]!.error).toBe('internal error: the worker stopped');
    // `a` ran on the first worker, `b` (handed ahead of `die`) and `c` on the one after it.
    const thread = (r: { display: string }) => r.display.split('@')[1];
    expect(results[0]!.display.split('@')[0]).toBe('a');
    expect(thread(results[2]!)).toBe(thread(results[3]!));
    expect(thread(results[2]!)).not.toBe(thread(results[0]!));
  });

  it('hands a worker its next task while it runs one, when this thread extracts too', async () => {
    // This stand-in answers a task once the next has reached it (or after a pause), saying how many had.
    const holding = `
import { parentPort } from 'node:worker_threads';
const held = [];
let seen = 0;
const answer = () => { const m = held.shift(); if (m) parentPort.postMessage({ id: m.id, result: { status: 'ok', display: m.input.display + ':' + seen, bytes: 1, records: 1, warnings: 0 } }); };
parentPort.on('message', (m) => { seen++; held.push(m); if (held.length >= 2) answer(); else setTimeout(answer, 300); });
`;
    const url = pathToFileURL(join(tempDir(), 'holding-worker.mjs'));
    writeFileSync(url, holding);
    const pool = createPool({ jobs: 2, options, workerUrl: url, heapMb: 64, youngMb: WORKER_YOUNG_MB });
    const results = await Promise.all(['a', 'b'].map((n) => pool.run(input(n), big)));
    await pool.close();
    expect(results.map((r) => r.display)).toEqual(['a:2', 'b:2']);
  });

  it('hands the parts a worker streams to the sink of the task they belong to, in order, and only when asked to stream', async () => {
    const parting = `
import { parentPort } from 'node:worker_threads';
parentPort.on('message', (m) => {
  if (m.stream) for (const k of [1, 2, 3]) parentPort.postMessage({ id: m.id, part: new TextEncoder().encode(m.input.display + k) });
  parentPort.postMessage({ id: m.id, result: { status: 'ok', display: m.input.display + (m.stream ? ':streamed' : ':whole'), bytes: 1, records: 1, warnings: 0 } });
});
`;
    const url = pathToFileURL(join(tempDir(), 'parting-worker.mjs'));
    writeFileSync(url, parting);
    const pool = createPool({ jobs: 2, options, workerUrl: url, heapMb: 64, youngMb: WORKER_YOUNG_MB });
    const got: { [name: string]: string[] } = { a: [], b: [] };
    const sink = (name: string) => (part: Uint8Array) => got[name]!.push(new TextDecoder().decode(part));
    const results = await Promise.all([pool.run(input('a'), big, sink('a')), pool.run(input('b'), big, sink('b')), pool.run(input('c'), big)]);
    await pool.close();
    expect(results.map((r) => r.display)).toEqual(['a:streamed', 'b:streamed', 'c:whole']);
    expect(got).toEqual({ a: ['a1', 'a2', 'a3'], b: ['b1', 'b2', 'b3'] });
  });
});
