/**
 * Runs tasks on worker threads (and small ones in this thread) and hands each
 * result back as a promise that always settles.
 *
 * Tasks wait in one queue, oldest first, until a thread takes them (see
 * pump): this thread one at a time, a worker up to its depth. A worker runs
 * one task at a time, so when it dies (out of memory, a crash) or overruns
 * --timeout-per-file, exactly that task is reported failed; a fresh worker
 * takes its place, and the tasks sent to it after that one go back to the
 * front of the queue. While this thread extracts too, a worker is handed its
 * next tasks before it finishes the one it runs: this thread answers its
 * messages only between its own extractions, and a worker left waiting for
 * that sits idle. This thread extracts too when there is more than one job or
 * only one, but never a file larger than INLINE_MAX (a file that exhausts
 * memory must take a worker down, not the run, and a signal must not wait for
 * a long extraction) and never when a time limit is set (only a worker can be
 * stopped).
 */
import type { Worker } from 'node:worker_threads';
import { workerThreads } from './builtins.js';
import { heldNewSpaceBytes, holdYoungGeneration } from './heap.js';
import { closeSpill, type SpilledOutput } from './held.js';
import type { Sink, TaskInput, TaskOptions, TaskResult } from './task.js';

/**
 * Where a task's output for the shared stream is held until its turn (see
 * held.ts): parts made in this thread, or the temp file a worker wrote it into.
 */
export interface Holder {
  add(part: Uint8Array): void;
  adopt(spilled: SpilledOutput): void;
}

export interface Pool {
  /**
   * Runs one task; `size` is the input's size in bytes, when known. With a
   * holder, the output for the shared stream goes to it: part by part as it is
   * made in this thread, or as the temp file a worker wrote a large output
   * into; a worker sends a small output whole, in the result's `chunk`.
   */
  run(input: TaskInput, size?: number, holder?: Holder): Promise<TaskResult>;
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
  /** Young-generation size of a worker, in MB (see WORKER_YOUNG_MB). */
  youngMb: number;
}

/**
 * A worker's young generation, in MB: half V8's usual 48. With 48, a long run
 * of small files keeps growing it after the first thousand files (1,000 /
 * 10,000 files with `--jobs 2`: 151-157 / 180-182 MB peak, against 150-151 /
 * 164-165 MB with 24), and a large input peaks a sixth higher (a 10 MB file:
 * 320 MB against 275 MB); the time of the 1,000-file archive with `--jobs 2`
 * was the same within the machine's drift (22.0-23.7 s against 22.8-23.8 s).
 */
export const WORKER_YOUNG_MB = 24;

/** Largest input this thread extracts itself. */
export const INLINE_MAX = 1024 * 1024;

const failed = (input: TaskInput, error: string): TaskResult => ({ status: 'failed', display: input.display, bytes: 0, records: 0, warnings: 0, error });

/**
 * Runs a task in this thread. The extraction's modules (their word tables
 * among them) load on the first such task: a run whose inputs all go to
 * workers (one large file) never builds them here, 9 MB of this thread's memory.
 */
function inlineRun(input: TaskInput, options: TaskOptions, sink: Sink | undefined): Promise<TaskResult> {
  return import('./task.js')
    // Past the event loop's turn first: a small input is read and extracted without a pause (see statInput), and
    // chained tasks would otherwise run back to back in one turn while the workers' messages (a result, a request
    // for the next task) wait behind them.
    .then((task) => new Promise<typeof task>((resolve) => setImmediate(() => resolve(task))))
    .then(({ runTask }) => runTask(input, options, sink))
    .catch((e: unknown) => failed(input, `internal error: ${e instanceof Error ? e.message : String(e)}`));
}

interface Job {
  input: TaskInput;
  /** Too large for this thread (see INLINE_MAX): a worker's. */
  big: boolean;
  resolve: (r: TaskResult) => void;
  holder?: Holder | undefined;
  /** The temp file the worker opened for this task's output, until the result hands it over: closed here if the worker dies. */
  spillFd?: number | undefined;
  /** The message id it was sent with. */
  id?: number;
}

interface Slot {
  worker: Worker | null;
  /** Tasks sent to the worker, in the order it runs them: the first is the one running. */
  sent: Job[];
  timer: NodeJS.Timeout | null;
  /** Why the worker is being stopped or died, for the task it held. */
  death: string | null;
}

