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
import { open, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { nodeCrypto } from './builtins.js';
import { describeFsError } from './fsutil.js';

/** Bytes of output held in memory before the rest goes to a temp file. */
export const SPILL_AT = 4 * 1024 * 1024;

export class HeldOutput {
  private parts: Uint8Array[] = [];
  private size = 0;
  private file: { handle: Promise<FileHandle>; length: number } | null = null;
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
      this.file = { handle: this.openTemp(), length: 0 };
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
    const handle = await this.file.handle;
    try {
      for (let at = 0; at < this.file.length; ) {
        // A fresh buffer each read: the writer may still hold the last one.
        const buffer = Buffer.allocUnsafe(Math.min(1 << 20, this.file.length - at));
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, at);
        if (bytesRead === 0) throw new Error('the temp file ended early');
        if (!(await write(buffer.subarray(0, bytesRead)))) break;
        at += bytesRead;
      }
    } finally {
      await handle.close().catch(() => {});
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
    await (await file.handle.catch(() => null))?.close().catch(() => {});
  }

  private openTemp(): Promise<FileHandle> {
    const path = join(this.dir, `.briefing-${process.pid}-${nodeCrypto().randomBytes(6).toString('hex')}.held`);
    const opened = open(path, 'wx+', 0o600).then(async (h) => {
      await unlink(path).catch(() => {});
      return h;
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
        const handle = await file.handle;
        for (let done = 0; done < part.length; ) done += (await handle.write(part, done, part.length - done, at + done)).bytesWritten;
      } catch (e) {
        this.failure = `cannot hold its output in ${this.dir}: ${describeFsError(e)}`;
      }
    });
  }
}
