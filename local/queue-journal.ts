import {
  closeSync,
  existsSync,
  fdatasync,
  fsyncSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { JournalError } from './errors';
import type { LocalQueue, QueuedMessage, QueueOperation } from './local-queue';

/** The runtime's queues by role; the journal stores them under these names. */
export type QueueName = 'clean' | 'cleanDlq' | 'tag' | 'tagDlq';

/** Messages of every queue, as a snapshot holds them and a replay rebuilds them. */
export type QueueContents = Record<QueueName, QueuedMessage[]>;

/** One journal line: a queue operation and the queue it happened to. */
export type JournalEntry = QueueOperation & { readonly queue: QueueName };

/** File of the last snapshot inside the data directory. */
export const SNAPSHOT_FILE = 'queues.json';

/** A journal this large is folded into a new snapshot (replaying it on start stays quick). */
const COMPACT_AT_BYTES = 8 * 1024 * 1024;

const QUEUE_NAMES: readonly QueueName[] = ['clean', 'cleanDlq', 'tag', 'tagDlq'];

interface Snapshot {
  readonly generation: number;
  readonly queues: QueueContents;
}

/**
 * Rebuilds queue contents from a snapshot and the journal lines written after it. A last line cut short by a
 * crash is ignored (its operation never completed, so nothing was acknowledged on it). Every message is
 * visible again, as after a visibility timeout.
 */
export function replayJournal(snapshot: Partial<QueueContents>, lines: readonly string[]): QueueContents {
  const state = new Map<QueueName, Map<string, QueuedMessage>>(
    QUEUE_NAMES.map((q) => [q, new Map((snapshot[q] ?? []).map((m) => [m.messageId, { ...m }]))]),
  );
  for (const line of lines) {
    if (line.trim() === '') continue;
    let entry: JournalEntry;
    try {
      entry = JSON.parse(line) as JournalEntry;
    } catch {
      continue; // a torn last line: the write it records never finished
    }
    const messages = state.get(entry.queue);
    if (!messages) continue;
    if (entry.op === 'put') messages.set(entry.message.messageId, { ...entry.message });
    else if (entry.op === 'remove') messages.delete(entry.messageId);
    else if (entry.op === 'clear') messages.clear();
    else {
      const m = messages.get(entry.messageId);
      if (m) {
        m.receiveCount = entry.receiveCount;
        m.firstReceiveTimestamp = entry.firstReceiveTimestamp;
      }
    }
  }
  const out = {} as QueueContents;
  for (const q of QUEUE_NAMES) {
    out[q] = [...(state.get(q)?.values() ?? [])].map(({ receiptHandle: _h, ...m }) => ({
      ...m,
      visibleAt: 0,
    }));
  }
  return out;
}

/**
 * An append-only, write-ahead journal of the local queues, so a killed runtime (SIGKILL, power loss) loses
 * no message: every operation is written to the journal file as it happens (surviving a killed process), and
 * {@link sync} flushes it to disk (surviving a lost machine), which the local S3 API does before it
 * acknowledges a write. On open the last snapshot plus the journal are replayed; a long journal is folded
 * into a new snapshot (generation-numbered, so a crash during the fold replays the right journal).
 */
export class QueueJournal {
  private fd: number;
  private generation: number;
  private bytes = 0;
  /** Operations appended so far, and how many of them are known to be on disk. */
  private appended = 0;
  private flushed = 0;
  private flushing: Promise<void> | undefined;
  private queues: Readonly<Record<QueueName, LocalQueue>> | undefined;

  private constructor(
    private readonly dataDir: string,
    generation: number,
  ) {
    this.generation = generation;
    this.fd = openSync(this.journalFile(generation), 'a');
  }

  /**
   * Replays the data directory's snapshot and journal and starts a new generation holding that state.
   * @throws JournalError when the snapshot cannot be read.
   */
  public static open(dataDir: string): { journal: QueueJournal; contents: QueueContents } {
    const snapshot = readSnapshot(dataDir);
    const file = join(dataDir, journalName(snapshot.generation));
    const lines = existsSync(file) ? readFileSync(file, 'utf8').split('\n') : [];
    const contents = replayJournal(snapshot.queues, lines);
    const next = snapshot.generation + 1;
    writeSnapshot(dataDir, { generation: next, queues: contents });
    removeOldJournals(dataDir, next);
    return { journal: new QueueJournal(dataDir, next), contents };
  }

  /** Journals every operation of these queues from now on. */
  public attach(queues: Readonly<Record<QueueName, LocalQueue>>): void {
    this.queues = queues;
    for (const name of QUEUE_NAMES) {
      queues[name].onOperation((operation) => this.append({ ...operation, queue: name }));
    }
  }

  /**
   * Resolves once every operation appended so far is on disk (fdatasync). Concurrent callers share flushes
   * (group commit), and the event loop is never blocked on the disk.
   */
  public async sync(): Promise<void> {
    const target = this.appended;
    while (this.flushed < target) {
      if (this.flushing) {
        await this.flushing;
        continue;
      }
      const upTo = this.appended;
      const fd = this.fd;
      this.flushing = new Promise<void>((resolve, reject) => {
        fdatasync(fd, (error) =>
          error ? reject(new JournalError('Cannot flush the queue journal', { cause: error })) : resolve(),
        );
      }).finally(() => {
        this.flushing = undefined;
      });
      await this.flushing;
      this.flushed = Math.max(this.flushed, upTo);
    }
  }

  /** Writes a final snapshot (a clean restart replays nothing) and closes the journal. */
  public close(): void {
    this.compact();
    const fd = this.fd;
    this.fd = -1;
    void (this.flushing ?? Promise.resolve()).catch(() => undefined).finally(() => closeSync(fd));
  }

  private append(entry: JournalEntry): void {
    if (this.fd < 0) return;
    const line = `${JSON.stringify(entry)}\n`;
    // Synchronous: the line is in the file before the operation's caller continues (an S3 response included).
    this.bytes += writeSync(this.fd, line);
    this.appended++;
    if (this.bytes >= COMPACT_AT_BYTES) this.compact();
  }

  /** Folds the journal into a snapshot of the queues as they are now and starts a new, empty journal. */
  private compact(): void {
    if (!this.queues) return;
    const queues = this.queues;
    const next = this.generation + 1;
    const contents = Object.fromEntries(QUEUE_NAMES.map((q) => [q, queues[q].snapshot()])) as QueueContents;
    // Snapshot first: until it is renamed into place, the old snapshot and journal are the truth.
    writeSnapshot(this.dataDir, { generation: next, queues: contents });
    const old = this.fd;
    this.fd = openSync(this.journalFile(next), 'a');
    this.generation = next;
    this.bytes = 0;
    // The snapshot holds everything appended so far, and it is on disk.
    this.flushed = this.appended;
    // A flush of the old journal may still be running: close its file after it.
    void (this.flushing ?? Promise.resolve()).catch(() => undefined).finally(() => closeSync(old));
    removeOldJournals(this.dataDir, next);
  }

  private journalFile(generation: number): string {
    return join(this.dataDir, journalName(generation));
  }
}

function journalName(generation: number): string {
  return `queues.${generation}.journal`;
}

function readSnapshot(dataDir: string): Snapshot {
  const file = join(dataDir, SNAPSHOT_FILE);
  if (!existsSync(file)) return { generation: 0, queues: emptyContents() };
  try {
    const json = JSON.parse(readFileSync(file, 'utf8')) as Partial<Snapshot> & Partial<QueueContents>;
    // Runtimes before the journal saved the queues themselves, without a generation.
    if (typeof json.generation !== 'number')
      return { generation: 0, queues: { ...emptyContents(), ...json } };
    return { generation: json.generation, queues: { ...emptyContents(), ...json.queues } };
  } catch (cause) {
    throw new JournalError(`Cannot read the queue snapshot ${file}`, { cause });
  }
}

/** Writes a snapshot atomically: a temporary file, flushed, renamed over the old one. */
function writeSnapshot(dataDir: string, snapshot: Snapshot): void {
  const file = join(dataDir, SNAPSHOT_FILE);
  const temporary = `${file}.tmp`;
  const fd = openSync(temporary, 'w');
  try {
    writeSync(fd, JSON.stringify(snapshot));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, file);
  syncDirectory(dataDir);
}

function removeOldJournals(dataDir: string, current: number): void {
  for (const name of readdirSync(dataDir)) {
    const m = /^queues\.(\d+)\.journal$/.exec(name);
    if (m && Number(m[1]) !== current) rmSync(join(dataDir, name), { force: true });
  }
}

function emptyContents(): QueueContents {
  return { clean: [], cleanDlq: [], tag: [], tagDlq: [] };
}

/** Makes a rename durable: the directory entry is flushed too. */
export function syncDirectory(directory: string): void {
  const fd = openSync(directory, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
