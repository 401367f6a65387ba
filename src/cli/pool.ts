/**
 * Runs tasks on worker threads (and small ones in this thread) and hands each
 * result back as a promise that always settles.
 *
 * A worker holds one task at a time, so when it dies (out of memory, a crash)
 * or overruns --timeout-per-file, exactly that task is reported failed; a fresh
 * worker takes its place and the rest of its queue. This thread extracts too
 * when there is more than one job or only one, but never a file larger than
 * INLINE_MAX (a file that exhausts memory must take a worker down, not the
 * run, and a signal must not wait for a long extraction) and never when a
 * time limit is set (only a worker can be stopped).
 */
import { Worker } from 'node:worker_threads';
import { runTask, type TaskInput, type TaskOptions, type TaskResult } from './task.js';

export interface Pool {
  /** Runs one task; `size` is the input's size in bytes, when known. */
  run(input: TaskInput, size?: number): Promise<TaskResult>;
  close(): Promise<void>;
}

export interface PoolOptions {
  /** Threads that extract, this one included. */
  jobs: number;
  options: TaskOptions;
  workerUrl: URL;
  /** Per task, in milliseconds (--timeout-per-file). */
  timeoutMs?: number | undefined;
  /** Old-generation heap of a worker, in MB. */
  heapMb: number;
}

/** Largest input this thread extracts itself. */
export const INLINE_MAX = 1024 * 1024;

const failed = (input: TaskInput, error: string): TaskResult => ({ status: 'failed', display: input.display, bytes: 0, records: 0, warnings: 0, error });

function inlineRun(input: TaskInput, options: TaskOptions): Promise<TaskResult> {
  return runTask(input, options).catch((e: unknown) => failed(input, `internal error: ${e instanceof Error ? e.message : String(e)}`));
}

interface Job {
  input: TaskInput;
  resolve: (r: TaskResult) => void;
}

interface Slot {
  worker: Worker | null;
  current: Job | null;
  queue: Job[];
  timer: NodeJS.Timeout | null;
  /** Why the worker is being stopped or died, for the task it held. */
  death: string | null;
}

export function createPool(p: PoolOptions): Pool {
  const inlineAllowed = p.timeoutMs === undefined;
  const workerCount = inlineAllowed ? p.jobs - 1 : p.jobs;
  const slots: Slot[] = [];
  let inlineBusy = 0;
  let nextId = 0;
  let closing = false;

  const start = (slot: Slot) => {
    const worker = new Worker(p.workerUrl, {
      workerData: p.options,
      // A modest young generation keeps the process's peak memory flat however many files go through.
      resourceLimits: { maxYoungGenerationSizeMb: 24, maxOldGenerationSizeMb: p.heapMb },
    });
    slot.worker = worker;
    slot.death = null;
    worker.on('message', (msg: { id: number; result: TaskResult }) => {
      const job = slot.current;
      if (!job || slot.worker !== worker) return;
      finish(slot, job, msg.result);
    });
    worker.on('error', (e: Error & { code?: string }) => {
      slot.death ??= e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `ran out of memory while extracting (a worker's heap is ${p.heapMb} MB)` : `internal error: ${e.message}`;
    });
    worker.on('exit', () => {
      if (slot.worker !== worker) return;
      slot.worker = null;
      const job = slot.current;
      if (job) finish(slot, job, failed(job.input, slot.death ?? 'internal error: the worker stopped'));
      else if (!closing && slot.queue.length > 0) dispatch(slot);
    });
  };

  const finish = (slot: Slot, job: Job, result: TaskResult) => {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.current = null;
    job.resolve(result);
    dispatch(slot);
  };

  const dispatch = (slot: Slot) => {
    if (closing || slot.current || slot.queue.length === 0) return;
    if (!slot.worker) start(slot);
    const job = slot.queue.shift()!;
    slot.current = job;
    if (p.timeoutMs !== undefined) {
      slot.timer = setTimeout(() => {
        slot.death = `took longer than --timeout-per-file ${p.timeoutMs! / 1000} s: stopped`;
        void slot.worker?.terminate();
      }, p.timeoutMs);
    }
    slot.worker!.postMessage({ id: nextId++, input: job.input });
  };

  const load = (s: Slot) => s.queue.length + (s.current ? 1 : 0);

  return {
    run(input, size) {
      const big = size !== undefined && size > INLINE_MAX;
      const minLoad = slots.length < Math.max(1, workerCount) ? 0 : Math.min(...slots.map(load));
      // This thread takes a task when it is no busier than the least busy worker (so one small file never starts a worker).
      if (inlineAllowed && !big && (workerCount === 0 || inlineBusy <= minLoad)) {
        inlineBusy++;
        return inlineRun(input, p.options).finally(() => {
          inlineBusy--;
        });
      }
      // Workers start on first use, one more whenever all are busy; at least one exists for files too big for this thread.
      if (slots.length < Math.max(1, workerCount) && slots.every((s) => load(s) > 0)) {
        slots.push({ worker: null, current: null, queue: [], timer: null, death: null });
      }
      let best = slots[0]!;
      for (const s of slots) if (load(s) < load(best)) best = s;
      return new Promise<TaskResult>((resolve) => {
        best.queue.push({ input, resolve });
        dispatch(best);
      });
    },
    async close() {
      closing = true;
      for (const s of slots) {
        if (s.timer) clearTimeout(s.timer);
        for (const job of [...(s.current ? [s.current] : []), ...s.queue]) job.resolve(failed(job.input, 'interrupted'));
        s.current = null;
        s.queue = [];
      }
      await Promise.all(slots.map((s) => s.worker?.terminate()));
    },
  };
}
