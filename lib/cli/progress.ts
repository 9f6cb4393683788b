/**
 * A progress bar with ETA on stderr: redrawn in place on a terminal, one line per file otherwise (CI logs).
 * The ETA is the mean time per finished file times the files left, so the first estimate appears after one.
 */
export class ProgressBar {
  private readonly started = Date.now();
  private done = 0;

  constructor(
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  /** Call before each file with its name, and once at the end with no name. */
  update(name?: string): void {
    const width = 24;
    const filled = Math.round((width * this.done) / Math.max(1, this.total));
    const bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
    const elapsed = (Date.now() - this.started) / 1000;
    const eta = this.done > 0 ? `ETA ${formatSeconds((elapsed / this.done) * (this.total - this.done))}` : 'ETA …';
    const line = `${bar} ${this.done}/${this.total} ${formatSeconds(elapsed)} ${name ? eta + ' ' + name : 'done'}`;
    if (this.stream.isTTY) this.stream.write(`\r\x1b[K${line}${name ? '' : '\n'}`);
    else this.stream.write(`${line}\n`);
  }

  advance(): void {
    this.done++;
  }
}

export function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)}s`;
  return `${Math.floor(seconds / 60)}m${String(Math.round(seconds % 60)).padStart(2, '0')}s`;
}
