import { appendFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalQueue, type QueuedMessage } from '../../local/local-queue';
import { type JournalEntry, QueueJournal, replayJournal } from '../../local/queue-journal';

function message(id: string, receiveCount = 0): QueuedMessage {
  return { messageId: id, body: `body-${id}`, sentTimestamp: 1, receiveCount, visibleAt: 99 };
}

function lines(...entries: JournalEntry[]): string[] {
  return entries.map((e) => JSON.stringify(e));
}

function queueSet(): Record<'clean' | 'cleanDlq' | 'tag' | 'tagDlq', LocalQueue> {
  const cleanDlq = new LocalQueue({ name: 'clean-dlq', visibilityTimeoutMs: 60_000 });
  const tagDlq = new LocalQueue({ name: 'tag-dlq', visibilityTimeoutMs: 60_000 });
  return {
    clean: new LocalQueue({
      name: 'clean',
      visibilityTimeoutMs: 60_000,
      maxReceiveCount: 2,
      deadLetterQueue: cleanDlq,
    }),
    cleanDlq,
    tag: new LocalQueue({ name: 'tag', visibilityTimeoutMs: 60_000 }),
    tagDlq,
  };
}

describe('replayJournal', () => {
  it.each([
    [
      'a put adds a message, visible at once',
      lines({ queue: 'clean', op: 'put', message: message('a') }),
      ['a'],
      [],
    ],
    [
      'a remove deletes it',
      lines(
        { queue: 'clean', op: 'put', message: message('a') },
        { queue: 'clean', op: 'put', message: message('b') },
        { queue: 'clean', op: 'remove', messageId: 'a' },
      ),
      ['b'],
      [],
    ],
    [
      'a move to the dead-letter queue keeps one copy',
      lines(
        { queue: 'clean', op: 'put', message: message('a') },
        { queue: 'cleanDlq', op: 'put', message: message('a', 2) },
        { queue: 'clean', op: 'remove', messageId: 'a' },
      ),
      [],
      ['a'],
    ],
    [
      'a clear empties one queue only',
      lines(
        { queue: 'clean', op: 'put', message: message('a') },
        { queue: 'cleanDlq', op: 'put', message: message('b') },
        { queue: 'cleanDlq', op: 'clear' },
      ),
      ['a'],
      [],
    ],
    [
      'a torn last line (a crash mid-write) is ignored',
      [...lines({ queue: 'clean', op: 'put', message: message('a') }), '{"queue":"clean","op":"put","mess'],
      ['a'],
      [],
    ],
  ])('%s', (_case, journal, clean, cleanDlq) => {
    // Act
    const contents = replayJournal({}, journal);

    // Assess
    expect(contents.clean.map((m) => m.messageId)).toEqual(clean);
    expect(contents.cleanDlq.map((m) => m.messageId)).toEqual(cleanDlq);
    expect([...contents.clean, ...contents.cleanDlq].every((m) => m.visibleAt === 0)).toBe(true);
  });

  it('applies receives to the message it names, over a snapshot', () => {
    // Act
    const contents = replayJournal(
      { tag: [message('a')] },
      lines({ queue: 'tag', op: 'receive', messageId: 'a', receiveCount: 3, firstReceiveTimestamp: 7 }),
    );

    // Assess
    expect(contents.tag).toEqual([{ ...message('a', 3), firstReceiveTimestamp: 7, visibleAt: 0 }]);
  });
});

describe('QueueJournal', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'newsflow-journal-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('restores every message of a runtime that was never stopped (killed), receive counts and DLQ included', async () => {
    // Prepare
    const before = queueSet();
    const { journal } = QueueJournal.open(dir);
    journal.attach(before);
    before.clean.send('stays');
    const done = before.clean.send('done');
    before.tag.send('tagged');
    const received = before.clean.receive(10);
    before.clean.delete(done, received.find((m) => m.messageId === done)!.receiptHandle!);
    before.clean.changeVisibility(received[0]!.messageId, received[0]!.receiptHandle!, 0);
    before.clean.receive(10);
    before.clean.changeVisibility(received[0]!.messageId, before.clean.snapshot()[0]!.receiptHandle!, 0);
    before.clean.receive(10); // third receive of a message allowed two: it moves to the dead-letter queue
    await journal.sync();

    // Act: no close() — as after SIGKILL.
    const { contents } = QueueJournal.open(dir);

    // Assess
    expect(contents.clean).toEqual([]);
    expect(contents.cleanDlq.map((m) => [m.body, m.receiveCount])).toEqual([['stays', 2]]);
    expect(contents.tag.map((m) => [m.body, m.receiveCount])).toEqual([['tagged', 0]]);
  });

  it('folds the journal into a snapshot on close, leaving one empty journal', () => {
    // Prepare
    const queues = queueSet();
    const { journal } = QueueJournal.open(dir);
    journal.attach(queues);
    queues.tag.send('kept');

    // Act
    journal.close();
    const { contents } = QueueJournal.open(dir);

    // Assess
    expect(contents.tag.map((m) => m.body)).toEqual(['kept']);
    expect(readdirSync(dir).filter((f) => f.endsWith('.journal'))).toHaveLength(1);
  });

  it('reads the snapshot runtimes before the journal wrote, and replays a journal torn by a crash', () => {
    // Prepare
    writeFileSync(join(dir, 'queues.json'), JSON.stringify({ clean: [message('old', 1)] }));
    appendFileSync(
      join(dir, 'queues.0.journal'),
      `${lines({ queue: 'tag', op: 'put', message: message('new') }).join('\n')}\n{"queue":"tag","op":"remo`,
    );

    // Act
    const { contents } = QueueJournal.open(dir);

    // Assess
    expect(contents.clean.map((m) => [m.messageId, m.receiveCount])).toEqual([['old', 1]]);
    expect(contents.tag.map((m) => m.messageId)).toEqual(['new']);
  });
});
