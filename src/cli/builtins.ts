/**
 * Node built-ins that only some runs need, loaded on first use: `node:crypto`
 * (hashes for --manifest and --shard) and `node:worker_threads` (a worker for
 * a second job or a large file) cost about 7 and 4 ms to load, a few per cent
 * of a one-file run that uses neither.
 */
import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);
let crypto: typeof import('node:crypto') | undefined;
let threads: typeof import('node:worker_threads') | undefined;

export const nodeCrypto = (): typeof import('node:crypto') => (crypto ??= load('node:crypto') as typeof import('node:crypto'));
export const workerThreads = (): typeof import('node:worker_threads') => (threads ??= load('node:worker_threads') as typeof import('node:worker_threads'));
