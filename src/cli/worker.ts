/** Worker-thread entry: runs the tasks the pool sends, one at a time. */
import { parentPort, workerData } from 'node:worker_threads';
import { runTask, type TaskInput, type TaskOptions } from './task.js';

const options = workerData as TaskOptions;

// The pool may send the next task before this one ends: tasks run strictly one after another.
let chain: Promise<void> = Promise.resolve();
parentPort!.on('message', (msg: { id: number; input: TaskInput }) => {
  chain = chain.then(() => run(msg));
});

async function run(msg: { id: number; input: TaskInput }): Promise<void> {
  try {
    const result = await runTask(msg.input, options);
    // Transfer the output bytes instead of cloning them: the main thread only writes them out.
    const transfer: ArrayBuffer[] = [];
    for (const part of result.chunk ?? []) {
      if (part.byteOffset === 0 && part.byteLength === part.buffer.byteLength && part.buffer instanceof ArrayBuffer) transfer.push(part.buffer);
    }
    parentPort!.postMessage({ id: msg.id, result }, transfer);
  } catch (e) {
    const error = e instanceof Error ? `internal error: ${e.message}` : `internal error: ${String(e)}`;
    parentPort!.postMessage({ id: msg.id, result: { status: 'failed', display: msg.input.display, bytes: 0, records: 0, warnings: 0, error } });
  }
}
