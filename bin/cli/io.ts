/** Writes one line to stdout, waiting when the pipe is full so memory stays constant on long streams. */
export function writeLine(line: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const ok = process.stdout.write(`${line}\n`, (error) => {
      if (error) reject(error);
    });
    if (ok) resolve();
    else process.stdout.once('drain', () => resolve());
  });
}

/** Today's date in UTC, `YYYY-MM-DD`: the CLI's default reference date. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}
