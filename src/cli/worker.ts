/** Worker-thread entry: runs tasks sent by the pool, one at a time. */
import { parentPort, workerData } from 'node:worker_threads';
import { runTask, type TaskInput, type TaskOptions } from './task.js';

const options = workerData as TaskOptions;

parentPort!.on('message', async (msg: { id: number; input: TaskInput }) => {
  try {
    const result = await runTask(msg.input, options);
    // Transfer the output bytes instead of cloning them: the main thread only writes them out.
    const chunk = result.chunk;
    if (chunk && chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength && chunk.buffer instanceof ArrayBuffer) {
      parentPort!.postMessage({ id: msg.id, result }, [chunk.buffer]);
    } else {
      parentPort!.postMessage({ id: msg.id, result });
    }
  } catch (e) {
    const error = e instanceof Error ? `internal error: ${e.message}` : `internal error: ${String(e)}`;
    parentPort!.postMessage({ id: msg.id, result: { status: 'failed', display: msg.input.display, bytes: 0, records: 0, warnings: 0, error } });
  }
});