/**
 * Tasks a worker is sent at once while this thread extracts too: the one it
 * runs and up to seven after it. This thread cannot hand a worker its next
 * task while it extracts a file itself; with only the next one sent, a worker
 * that finished both before this thread came back waited. The tasks are paths
 * (the worker reads each file); the rest wait unsent, for whichever thread is
 * free first. `--jobs 2` over the bench's 1,000 files: 7.0–7.3 s with two
 * sent, 6.9–7.0 s with four, 6.3–6.6 s with eight.
 */
export const WORKER_AHEAD = 8;

/**
 * Tasks a run keeps in flight ahead of its write cursor with `jobs` threads:
 * what each worker is sent ahead and more, so that a thread that comes free
 * finds a task waiting while the cursor waits on another thread's. With 4 a
 * job, in a `--jobs 2` run over the bench's 1,000 files this thread sat idle
 * about a tenth of the time and the worker another tenth (event-loop
 * utilisation of each); with this window and the pool's one queue of unsent
 * tasks, each under 1 %.
 */
export const taskWindow = (jobs: number): number => Math.max(2, jobs * (WORKER_AHEAD + 4));

/**
 * Bytes of input a run of `extract` keeps in flight ahead of its write cursor, a job (beyond the input at the cursor,
 * which always goes): each input's output waits in memory for its turn, up to a few megabytes, so a window of large
 * inputs is held to what `jobs × 4` tasks of 1 MB held before taskWindow (40 inputs of 1 MB with `--jobs 2`: 163 MB
 * peak with 8 tasks in flight, 205 MB with 24, 170 MB with this limit).
 */
export const WINDOW_BYTES_PER_JOB = 4 * 1024 * 1024;

/** The inputs a run has in flight ahead of its write cursor: at most `tasks` of them, of at most `bytes` together. */
export class DispatchWindow {
  private bytesIn = 0;

  constructor(
    private readonly tasks: number,
    private readonly bytes: number,
  ) {}

  /** May input `index`, of `size` bytes, start while the cursor is at `cursor`? The cursor's own input always may. */
  admits(index: number, cursor: number, size: number): boolean {
    return index === cursor || (index < cursor + this.tasks && this.bytesIn + size <= this.bytes);
  }

  started(size: number): void {
    this.bytesIn += size;
  }

  ended(size: number): void {
    this.bytesIn -= size;
  }
}

