/** Worker-thread entry: runs the tasks the pool sends, one at a time. */
import { parentPort, workerData } from 'node:worker_threads';
import { runTask, type TaskInput, type TaskOptions } from './task.js';

const options = workerData as TaskOptions;

/** Output a task sends with its result when smaller than this, and part by part as it is made when larger. */
const STREAM_AT = 2 * 1024 * 1024;

interface Message {
  id: number;
  input: TaskInput;
  /** Send the output part by part (see Pool.run's sink) instead of in the result. */
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
  try {
    // With `stream`, a large output goes to the main thread as it is made (about a megabyte a message), before the
    // result that says whether it counts; a small one (most inputs) comes whole with the result, in one message.
    let early: Uint8Array[] | null = msg.stream ? [] : null;
    let earlySize = 0;
    const send = (part: Uint8Array) => parentPort!.postMessage({ id: msg.id, part }, transferable(part));
    const sink = (part: Uint8Array) => {
      if (early === null) return send(part);
      early.push(part);
      earlySize += part.length;
      if (earlySize < STREAM_AT) return;
      for (const p of early) send(p);
      early = null;
    };
    const result = await runTask(msg.input, options, msg.stream ? sink : undefined);
    if (early !== null && result.status === 'ok') result.chunk = early;
    const transfer = (result.chunk ?? []).flatMap(transferable);
    parentPort!.postMessage({ id: msg.id, result }, transfer);
  } catch (e) {
    const error = e instanceof Error ? `internal error: ${e.message}` : `internal error: ${String(e)}`;
    parentPort!.postMessage({ id: msg.id, result: { status: 'failed', display: msg.input.display, bytes: 0, records: 0, warnings: 0, error } });
  }
}
