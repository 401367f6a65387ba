/**
 * The shared output stream of a run: stdout, or -o FILE.
 *
 * A regular file (or a path where none exists yet, or a link to one) is written
 * under a temp name beside it and renamed into place only when the run
 * produced something: a run that failed leaves the old file as it was, and a
 * killed run leaves at most a hidden temp file. Anything else — a device such
 * as /dev/null, a FIFO, /proc/self/fd/1 — is written through, never replaced.
 * The target is opened before any extraction starts, so an unwritable -o is
 * reported at once. A reader that goes away (`| head`) ends the run quietly.
 */
import { once } from 'node:events';
import { chmod, lstat, open, realpath, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { describeFsError, tempPathFor } from './fsutil.js';
import { fsPath, type BytePath } from './paths.js';

export class OutputError extends Error {}

export class Output {
  /** Set when the reader went away (EPIPE): stop producing. */
  closed = false;
  private failure: Error | null = null;
  private waiters = new Set<() => void>();

  private constructor(
    private readonly stream: NodeJS.WritableStream,
    /** For an atomic write: the temp file and the final path. */
    private readonly atomic: { tmp: BytePath; target: BytePath; mode: number | null } | null,
    private readonly handle: FileHandle | null,
    /** How messages name the output. */
    readonly name: string,
  ) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') this.closed = true;
      else this.failure ??= e;
      this.wake();
    });
    stream.on('close', () => this.wake());
  }

  static stdout(): Output {
    return new Output(process.stdout, null, null, 'stdout');
  }

  /** Opens -o PATH for writing (see the module comment). Throws OutputError with a readable reason. */
  static async file(path: BytePath, name: string): Promise<Output> {
    const fail = (e: unknown): never => {
      throw new OutputError(`cannot write ${name}: ${describeFsError(e)}`);
    };
    const link = await lstat(fsPath(path)).catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? null : fail(e)));
    let target = path;
    let through = false;
    let mode: number | null = null;
    if (link?.isSymbolicLink()) {
      const to = await stat(fsPath(path)).catch(() => null);
      if (to?.isFile()) {
        target = ((await realpath(fsPath(path)).catch(fail)) as unknown as Buffer).toString('latin1');
        mode = to.mode & 0o7777;
      } else through = true;
      if (to?.isDirectory()) fail({ code: 'EISDIR' });
    } else if (link?.isDirectory()) {
      fail({ code: 'EISDIR' });
    } else if (link && !link.isFile()) {
      through = true;
    } else if (link) {
      mode = link.mode & 0o7777;
    }
    if (through) {
      const handle = await open(fsPath(path), 'w').catch(fail);
      return new Output(handle.createWriteStream(), null, handle, name);
    }
    const tmp = tempPathFor(target);
    const handle = await open(fsPath(tmp), 'wx', 0o666).catch(fail);
    return new Output(handle.createWriteStream(), { tmp, target, mode }, handle, name);
  }

  get error(): Error | null {
    return this.failure;
  }

  private wake() {
    for (const w of [...this.waiters]) w();
  }

  /** Writes a chunk, waiting while the reader is behind; an interrupt (`stop`) ends the wait. */
  async write(chunk: string | Uint8Array, stop?: Promise<unknown>): Promise<void> {
    if (this.closed || this.failure || chunk.length === 0) return;
    if (this.stream.write(chunk)) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        this.stream.off('drain', done);
        this.waiters.delete(done);
        resolve();
      };
      this.stream.on('drain', done);
      this.waiters.add(done);
      this.wakeOn(stop);
    });
  }

  /** The interrupt whose coming wakes every waiting write (one reaction, whatever the number of writes). */
  private watched: Promise<unknown> | null = null;

  /**
   * Wakes the waiting writes when `stop` settles. One reaction on it for the
   * whole run: a reaction for each write would live as long as the run's stop
   * promise does, and hold what its write held (10,000 small files' output
   * buffers, 90 MB, when each write added its own).
   */
  private wakeOn(stop: Promise<unknown> | undefined): void {
    if (!stop || this.watched === stop) return;
    this.watched = stop;
    void stop.then(() => this.wake());
  }

  /**
   * Writes a chunk whose buffer the caller fills again once this resolves: it
   * waits until the stream has taken the bytes (its write callback), not only
   * until it has room, since a stream keeps a reference to what it has queued.
   * An interrupt (`stop`) ends the wait; the caller then stops writing.
   */
  async writeBorrowed(chunk: Uint8Array, stop?: Promise<unknown>): Promise<void> {
    if (this.closed || this.failure || chunk.length === 0) return;
    this.wakeOn(stop);
    await new Promise<void>((resolve) => {
      const done = () => {
        this.waiters.delete(done);
        resolve();
      };
      this.waiters.add(done);
      this.stream.write(chunk, () => done());
    });
  }

  private async end(): Promise<void> {
    if (!this.handle) return;
    const s = this.stream as NodeJS.WritableStream & { closed?: boolean; destroyed?: boolean };
    if (!s.destroyed) {
      s.end();
      await Promise.race([once(s, 'close'), once(s, 'error')]).catch(() => {});
    }
  }

  /**
   * Completes the output. With `produced` false (every input failed), a file
   * target is left exactly as it was. Throws OutputError when the data could
   * not be written.
   */
  async finish(produced: boolean): Promise<void> {
    if (!this.handle) {
      // stdout: wait until what was written has left the process.
      if (!this.closed && !this.failure) await new Promise<void>((resolve) => this.stream.write('', () => resolve()));
      if (this.failure) throw new OutputError(`cannot write ${this.name}: ${describeFsError(this.failure)}`);
      return;
    }
    await this.end();
    if (!this.atomic) {
      if (this.failure) throw new OutputError(`cannot write ${this.name}: ${describeFsError(this.failure)}`);
      return;
    }
    const { tmp, target, mode } = this.atomic;
    if (this.failure || !produced) {
      await rm(fsPath(tmp), { force: true });
      if (this.failure) throw new OutputError(`cannot write ${this.name}: ${describeFsError(this.failure)}`);
      return;
    }
    try {
      if (mode !== null) await chmod(fsPath(tmp), mode).catch(() => {});
      await rename(fsPath(tmp), fsPath(target));
    } catch (e) {
      await rm(fsPath(tmp), { force: true }).catch(() => {});
      throw new OutputError(`cannot write ${this.name}: ${describeFsError(e)}`);
    }
  }

  /** Abandons the output: a temp file is removed, the target left untouched. */
  async abort(): Promise<void> {
    await this.end();
    if (this.atomic) await rm(fsPath(this.atomic.tmp), { force: true });
  }
}
