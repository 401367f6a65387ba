/**
 * Node built-ins that only some runs need, loaded on first use: `node:crypto`
 * (hashes for --manifest and --shard) and `node:worker_threads` (a worker for
 * a second job or a large file) cost about 7 and 4 ms to load, a few per cent
 * of a one-file run that uses neither; `node:v8` holds the heap (heap.ts).
 */
import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);
let crypto: typeof import('node:crypto') | undefined;
let threads: typeof import('node:worker_threads') | undefined;
let v8: typeof import('node:v8') | undefined;

export const nodeCrypto = (): typeof import('node:crypto') => (crypto ??= load('node:crypto') as typeof import('node:crypto'));
export const workerThreads = (): typeof import('node:worker_threads') => (threads ??= load('node:worker_threads') as typeof import('node:worker_threads'));
/** `node:v8` (3 ms): bin/cli-loader.js has loaded it already when the command line runs. */
export const nodeV8 = (): typeof import('node:v8') => (v8 ??= load('node:v8') as typeof import('node:v8'));
