/**
 * The worker pool: a worker is handed its next task before it ends the one it
 * runs; when it dies, only the running task fails, and the one handed ahead
 * runs on the fresh worker.
 */
import { closeSync, fstatSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { SpilledOutput } from '../src/cli/held.js';
import { createPool, DispatchWindow, INLINE_MAX, taskWindow, WORKER_AHEAD, WORKER_YOUNG_MB } from '../src/cli/pool.js';
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

  it('answers a worker between the inputs this thread extracts, so the worker keeps getting its share', async () => {
    // Small real inputs: this thread reads and extracts each without a pause. Run as extract does (a window of tasks,
    // the next started as one ends), the stand-in worker, which answers at once, must be heard between them: else its
    // load never falls and this thread takes every input after the first few.
    const url = pathToFileURL(join(tempDir(), 'fake-worker.mjs'));
    writeFileSync(url, FAKE);
    const dir = tempDir();
    const files = Array.from({ length: 40 }, (_, k) => {
      const path = join(dir, `b${k}.txt`);
      writeFileSync(path, `6月${(k % 28) + 1}日，东岭大学与南港集团签署合作协议。\n`);
      return path;
    });
    const pool = createPool({ jobs: 2, options, workerUrl: url, heapMb: 64, youngMb: WORKER_YOUNG_MB });
    const results: Array<{ display: string }> = [];
    let next = 0;
    const lane = async () => {
      while (next < files.length) {
        const path = files[next++]!;
        results.push(await pool.run({ path, display: path }, 100));
      }
    };
    await Promise.all([lane(), lane(), lane(), lane()]);
    await pool.close();
    expect(results).toHaveLength(40);
    const byWorker = results.filter((r) => r.display.includes('@')).length;
    // How the rest is shared depends on the machine (this thread's first input loads the extraction's modules);
    // without the wait the worker took 2 of the 40.
    expect(byWorker).toBeGreaterThanOrEqual(10);
    expect(40 - byWorker).toBeGreaterThanOrEqual(1);
  });

  it('sends a worker up to WORKER_AHEAD tasks at once while this thread extracts too, and one at a time with a time limit', async () => {
    // This stand-in answers nothing until ten tasks are sent or a pause has passed, then answers each saying how many it had been sent.
    const counting = `
import { parentPort } from 'node:worker_threads';
const held = [];
let seen = 0;
let timer = null;
const flush = () => { for (const m of held.splice(0)) parentPort.postMessage({ id: m.id, result: { status: 'ok', display: m.input.display + ':' + seen, bytes: 1, records: 1, warnings: 0 } }); };
parentPort.on('message', (m) => { seen++; held.push(m); if (held.length >= 10) flush(); else { clearTimeout(timer); timer = setTimeout(flush, 300); } });
`;
    const url = pathToFileURL(join(tempDir(), 'counting-worker.mjs'));
    writeFileSync(url, counting);
    const names = Array.from({ length: 10 }, (_, k) => String(k));
    const pool = createPool({ jobs: 2, options, workerUrl: url, heapMb: 64, youngMb: WORKER_YOUNG_MB });
    // Files too big for this thread all go to the worker: it holds WORKER_AHEAD of them at once.
    const results = await Promise.all(names.map((n) => pool.run(input(n), big)));
    await pool.close();
    // Each batch of WORKER_AHEAD is sent before the worker answers any of it.
    expect(WORKER_AHEAD).toBeGreaterThan(2);
    expect(results.map((r) => r.display)).toEqual(names.map((n, k) => `${n}:${Math.min(names.length, (Math.floor(k / WORKER_AHEAD) + 1) * WORKER_AHEAD)}`));
    // With a time limit a worker is sent one task at a time: the one its timer runs for.
    const timed = createPool({ jobs: 1, options, workerUrl: url, heapMb: 64, youngMb: WORKER_YOUNG_MB, timeoutMs: 5000 });
    const one = await Promise.all(names.slice(0, 3).map((n) => timed.run(input(n), big)));
    await timed.close();
    expect(one.map((r) => r.display)).toEqual(['0:1', '1:2', '2:3']);
  });

  it('keeps a task no worker has been sent for whichever thread is free first, not behind a busy worker', async () => {
    // Each worker answers at once, but the task named `slow` only after a long pause.
    const pausing = `
import { parentPort, threadId } from 'node:worker_threads';
parentPort.on('message', (m) => {
  const answer = () => parentPort.postMessage({ id: m.id, result: { status: 'ok', display: m.input.display + '@' + threadId, bytes: 1, records: 1, warnings: 0 } });
  if (m.input.display === 'slow') setTimeout(answer, 1500);
  else answer();
});
`;
    const url = pathToFileURL(join(tempDir(), 'pausing-worker.mjs'));
    writeFileSync(url, pausing);
    // A time limit: two workers, each sent one task at a time.
    const pool = createPool({ jobs: 2, options, workerUrl: url, heapMb: 64, youngMb: WORKER_YOUNG_MB, timeoutMs: 10000 });
    const order: string[] = [];
    const names = ['slow', 'b', 'c', 'd', 'e', 'f'];
    const results = await Promise.all(names.map((n) => pool.run(input(n), big).then((r) => (order.push(n), r))));
    await pool.close();
    expect(results.every((r) => r.status === 'ok')).toBe(true);
    // Every other task ran while `slow` held its worker, on the other worker (a queue per worker left some behind it).
    expect(order).toEqual(['b', 'c', 'd', 'e', 'f', 'slow']);
    const thread = (r: { display: string }) => r.display.split('@')[1];
    expect(new Set(results.slice(1).map(thread)).size).toBe(1);
    expect(thread(results[1]!)).not.toBe(thread(results[0]!));
  });

  it('hands the temp file a worker wrote a task output into to the holder of that task, and only when asked to hold it', async () => {
    const dir = tempDir();
    const spilling = `
import { openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';
parentPort.on('message', (m) => {
  let held;
  if (m.stream) {
    const fd = openSync(join(${JSON.stringify(dir)}, m.input.display), 'w+');
    parentPort.postMessage({ id: m.id, spill: fd });
    const text = m.input.display + '1' + m.input.display + '2';
    writeSync(fd, text);
    held = { fd, length: text.length, failure: null };
  }
  parentPort.postMessage({ id: m.id, result: { status: 'ok', display: m.input.display + (m.stream ? ':held' : ':whole'), bytes: 1, records: 1, warnings: 0 }, held });
});
`;
    const url = pathToFileURL(join(tempDir(), 'spilling-worker.mjs'));
    writeFileSync(url, spilling);
    const pool = createPool({ jobs: 2, options, workerUrl: url, heapMb: 64, youngMb: WORKER_YOUNG_MB });
    const spilled: { [name: string]: SpilledOutput } = {};
    const holder = (name: string) => ({
      add: () => {
        throw new Error('a worker sent a part');
      },
      adopt: (s: SpilledOutput) => {
        spilled[name] = s;
      },
    });
    const results = await Promise.all([pool.run(input('a'), big, holder('a')), pool.run(input('b'), big, holder('b')), pool.run(input('c'), big)]);
    // The files are read back after their worker is gone (a later input may take it down first).
    await pool.close();
    const got: { [name: string]: string } = {};
    for (const [name, s] of Object.entries(spilled)) {
      const buffer = Buffer.alloc(s.length);
      readSync(s.fd!, buffer, 0, s.length, 0);
      closeSync(s.fd!);
      got[name] = buffer.toString();
    }
    expect(results.map((r) => r.display)).toEqual(['a:held', 'b:held', 'c:whole']);
    expect(got).toEqual({ a: 'a1a2', b: 'b1b2' });
  });

  it('closes the temp file of a worker that dies before it hands the file over', async () => {
    const dir = tempDir();
    const dying = `
import { openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';
parentPort.on('message', (m) => {
  const fd = openSync(join(${JSON.stringify(dir)}, 'out'), 'w+');
  writeSync(fd, 'half');
  writeFileSync(join(${JSON.stringify(dir)}, 'fd'), String(fd));
  parentPort.postMessage({ id: m.id, spill: fd });
  setTimeout(() => process.exit(3), 50);
});
`;
    const url = pathToFileURL(join(tempDir(), 'dying-worker.mjs'));
    writeFileSync(url, dying);
    const pool = createPool({ jobs: 1, options, workerUrl: url, heapMb: 64, youngMb: WORKER_YOUNG_MB });
    const adopted: SpilledOutput[] = [];
    const r = await pool.run(input('a'), big, { add: () => {}, adopt: (s) => adopted.push(s) });
    await pool.close();
    expect(r.status).toBe('failed');
    expect(adopted).toEqual([]);
    // The descriptor is closed: it names no file, or (its number taken again since) another file.
    const ino = Number(statSync(join(dir, 'out')).ino);
    const fd = Number(readFileSync(join(dir, 'fd'), 'utf8'));
    const now = (() => {
      try {
        return Number(fstatSync(fd).ino);
      } catch {
        return null;
      }
    })();
    expect(now).not.toBe(ino);
  });

  it('keeps the window of inputs a run has in flight to its count and its bytes, and always lets the input at the cursor start', () => {
    // More than a worker is sent ahead, so this thread finds a task waiting.
    expect(taskWindow(2)).toBeGreaterThan(WORKER_AHEAD + 1);
    const w = new DispatchWindow(4, 100);
    expect(w.admits(0, 0, 60)).toBe(true);
    w.started(60);
    // 60 + 50 bytes is over the limit; 40 more is not.
    expect(w.admits(1, 0, 50)).toBe(false);
    expect(w.admits(1, 0, 40)).toBe(true);
    w.started(40);
    expect(w.admits(2, 0, 0)).toBe(true);
    // Four ahead of the cursor at most, whatever their size.
    expect(w.admits(4, 0, 0)).toBe(false);
    // The input at the cursor goes even when it alone is over the limit.
    expect(w.admits(2, 2, 500)).toBe(true);
    w.ended(60);
    expect(w.admits(2, 1, 50)).toBe(true);
  });
});
