/** Progress line and the closing summary, both on stderr. */
export interface Totals {
  files: number;
  done: number;
  failed: number;
  skipped: number;
  records: number;
  bytes: number;
}

const mb = (bytes: number) => bytes / (1024 * 1024);

function clock(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--';
  const s = Math.round(seconds);
  const m = Math.floor(s / 60);
  return `${m}:${String(s % 60).padStart(2, '0')}`;
}

export function progressLine(t: Totals, elapsedMs: number): string {
  const secs = elapsedMs / 1000;
  const rate = secs > 0 ? mb(t.bytes) / secs : 0;
  const perFile = t.done > 0 ? secs / t.done : NaN;
  const eta = clock(perFile * (t.files - t.done));
  return `${t.done}/${t.files} files  ${mb(t.bytes).toFixed(1)} MB  ${rate.toFixed(1)} MB/s  ETA ${eta}  ${t.failed} failed`;
}

export function summaryLine(t: Totals, elapsedMs: number, interrupted = false): string {
  const secs = Math.max(elapsedMs / 1000, 1e-6);
  const parts = [
    `${t.done - t.failed - t.skipped} files converted`,
    ...(t.skipped ? [`${t.skipped} skipped`] : []),
    `${t.failed} failed`,
    `${t.records} records`,
    `${mb(t.bytes).toFixed(1)} MB in ${secs.toFixed(1)} s (${(mb(t.bytes) / secs).toFixed(1)} MB/s)`,
  ];
  return `${interrupted ? 'interrupted: ' : ''}${parts.join(', ')}`;
}

/** Redraws one status line on a terminal, at most a few times a second. */
export class Progress {
  private last = 0;
  private shown = false;
  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly enabled: boolean,
    private readonly started: number,
  ) {}

  update(t: Totals, force = false): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (!force && now - this.last < 150) return;
    this.last = now;
    this.stream.write(`\r\x1b[2K${progressLine(t, now - this.started)}`);
    this.shown = true;
  }

  clear(): void {
    if (this.enabled && this.shown) this.stream.write('\r\x1b[2K');
    this.shown = false;
  }
}
