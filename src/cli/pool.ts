/**
 * Runs tasks on N worker threads (or in this thread when N is 1) and hands
 * results back in input order, keeping at most a few tasks in flight per
 * worker so memory does not grow with the number of files.
 */
import { Worker } from 'node:worker_threads';
import { runTask, type TaskInput, type TaskOptions, type TaskResult } from './task.js';

export interface Pool {
  run(input: TaskInput): Promise<TaskResult>;
  close(): Promise<void>;
}

export function inlinePool(options: TaskOptions): Pool {
  return {
    run: (input) =>
      runTask(input, options).catch((e: unknown) => ({
        status: 'failed' as const,
        display: input.display,
        bytes: 0,
        records: 0,
        warnings: 0,
        error: `internal error: ${e instanceof Error ? e.message : String(e)}`,
      })),
    close: async () => {},
  };
}

/**
 * `size` executors: size − 1 worker threads plus this thread, which extracts
 * too (it has little else to do than write results, and one fewer isolate
 * keeps memory down).
 */
export function workerPool(size: number, options: TaskOptions, workerUrl: URL): Pool {
  const workers: Array<{ worker: Worker; busy: number }> = [];
  const inline = inlinePool(options);
  let inlineBusy = 0;
  const pending = new Map<number, { resolve: (r: TaskResult) => void; input: TaskInput; slot: number }>();
  let nextId = 0;
  for (let k = 0; k < size - 1; k++) {
    // Each worker handles one small file at a time: a modest heap keeps the
    // process's peak memory flat however many files go through.
    const worker = new Worker(workerUrl, { workerData: options, resourceLimits: { maxYoungGenerationSizeMb: 24, maxOldGenerationSizeMb: 512 } });
    const slot = k;
    worker.on('message', (msg: { id: number; result: TaskResult }) => {
      const p = pending.get(msg.id);
      if (!p) return;
      pending.delete(msg.id);
      workers[slot]!.busy--;
      p.resolve(msg.result);
    });
    worker.on('error', (e) => {
      // A worker that dies fails its tasks; the run goes on with the others.
      for (const [id, p] of pending) {
        if (p.slot !== slot) continue;
        pending.delete(id);
        p.resolve({ status: 'failed', display: p.input.display, bytes: 0, records: 0, warnings: 0, error: `internal error: ${e.message}` });
      }
    });
    workers.push({ worker, busy: 0 });
  }
  return {
    run(input) {
      let best = 0;
      for (let k = 1; k < workers.length; k++) if (workers[k]!.busy < workers[best]!.busy) best = k;
      if (workers.length === 0 || inlineBusy < workers[best]!.busy) {
        inlineBusy++;
        return inline.run(input).finally(() => {
          inlineBusy--;
        });
      }
      const w = workers[best]!;
      w.busy++;
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, { resolve, input, slot: best });
        w.worker.postMessage({ id, input });
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.worker.terminate()));
    },
  };
}
