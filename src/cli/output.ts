/**
 * The shared output stream of a run: stdout, or -o FILE written under a temp
 * name and renamed when complete. A closed pipe (`| head`) ends it quietly.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { tempPathFor } from './fsutil.js';

export class Output {
  /** Set when the reader went away (EPIPE): stop producing. */
  closed = false;
  private readonly stream: NodeJS.WritableStream;
  private readonly tmp: string | null;
  private failure: Error | null = null;

  private constructor(stream: NodeJS.WritableStream, tmp: string | null, private readonly target: string | null) {
    this.stream = stream;
    this.tmp = tmp;
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') this.closed = true;
      else this.failure = e;
    });
  }

  static stdout(): Output {
    return new Output(process.stdout, null, null);
  }

  static file(path: string): Output {
    const tmp = tempPathFor(path);
    const stream: WriteStream = createWriteStream(tmp);
    return new Output(stream, tmp, path);
  }

  get error(): Error | null {
    return this.failure;
  }

  async write(chunk: string | Uint8Array): Promise<void> {
    if (this.closed || this.failure || chunk.length === 0) return;
    if (!this.stream.write(chunk)) {
      await new Promise<void>((resolve) => {
        const done = () => {
          this.stream.off('drain', done);
          this.stream.off('error', done);
          this.stream.off('close', done);
          resolve();
        };
        this.stream.on('drain', done);
        this.stream.on('error', done);
        this.stream.on('close', done);
      });
    }
  }

  /** Completes the output: -o's temp file is renamed into place. */
  async finish(): Promise<void> {
    if (!this.tmp || !this.target) return;
    const s = this.stream as WriteStream;
    await new Promise<void>((resolve) => s.end(resolve));
    if (this.failure) {
      await rm(this.tmp, { force: true });
      throw this.failure;
    }
    await rename(this.tmp, this.target);
  }

  /** Abandons the output: -o's temp file is removed, the target left untouched. */
  async abort(): Promise<void> {
    if (!this.tmp) return;
    const s = this.stream as WriteStream;
    await new Promise<void>((resolve) => s.end(resolve));
    await rm(this.tmp, { force: true });
  }
}
