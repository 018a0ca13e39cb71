import { PreconditionFailedError } from '../../lambdas/adapters/errors';
import type { ObjectLocation, ObjectStore } from '../../lambdas/adapters/object-store';
import { SEQUENCER_METADATA_KEY } from '../../lambdas/core/record/processed-key';
import { type CleanResult, handleRawChange } from '../../lambdas/handlers/clean-stage';
import { TimeBudgetExceededError } from '../../lambdas/handlers/errors';
import type { TimeBudget } from '../../lambdas/handlers/time-budget';
import { countingObjectStore, newCallLog } from '../../scripts/bench/stores';
import { cleanDeps, processedLocation, RAW_BUCKET, rawChange } from '../helpers/clean-stage';
import { MemoryObjectStore } from '../helpers/memory-stores';

const KEY = 'raw/story.txt';
const RAW: ObjectLocation = { bucket: RAW_BUCKET, key: KEY };
const PROCESSED = processedLocation(KEY);
const STORY =
  'SEOUL (Reuters) - North Korea said on Friday it would hold talks with the South in the new year.';
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

/** A processed document as an earlier clean of the raw object left it. */
async function storedDocument(objects: ObjectStore, sequencer: string, body = '{"status":"before"}') {
  await objects.put(PROCESSED, body, {
    contentType: 'application/json',
    metadata: { [SEQUENCER_METADATA_KEY]: sequencer },
  });
}

/** An object store in which `afterPut` runs once, right after the first write to a processed document. */
function interleaved(objects: MemoryObjectStore, afterPut: () => Promise<void> | void): ObjectStore {
  let done = false;
  return {
    get: (l, max) => objects.get(l, max),
    head: (l) => objects.head(l),
    delete: async (l, c) => {
      await objects.delete(l, c);
      if (!done && l.key === PROCESSED.key) {
        done = true;
        await afterPut();
      }
    },
    put: async (l, body, options) => {
      const eTag = await objects.put(l, body, options);
      if (!done && l.key === PROCESSED.key) {
        done = true;
        await afterPut();
      }
      return eTag;
    },
  };
}

/** How the processed document should end: absent, or its status, rejection code and sequencer. */
type Expected = 'absent' | { status: string; code?: string; sequencer: string };

type Row = [
  name: string,
  arrange: (objects: MemoryObjectStore) => Promise<ObjectStore | undefined>,
  change: ReturnType<typeof rawChange>,
  result: CleanResult,
  document: Expected,
];

function upload(objects: MemoryObjectStore, bytes: Uint8Array, contentType = 'text/plain'): undefined {
  objects.upload(RAW, bytes, contentType);
  return undefined;
}

