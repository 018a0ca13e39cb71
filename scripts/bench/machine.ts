/** The machine a run measured on, and what else was running on it. */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { REPO_ROOT } from './corpora';

/** A description of the machine and the code measured. */
export interface Machine {
  /** `nproc`: processors this process may use. */
  readonly nproc: number;
  readonly cpu: string;
  readonly ramGb: number;
  readonly node: string;
  readonly platform: string;
  /** `uptime` when the run started and when it ended (load averages over 1, 5 and 15 minutes). */
  readonly uptimeAtStart: string;
  uptimeAtEnd: string;
  readonly commit: string;
}

/** The `uptime` line, or the load averages when the command is missing. */
export function uptime(): string {
  try {
    return execFileSync('uptime', { encoding: 'utf8' }).trim();
  } catch {
    return `load average: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')}`;
  }
}

function cpuModel(): string {
  const file = '/proc/cpuinfo';
  if (existsSync(file)) {
    const info = readFileSync(file, 'utf8').split('\n\n')[0] ?? '';
    const field = (name: string): string | undefined =>
      new RegExp(`^${name}\\s*:\\s*(.+)$`, 'm').exec(info)?.[1]?.trim();
    const name = field('model name') ?? field('Model') ?? field('Hardware');
    if (name) {
      // A bare "AMD EPYC" says little: family and model tell the generation, MHz the clock.
      const detail = [
        field('cpu family') && `family ${field('cpu family')}`,
        field('model') && `model ${field('model')}`,
        field('cpu MHz') && `${Math.round(Number(field('cpu MHz')))} MHz`,
      ].filter(Boolean);
      return detail.length > 0 ? `${name} (${detail.join(', ')})` : name;
    }
  }
  return cpus()[0]?.model ?? 'unknown';
}

function commit(): string {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    }).trim();
    return dirty ? `${sha} (with uncommitted changes in the working tree)` : sha;
  } catch {
    return 'unknown';
  }
}

/** Describes this machine now. */
export function describeMachine(): Machine {
  const start = uptime();
  return {
    nproc: availableParallelism(),
    cpu: cpuModel(),
    ramGb: totalmem() / 1024 ** 3,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    uptimeAtStart: start,
    uptimeAtEnd: start,
    commit: commit(),
  };
}
