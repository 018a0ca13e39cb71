/** A one-line progress bar on stderr (only when stderr is a terminal; otherwise a final summary line). */
export class ProgressBar {
  private done = 0;
  private failed = 0;
  private readonly started = Date.now();
  private readonly tty = process.stderr.isTTY === true;

  public constructor(
    private readonly total: number,
    private readonly label: string,
  ) {}

  /** Counts one finished item. */
  public tick(ok: boolean): void {
    this.done++;
    if (!ok) this.failed++;
    if (this.tty) this.render();
  }

  /** Ends the bar with a summary line. */
  public finish(): void {
    if (this.tty) process.stderr.write('\r\x1b[2K');
    const seconds = ((Date.now() - this.started) / 1000).toFixed(1);
    process.stderr.write(
      `${this.label}: ${this.done - this.failed}/${this.total} done${this.failed ? `, ${this.failed} failed` : ''} in ${seconds} s\n`,
    );
  }

  private render(): void {
    const width = 30;
    const filled = this.total === 0 ? width : Math.round((this.done / this.total) * width);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
    process.stderr.write(
      `\r\x1b[2K${this.label} ${bar} ${this.done}/${this.total}${this.failed ? ` (${this.failed} failed)` : ''}`,
    );
  }
}
