import { reconcileMessage } from '../../../lambdas/core/reconcile/events';
import {
  type DocumentSource,
  documentsToRead,
  type Inventory,
  planReconcile,
  type StoredItems,
} from '../../../lambdas/core/reconcile/plan';
import { articleIdFor } from '../../../lambdas/core/record/article-id';
import { processedKeyFor } from '../../../lambdas/core/record/processed-key';
import { parseS3Notification } from '../../../lambdas/handlers/s3-notification';

const BUCKET = 'raw-bucket';
const KEY = 'raw/2019/a.txt';
const ID = articleIdFor(BUCKET, KEY);
const DOC = processedKeyFor(ID);

function record(eTag: string, sequencer: string, lookups = ['ENTITY#x']): StoredItems {
  const wanted = ['RECORD', ...lookups];
  return {
    articleId: ID,
    sortKeys: wanted,
    record: { sequencer, sourceBucket: BUCKET, sourceKey: KEY, sourceETag: eTag, wantedSortKeys: wanted },
  };
}

function inventory(parts: Partial<Inventory>): Inventory {
  return {
    rawBucket: BUCKET,
    prefix: 'raw/',
    wholePipeline: true,
    raw: [],
    documentKeys: [],
    stored: [],
    ...parts,
  };
}

function source(eTag: string, sequencer: string, key = KEY): DocumentSource {
  return { sequencer, source: { bucket: BUCKET, key, eTag } };
}

const live = [{ key: KEY, eTag: 'e2' }];

describe('planReconcile', () => {
  it.each<[string, Partial<Inventory>, DocumentSource | undefined, unknown[]]>([
    [
      'nothing when document, record and lookup items match',
      { raw: live, documentKeys: [DOC], stored: [record('e2', 'S2')] },
      undefined,
      [],
    ],
    [
      'cleans a raw object without a document (never notified: a backfill)',
      { raw: live },
      undefined,
      [{ stage: 'clean', kind: 'created', reason: 'missing-document', key: KEY, eTag: 'e2', sequencer: '0' }],
    ],
    [
      'cleans it under the stored record’s sequencer, so the tag stage may replace that record',
      { raw: live, stored: [record('e1', '00000000000000000000000000000005')] },
      undefined,
      [{ stage: 'clean', reason: 'missing-document', sequencer: '00000000000000000000000000000005' }],
    ],
    [
      'tags a current document whose record is missing (lookup items without their record)',
      { raw: live, documentKeys: [DOC], stored: [{ articleId: ID, sortKeys: ['ENTITY#a', 'ENTITY#b'] }] },
      source('e2', '07'),
      [{ stage: 'tag', kind: 'created', reason: 'missing-record', processedKey: DOC }],
    ],
    [
      'tags a current document whose record is of an older version',
      { raw: live, documentKeys: [DOC], stored: [record('e1', '06')] },
      source('e2', '07'),
      [{ stage: 'tag', kind: 'created', reason: 'stale-record' }],
    ],
    [
      'cleans again under the record’s sequencer when the record’s is greater than the document’s',
      { raw: live, documentKeys: [DOC], stored: [record('e1', '09')] },
      source('e2', '07'),
      [{ stage: 'clean', kind: 'created', reason: 'stale-record', sequencer: '09' }],
    ],
    [
      'cleans again a document of an older version, under its own sequencer',
      { raw: live, documentKeys: [DOC], stored: [record('e1', '06')] },
      source('e1', '06'),
      [{ stage: 'clean', kind: 'created', reason: 'stale-document', eTag: 'e2', sequencer: '06' }],
    ],
    [
      'tags again an article whose lookup items differ from its record’s',
      { raw: live, documentKeys: [DOC], stored: [{ ...record('e2', '07'), sortKeys: ['RECORD'] }] },
      undefined,
      [{ stage: 'tag', kind: 'created', reason: 'lookup-items' }],
    ],
    [
      'removes a document whose raw object is gone through the clean stage',
      { documentKeys: [DOC], stored: [record('e1', '06')] },
      source('e1', '06'),
      [{ stage: 'clean', kind: 'removed', reason: 'orphan-document', key: KEY, sequencer: '06' }],
    ],
    [
      'removes items without raw object or document through the tag stage',
      { stored: [record('e1', '06')] },
      undefined,
      [{ stage: 'tag', kind: 'removed', reason: 'orphan-items', processedKey: DOC }],
    ],
    [
      'removes lookup items without a record when the whole pipeline is compared',
      { stored: [{ articleId: ID, sortKeys: ['ENTITY#a'] }] },
      undefined,
      [{ stage: 'tag', kind: 'removed', reason: 'orphan-items' }],
    ],
    [
      'leaves lookup items without a record alone under a narrower prefix (their key is unknown)',
      { prefix: 'raw/2020/', wholePipeline: false, stored: [{ articleId: ID, sortKeys: ['ENTITY#a'] }] },
      undefined,
      [],
    ],
    [
      'leaves orphans of keys outside the prefix alone',
      { prefix: 'raw/2020/', wholePipeline: false, documentKeys: [DOC], stored: [record('e1', '06')] },
      source('e1', '06'),
      [],
    ],
    [
      'leaves an article with a clean message queued to that message',
      { raw: live, pending: { clean: new Set([ID]), tag: new Set() } },
      undefined,
      [],
    ],
    [
      'still cleans an article that only has a tag message queued',
      { raw: live, pending: { clean: new Set(), tag: new Set([ID]) } },
      undefined,
      [{ stage: 'clean', reason: 'missing-document' }],
    ],
  ])('%s', (_case, parts, doc, expected) => {
    // Act
    const plan = planReconcile(inventory(parts), new Map(doc ? [[ID, doc]] : []));

    // Assess
    expect(plan.actions).toEqual(expected.map((e) => expect.objectContaining(e as object)));
  });

  it('counts matching and pending articles, and reports orphan documents it cannot parse', () => {
    // Prepare
    const other = articleIdFor(BUCKET, 'raw/b.txt');
    const parts = inventory({
      raw: [...live, { key: 'raw/b.txt', eTag: 'x' }],
      documentKeys: [DOC, processedKeyFor('f'.repeat(32))],
      stored: [record('e2', '07')],
      pending: { clean: new Set([other]), tag: new Set() },
    });

    // Act
    const plan = planReconcile(parts, new Map([['f'.repeat(32), { sequencer: '01' }]]));

    // Assess
    expect(plan).toEqual({
      actions: [],
      inSync: 1,
      pending: 1,
      unreadable: [processedKeyFor('f'.repeat(32))],
    });
  });
});

