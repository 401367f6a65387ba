/** What the CLI needs from the process, passed in so tests can drive it in-process. */
export interface Io {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  /**
   * Reads standard input to its end, or until more than `limit` bytes came:
   * then reading stops (`tooLarge` is set and the bytes are not kept).
   */
  readStdin(limit?: number): Promise<{ bytes: Buffer; tooLarge: boolean }>;
  onInterrupt(handler: () => void): void;
  offInterrupt(handler: () => void): void;
  env: NodeJS.ProcessEnv;
}

/** A mistake on the command line or an output that cannot be written: exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function processIo(): Io {
  let stdinCache: Promise<{ bytes: Buffer; tooLarge: boolean }> | null = null;
  const handlers = new Set<() => void>();
  const onSignal = () => {
    for (const h of [...handlers]) h();
  };
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    readStdin(limit = Infinity) {
      stdinCache ??= new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const stdin = process.stdin;
        const done = (tooLarge: boolean) => {
          stdin.off('data', onData);
          stdin.off('end', onEnd);
          stdin.off('error', onError);
          // Stop reading: an endless producer (`yes | briefing`) must not keep the process alive.
          stdin.pause();
          stdin.destroy();
          resolve({ bytes: tooLarge ? Buffer.alloc(0) : Buffer.concat(chunks), tooLarge });
        };
        const onData = (c: Buffer) => {
          size += c.length;
          if (size > limit) done(true);
          else chunks.push(c);
        };
        const onEnd = () => done(false);
        const onError = (e: Error) => reject(e);
        stdin.on('data', onData);
        stdin.on('end', onEnd);
        stdin.on('error', onError);
      });
      return stdinCache;
    },
    onInterrupt(h) {
      if (handlers.size === 0) {
        process.on('SIGINT', onSignal);
        process.on('SIGTERM', onSignal);
      }
      handlers.add(h);
    },
    offInterrupt(h) {
      handlers.delete(h);
      if (handlers.size === 0) {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
    },
  };
}

/**
 * Waits for `p`, or for an interruption (then resolves to undefined). The
 * handler is removed as soon as either happens, so waiting on many results
 * holds on to none of them.
 */
export function untilInterrupted<T>(io: Io, p: Promise<T>): Promise<T | undefined> {
  return new Promise<T | undefined>((resolve) => {
    const stop = () => {
      io.offInterrupt(stop);
      resolve(undefined);
    };
    io.onInterrupt(stop);
    p.then((v) => {
      io.offInterrupt(stop);
      resolve(v);
    });
  });
}