export function createPool(p: PoolOptions): Pool {
  const inlineAllowed = p.timeoutMs === undefined;
  const workerCount = inlineAllowed ? p.jobs - 1 : p.jobs;
  const slots: Slot[] = [];
  /** Tasks no thread has taken yet, in the order they came. */
  const waiting: Job[] = [];
  let inlineBusy = 0;
  let nextId = 0;
  let closing = false;
  // Tasks a worker holds at once: the one it runs and, while this thread extracts too, the next ones (see WORKER_AHEAD).
  const depth = inlineAllowed && p.jobs > 1 ? WORKER_AHEAD : 1;

  const start = (slot: Slot) => {
    const worker = new (workerThreads().Worker)(p.workerUrl, {
      workerData: p.options,
      // A worker's temp file (see SpillFile) outlives the worker: its descriptor is this thread's to read back and
      // close. Tracked, Node would close it when the worker exits, and this thread's later close of the same number
      // could close another file.
      trackUnmanagedFds: false,
      resourceLimits: { maxYoungGenerationSizeMb: p.youngMb, maxOldGenerationSizeMb: p.heapMb },
    });
    slot.worker = worker;
    slot.death = null;
    worker.on('message', (msg: { id: number; result?: TaskResult; spill?: number; held?: SpilledOutput }) => {
      const job = slot.sent[0];
      if (!job || slot.worker !== worker || job.id !== msg.id) return;
      if (msg.spill !== undefined) job.spillFd = msg.spill;
      else if (msg.result) {
        job.spillFd = undefined;
        if (msg.held) job.holder?.adopt(msg.held);
        finish(slot, msg.result);
      }
    });
    worker.on('error', (e: Error & { code?: string }) => {
      slot.death ??= e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `ran out of memory while extracting (a worker's heap is ${p.heapMb} MB)` : `internal error: ${e.message}`;
    });
    worker.on('exit', () => {
      if (slot.worker !== worker) return;
      slot.worker = null;
      // The first task sent is the one that was running; any sent after it had not started.
      const [job, ...unstarted] = slot.sent;
      slot.sent = job ? [job] : [];
      waiting.unshift(...unstarted);
      if (job?.spillFd !== undefined) closeSpill(job.spillFd);
      if (job) finish(slot, failed(job.input, slot.death ?? 'internal error: the worker stopped'));
      else pump();
    });
  };

  /** The running task of `slot` ends with `result`. */
  const finish = (slot: Slot, result: TaskResult) => {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    const job = slot.sent.shift()!;
    job.resolve(result);
    pump();
  };

  /** Sends `job` to the worker of `slot`, starting one if it has none. */
  const send = (slot: Slot, job: Job) => {
    if (!slot.worker) start(slot);
    job.id = nextId++;
    slot.sent.push(job);
    // A time limit sends one task at a time (depth 1), so the task sent is the one starting now.
    if (p.timeoutMs !== undefined) {
      slot.timer = setTimeout(() => {
        slot.death = `took longer than --timeout-per-file ${p.timeoutMs! / 1000} s: stopped`;
        void slot.worker?.terminate();
      }, p.timeoutMs);
    }
    slot.worker!.postMessage({ id: job.id, input: job.input, stream: job.holder !== undefined });
  };

  /** Runs `job` in this thread; the next waiting task is taken once it ends. */
  const runInline = (job: Job) => {
    inlineBusy++;
    void inlineRun(job.input, p.options, job.holder ? (part) => job.holder!.add(part) : undefined)
      .then(job.resolve)
      .finally(() => {
        inlineBusy--;
        holdYoungGeneration(heldNewSpaceBytes(p.youngMb));
        pump();
      });
  };

  /**
   * Hands out waiting tasks, oldest first: this thread takes one when it has
   * none (the oldest it may run: so one small file never starts a worker),
   * then the workers take the rest, each up to `depth`. Tasks beyond that
   * wait here, not in a worker's queue: whichever thread is free next takes
   * them.
   */
  const pump = () => {
    if (closing) return;
    if (inlineAllowed && inlineBusy === 0) {
      const k = waiting.findIndex((j) => !j.big);
      if (k !== -1) runInline(waiting.splice(k, 1)[0]!);
    }
    while (waiting.length > 0) {
      // A worker's files are the big ones when this thread takes the rest (`--jobs 1`).
      const k = workerCount === 0 ? waiting.findIndex((j) => j.big) : 0;
      if (k === -1) break;
      // Workers start on first use, one more whenever each there is holds a task; at least one exists for files too
      // big for this thread. Otherwise the task goes to the worker that holds fewest, if one has room.
      let best: Slot | null = null;
      if (slots.length < Math.max(1, workerCount) && slots.every((s) => s.sent.length > 0)) {
        best = { worker: null, sent: [], timer: null, death: null };
        slots.push(best);
      } else for (const s of slots) if (s.sent.length < depth && (best === null || s.sent.length < best.sent.length)) best = s;
      if (best === null) break;
      send(best, waiting.splice(k, 1)[0]!);
    }
  };

  return {
    run(input, size, holder) {
      const big = size !== undefined && size > INLINE_MAX;
      return new Promise<TaskResult>((resolve) => {
        waiting.push({ input, big, resolve, holder });
        pump();
      });
    },
    async close() {
      closing = true;
      // A worker may still write into a temp file it opened: its descriptor is closed only once the worker is gone
      // (closed sooner, the number could go to a file this thread opens next, and the worker's writes with it).
      const spills: number[] = [];
      for (const s of slots) {
        if (s.timer) clearTimeout(s.timer);
        for (const job of s.sent) {
          if (job.spillFd !== undefined) spills.push(job.spillFd);
          job.resolve(failed(job.input, 'interrupted'));
        }
        s.sent = [];
      }
      for (const job of waiting.splice(0)) job.resolve(failed(job.input, 'interrupted'));
      await Promise.all(slots.map((s) => s.worker?.terminate()));
      for (const fd of spills) closeSpill(fd);
    },
  };
}