describe('handleRawChange: every outcome of the clean stage', () => {
  it.each<Row>([
    [
      'a new text object is cleaned',
      async (o) => upload(o, encode(STORY)),
      rawChange('created', KEY, '10'),
      'cleaned',
      { status: 'cleaned', sequencer: '10' },
    ],
    [
      'an empty object is rejected',
      async (o) => upload(o, new Uint8Array(0)),
      rawChange('created', KEY, '10'),
      'rejected',
      { status: 'rejected', code: 'EMPTY', sequencer: '10' },
    ],
    [
      'a binary object is rejected',
      async (o) => upload(o, PNG),
      rawChange('created', KEY, '10'),
      'rejected',
      { status: 'rejected', code: 'BINARY', sequencer: '10' },
    ],
    [
      'an object of a non-text type is rejected',
      async (o) => upload(o, encode(STORY), 'image/jpeg'),
      rawChange('created', KEY, '10'),
      'rejected',
      { status: 'rejected', code: 'UNSUPPORTED', sequencer: '10' },
    ],
    [
      'an object over the cap is rejected unread',
      async (o) => upload(o, encode('x'.repeat(1001))),
      rawChange('created', KEY, '10'),
      'rejected',
      { status: 'rejected', code: 'TOO_LARGE', sequencer: '10' },
    ],
    [
      'a newer version of a cleaned object replaces its document',
      async (o) => {
        upload(o, encode(STORY));
        await storedDocument(o, '05');
        return undefined;
      },
      rawChange('created', KEY, '10'),
      'cleaned',
      { status: 'cleaned', sequencer: '10' },
    ],
    [
      'a redelivered event rewrites the document unchanged',
      async (o) => {
        upload(o, encode(STORY));
        await handleRawChange(rawChange('created', KEY, '10'), cleanDeps(o));
        return undefined;
      },
      rawChange('created', KEY, '10'),
      'duplicate',
      { status: 'cleaned', sequencer: '10' },
    ],
    [
      'a re-drive naming another ETag than the document holds cleans again',
      async (o) => {
        upload(o, encode(STORY));
        await handleRawChange(rawChange('created', KEY, '10'), cleanDeps(o));
        return undefined;
      },
      rawChange('created', KEY, '10', '"another-etag"'),
      'cleaned',
      { status: 'cleaned', sequencer: '10' },
    ],
    [
      'a document of the same version that cannot be read is replaced',
      async (o) => {
        upload(o, encode(STORY));
        await storedDocument(o, '10', 'not json');
        return undefined;
      },
      rawChange('created', KEY, '10'),
      'cleaned',
      { status: 'cleaned', sequencer: '10' },
    ],
    [
      'an event older than the stored document is skipped',
      async (o) => {
        upload(o, encode(STORY));
        await storedDocument(o, '20');
        return undefined;
      },
      rawChange('created', KEY, '10'),
      'stale',
      { status: 'before', sequencer: '20' },
    ],
    [
      'a write that loses the race to a newer version re-reads and skips',
      async (o) => {
        upload(o, encode(STORY));
        let raced = false;
        return {
          get: (l, max) => o.get(l, max),
          head: (l) => o.head(l),
          delete: (l, c) => o.delete(l, c),
          put: async (l, body, options) => {
            if (!raced && l.key === PROCESSED.key) {
              raced = true;
              await storedDocument(o, '20');
            }
            return o.put(l, body, options);
          },
        };
      },
      rawChange('created', KEY, '10'),
      'stale',
      { status: 'before', sequencer: '20' },
    ],
    [
      'a created event whose object is gone is left to its delete event',
      async () => undefined,
      rawChange('created', KEY, '10'),
      'skipped-missing',
      'absent',
    ],
    [
      'an object deleted while it was cleaned has its document withdrawn',
      async (o) => {
        upload(o, encode(STORY));
        return interleaved(o, () => o.delete(RAW));
      },
      rawChange('created', KEY, '10'),
      'removed',
      'absent',
    ],
    [
      'a delete removes the document',
      async (o) => {
        await storedDocument(o, '10');
        return undefined;
      },
      rawChange('removed', KEY, '20'),
      'removed',
      'absent',
    ],
    [
      'a delete of an object that exists again is superseded',
      async (o) => {
        upload(o, encode(STORY));
        await storedDocument(o, '10');
        return undefined;
      },
      rawChange('removed', KEY, '05'),
      'skipped-superseded',
      { status: 'before', sequencer: '10' },
    ],
    [
      'a delete older than the stored document is skipped',
      async (o) => {
        await storedDocument(o, '20');
        return undefined;
      },
      rawChange('removed', KEY, '10'),
      'stale',
      { status: 'before', sequencer: '20' },
    ],
    [
      'an object re-uploaded while its delete was handled is cleaned again',
      async (o) => {
        await storedDocument(o, '10');
        return interleaved(o, () => upload(o, encode(STORY)));
      },
      rawChange('removed', KEY, '20'),
      'cleaned',
      { status: 'cleaned', sequencer: '20' },
    ],
  ])('%s', async (_name, arrange, change, result, document) => {
    // Prepare
    const memory = new MemoryObjectStore();
    const objects = (await arrange(memory)) ?? memory;
    const rawBefore = memory.bytesOf(RAW);

    // Act
    const outcome = await handleRawChange(change, cleanDeps(objects));

    // Assess
    expect(outcome).toBe(result);
    const head = await memory.head(PROCESSED);
    const bytes = memory.bytesOf(PROCESSED);
    const stored = bytes === undefined ? undefined : JSON.parse(new TextDecoder().decode(bytes));
    if (document === 'absent') {
      expect(head).toBeUndefined();
    } else {
      expect(head?.metadata[SEQUENCER_METADATA_KEY]).toBe(document.sequencer);
      expect(stored.status).toBe(document.status);
      if (document.code) expect(stored.rejection.code).toBe(document.code);
    }
    // The raw object is only ever read (the interleavings above change it, as an uploader would).
    if (rawBefore !== undefined && memory.bytesOf(RAW) !== undefined)
      expect(memory.bytesOf(RAW)).toBe(rawBefore);
  });

  it.each([
    ['a new object', async (_o: MemoryObjectStore) => undefined, { get: 1, head: 1, put: 1 }],
    ['a newer version', (o: MemoryObjectStore) => storedDocument(o, '05'), { get: 1, head: 2, put: 2 }],
    [
      'a redelivery',
      (o: MemoryObjectStore) => handleRawChange(rawChange('created', KEY, '10'), cleanDeps(o)),
      { get: 2, head: 1, put: 2 },
    ],
  ])('cleans %s with the S3 requests its path needs', async (_name, arrange, expected) => {
    // Prepare: a new object's document is created unread; an existing one is read after the refused create.
    const memory = new MemoryObjectStore();
    upload(memory, encode(STORY));
    await arrange(memory);
    const log = newCallLog();
    const counting = countingObjectStore(memory, log);

    // Act
    await handleRawChange(rawChange('created', KEY, '10'), cleanDeps(counting));

    // Assess
    expect({ get: log.s3Get, head: log.s3Head, put: log.s3Put }).toEqual(expected);
    expect((await memory.head(PROCESSED))?.metadata[SEQUENCER_METADATA_KEY]).toBe('10');
  });

  it('hands the message back before cleaning when the time budget is spent, having written nothing', async () => {
    // Prepare
    const memory = new MemoryObjectStore();
    upload(memory, encode(STORY));
    const spent: TimeBudget = {
      check: () => {
        throw new TimeBudgetExceededError('no time left');
      },
    };

    // Act
    const handled = handleRawChange(rawChange('created', KEY, '10'), cleanDeps(memory), spent);

    // Assess
    await expect(handled).rejects.toBeInstanceOf(TimeBudgetExceededError);
    expect(await memory.head(PROCESSED)).toBeUndefined();
  });

  it('restores a re-uploaded object whatever the time budget: handed back, its delete event would skip it', async () => {
    // Prepare: the object comes back while its delete removes the processed document.
    const memory = new MemoryObjectStore();
    await storedDocument(memory, '10');
    const objects = interleaved(memory, () => upload(memory, encode(STORY)));
    const spent: TimeBudget = {
      check: () => {
        throw new TimeBudgetExceededError('no time left');
      },
    };

    // Act
    const outcome = await handleRawChange(rawChange('removed', KEY, '20'), cleanDeps(objects), spent);

    // Assess
    expect(outcome).toBe('cleaned');
    expect((await memory.head(PROCESSED))?.metadata[SEQUENCER_METADATA_KEY]).toBe('20');
  });

  it('hands the message back after five writes lost to concurrent ones', async () => {
    // Prepare
    const memory = new MemoryObjectStore();
    upload(memory, encode(STORY));
    const conflicted: ObjectStore = {
      get: (l, max) => memory.get(l, max),
      head: (l) => memory.head(l),
      delete: (l, c) => memory.delete(l, c),
      put: async () => {
        throw new PreconditionFailedError('changed concurrently');
      },
    };

    // Act
    const outcome = handleRawChange(rawChange('created', KEY, '10'), cleanDeps(conflicted));

    // Assess
    await expect(outcome).rejects.toThrow(PreconditionFailedError);
    expect(await memory.head(PROCESSED)).toBeUndefined();
  });
});
