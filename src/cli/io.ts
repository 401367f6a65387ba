/** What the CLI needs from the process, passed in so tests can drive it in-process. */
export interface Io {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  readStdin(): Promise<Buffer>;
  onInterrupt(handler: () => void): void;
  offInterrupt(handler: () => void): void;
}

/** A mistake on the command line or an output that cannot be written: exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function processIo(): Io {
  let stdinCache: Promise<Buffer> | null = null;
  const handlers = new Set<() => void>();
  const onSignal = () => {
    for (const h of [...handlers]) h();
  };
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    readStdin() {
      stdinCache ??= (async () => {
        const chunks: Buffer[] = [];
        for await (const c of process.stdin) chunks.push(c as Buffer);
        return Buffer.concat(chunks);
      })();
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
