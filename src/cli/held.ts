/**
 * The output of one input, held until its turn in the shared stream (stdout or
 * -o): in memory while it is small, then in a temp file, so that a large
 * input's output never sits whole in memory, and an input that fails halfway
 * puts nothing in the stream (its parts are dropped with it).
 *
 * The temp file is opened in the temp folder (TMPDIR) and unlinked at once:
 * it has no name while it is written and read back, and disappears with the
 * process however the run ends.
 */
import { close, closeSync, open, openSync, read, unlinkSync, write, writeSync } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { nodeCrypto } from './builtins.js';
import { describeFsError } from './fsutil.js';

/** Bytes of output held in memory before the rest goes to a temp file. */
export const SPILL_AT = 4 * 1024 * 1024;

const openFd = promisify(open);
const readFd = promisify(read);
const writeFd = promisify(write);
const closeFd = promisify(close);

const tempName = (dir: string) => join(dir, `.briefing-${process.pid}-${nodeCrypto().randomBytes(6).toString('hex')}.held`);
const holdFailure = (dir: string, e: unknown) => `cannot hold its output in ${dir}: ${describeFsError(e)}`;

/**
 * A temp file a worker writes one task's output into itself, as the output is
 * made, instead of sending it to this thread part by part: a part sent is a
 * megabyte this thread holds until its own next collection, which in a thread
 * that allocates little comes late (one 20 MB input kept some 30 MB of parts
 * alive at once). The descriptor belongs to the process, not the thread, so
 * the main thread reads the file back (HeldOutput.adopt) and is the only one
 * that ever closes it; the file is unlinked as soon as it is opened.
 */
export class SpillFile {
  readonly fd: number | null;
  length = 0;
  failure: string | null = null;

  constructor(private readonly dir: string) {
    let fd: number | null = null;
    try {
      const path = tempName(dir);
      fd = openSync(path, 'wx+', 0o600);
      try {
        unlinkSync(path);
      } catch {
        // Left with a name: still read back and closed as usual.
      }
    } catch (e) {
      this.failure = holdFailure(dir, e);
    }
    this.fd = fd;
  }

  /** Appends a part; after a failure (a full disk), parts are dropped and `failure` says why. */
  write(part: Uint8Array): void {
    if (this.failure !== null || this.fd === null) return;
    try {
      for (let done = 0; done < part.length; ) done += writeSync(this.fd, part, done, part.length - done, this.length + done);
      this.length += part.length;
    } catch (e) {
      this.failure = holdFailure(this.dir, e);
    }
  }

  /** What the main thread takes over (see HeldOutput.adopt). */
  handOver(): SpilledOutput {
    return { fd: this.fd, length: this.length, failure: this.failure };
  }
}

/** A worker's temp file, as handed to the main thread: its descriptor (null when it could not be made), length and failure. */
export interface SpilledOutput {
  fd: number | null;
  length: number;
  failure: string | null;
}

/** Closes a descriptor a worker opened and will not close (it died holding it), ignoring errors. */
export function closeSpill(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // Already gone.
  }
}

export class HeldOutput {
  private parts: Uint8Array[] = [];
  private size = 0;
  private file: { fd: Promise<number>; length: number } | null = null;
  /** The temp file's writes, in order. */
  private writes: Promise<void> = Promise.resolve();
  private failure: string | null = null;

  constructor(
    /** The folder of the temp file. */
    private readonly dir: string,
    private readonly limit = SPILL_AT,
  ) {}

  /** Takes the next part. */
  add(part: Uint8Array): void {
    if (this.failure) return;
    if (!this.file) {
      this.parts.push(part);
      this.size += part.length;
      if (this.size <= this.limit) return;
      this.file = { fd: this.openTemp(), length: 0 };
      const held = this.parts;
      this.parts = [];
      for (const p of held) this.append(p);
      return;
    }
    this.append(part);
  }

  /** Why the output could not be held (the temp file could not be written), once every write has settled; else null. */
  async problem(): Promise<string | null> {
    await this.writes;
    return this.failure;
  }

  /**
   * Every part held, in order, through `write`, until it answers false (the run
   * was interrupted); then let go. Throws when the temp file cannot be read back.
   */
  async drain(write: (part: Uint8Array) => Promise<boolean>): Promise<void> {
    await this.writes;
    if (this.failure) throw new Error(this.failure);
    if (!this.file) {
      for (const p of this.parts) if (!(await write(p))) break;
      this.parts = [];
      return;
    }
    const fd = await this.file.fd;
    // One buffer for every read: `write` resolves once the stream has taken the bytes in (see Output.writeBorrowed).
    // 64 KB: under glibc's threshold for a mapping of its own (see ENCODE_CHARS in format/index.ts).
    const buffer = Buffer.allocUnsafe(Math.min(1 << 16, this.file.length));
    try {
      for (let at = 0; at < this.file.length; ) {
        const bytesRead = (await readFd(fd, buffer, 0, Math.min(buffer.length, this.file.length - at), at)).bytesRead;
        if (bytesRead === 0) throw new Error('the temp file ended early');
        if (!(await write(buffer.subarray(0, bytesRead)))) break;
        at += bytesRead;
      }
    } finally {
      await closeFd(fd).catch(() => {});
      this.file = null;
    }
  }

  /** Lets everything go (the input failed, or the run stopped). */
  async discard(): Promise<void> {
    this.parts = [];
    if (!this.file) return;
    const file = this.file;
    this.file = null;
    await this.writes;
    const fd = await file.fd.catch(() => null);
    if (fd !== null) await closeFd(fd).catch(() => {});
  }

  /**
   * Takes over the temp file a worker wrote this input's output into (see
   * SpillFile), in place of parts: from here on this object reads it back and closes it.
   */
  adopt(spilled: SpilledOutput): void {
    if (this.parts.length > 0 || this.file) throw new Error('a held output took a temp file after parts');
    this.failure = spilled.failure;
    if (spilled.fd !== null) this.file = { fd: Promise.resolve(spilled.fd), length: spilled.length };
  }

  private openTemp(): Promise<number> {
    const path = tempName(this.dir);
    const opened = openFd(path, 'wx+', 0o600).then(async (fd) => {
      await unlink(path).catch(() => {});
      return fd;
    });
    // A failure to open is reported by the first write.
    opened.catch(() => {});
    return opened;
  }

  private append(part: Uint8Array): void {
    const file = this.file!;
    const at = file.length;
    file.length += part.length;
    this.writes = this.writes.then(async () => {
      if (this.failure) return;
      try {
        const fd = await file.fd;
        for (let done = 0; done < part.length; ) done += (await writeFd(fd, part, done, part.length - done, at + done)).bytesWritten;
      } catch (e) {
        this.failure = holdFailure(this.dir, e);
      }
    });
  }
}
