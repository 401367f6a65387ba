/** Worker-thread entry: runs the tasks the pool sends, one at a time. */
import { parentPort, workerData } from 'node:worker_threads';
import { tmpdir } from 'node:os';
import { SpillFile } from './held.js';
import { runTask, type TaskInput, type TaskOptions } from './task.js';

const options = workerData as TaskOptions;

/** Output a task sends with its result when smaller than this; a larger one goes into a temp file of its own as it is made. */
const STREAM_AT = 2 * 1024 * 1024;

interface Message {
  id: number;
  input: TaskInput;
  /** The output is held for the shared stream (see Pool.run's holder): send it in the result, or in a temp file. */
  stream: boolean;
}

// The pool may send the next task before this one ends: tasks run strictly one after another.
let chain: Promise<void> = Promise.resolve();
parentPort!.on('message', (msg: Message) => {
  chain = chain.then(() => run(msg));
});

/** Transfers a buffer's memory instead of copying it, when the buffer owns all of it: the main thread only writes it out. */
const transferable = (part: Uint8Array): ArrayBuffer[] =>
  part.byteOffset === 0 && part.byteLength === part.buffer.byteLength && part.buffer instanceof ArrayBuffer ? [part.buffer] : [];

async function run(msg: Message): Promise<void> {
  let spill: SpillFile | null = null;
  try {
    // With `stream`, a small output (most inputs) comes whole with the result, in one message; a large one is written
    // into a temp file (see SpillFile) as it is made, and the result hands the file over to the main thread.
    let early: Uint8Array[] = [];
    let earlySize = 0;
    const sink = (part: Uint8Array) => {
      if (spill) return spill.write(part);
      early.push(part);
      earlySize += part.length;
      if (earlySize < STREAM_AT) return;
      spill = new SpillFile(tmpdir());
      // Told at once, so that the main thread closes the file if this worker dies before it hands it over.
      if (spill.fd !== null) parentPort!.postMessage({ id: msg.id, spill: spill.fd });
      for (const p of early) spill.write(p);
      early = [];
    };
    const result = await runTask(msg.input, options, msg.stream ? sink : undefined);
    const held = (spill as SpillFile | null)?.handOver();
    if (msg.stream && !held && result.status === 'ok') result.chunk = early;
    const transfer = (result.chunk ?? []).flatMap(transferable);
    parentPort!.postMessage({ id: msg.id, result, held }, transfer);
  } catch (e) {
    const error = e instanceof Error ? `internal error: ${e.message}` : `internal error: ${String(e)}`;
    const held = (spill as SpillFile | null)?.handOver();
    parentPort!.postMessage({ id: msg.id, result: { status: 'failed', display: msg.input.display, bytes: 0, records: 0, warnings: 0, error }, held });
  }
}