describe('documentsToRead', () => {
  it.each<[string, Partial<Inventory>, string[]]>([
    [
      'none when records match their raw objects',
      { raw: live, documentKeys: [DOC], stored: [record('e2', '07')] },
      [],
    ],
    [
      'a document whose record is stale',
      { raw: live, documentKeys: [DOC], stored: [record('e1', '07')] },
      [ID],
    ],
    ['a document without a record', { raw: live, documentKeys: [DOC] }, [ID]],
    ['a document without a raw object', { documentKeys: [DOC] }, [ID]],
  ])('%s', (_case, parts, expected) => {
    // Act + Assess
    expect(documentsToRead(inventory(parts))).toEqual(expected);
  });
});

describe('reconcileMessage', () => {
  it.each([
    [
      {
        stage: 'clean',
        kind: 'created',
        reason: 'missing-document',
        articleId: ID,
        key: 'raw/a b+c.txt',
        eTag: 'e1',
        sequencer: '0A',
      },
      { kind: 'created', bucket: BUCKET, key: 'raw/a b+c.txt', eTag: 'e1', sequencer: '0A' },
    ],
    [
      {
        stage: 'clean',
        kind: 'removed',
        reason: 'orphan-document',
        articleId: ID,
        key: 'raw/ü.txt',
        sequencer: '0B',
      },
      { kind: 'removed', bucket: BUCKET, key: 'raw/ü.txt', sequencer: '0B' },
    ],
    [
      { stage: 'tag', kind: 'created', reason: 'missing-record', articleId: ID, processedKey: DOC },
      { kind: 'created', bucket: 'processed', key: DOC },
    ],
  ] as const)('is a notification the stages parse back to the same change (%#)', (action, change) => {
    // Act
    const [parsed] = parseS3Notification(
      reconcileMessage(action, { raw: BUCKET, processed: 'processed' }, '2026-12-03T08:00:00.000Z'),
    );

    // Assess
    expect(parsed).toMatchObject({ ...change, eventTime: '2026-12-03T08:00:00.000Z' });
  });
});
