import { type AttributeValue, DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
} from '@aws-sdk/client-dynamodb-streams';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { articleIdOfPk, articlePk, entityPk, recordFromItem } from '../../lambdas/adapters/article-table';
import { articleIdFor } from '../../lambdas/core/record/article-id';
import { type ArticleChange, articleChangeOf, RECORD_CHANGES_FILTER } from '../../lambdas/reader';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/clients';
import { wordTaggers } from '../helpers/fixtures';
import { hasJava, startTestPipeline, type TestPipeline } from '../helpers/runtime';

/** `RECORD`, a lookup item's partition key, or the sort key of another item of the article's partition. */
function labelOf(e: StreamRecord): string {
  const keys = e.dynamodb?.Keys;
  const pk = keys?.pk?.S ?? '';
  return articleIdOfPk(pk) === undefined ? pk : (keys?.sk?.S ?? '');
}

/** Every record of every shard of the table's stream, in shard order. */
async function readStream(p: TestPipeline): Promise<StreamRecord[]> {
  const table = await p.runtime.dynamodbClient.send(
    new DescribeTableCommand({ TableName: p.runtime.names.table }),
  );
  const streamArn = table.Table?.LatestStreamArn ?? '';
  const streams = new DynamoDBStreamsClient({
    endpoint: p.runtime.dynamodb.endpoint,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
  });
  const records: StreamRecord[] = [];
  try {
    const description = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    for (const shard of description.StreamDescription?.Shards ?? []) {
      let iterator = (
        await streams.send(
          new GetShardIteratorCommand({
            StreamArn: streamArn,
            ShardId: shard.ShardId,
            ShardIteratorType: 'TRIM_HORIZON',
          }),
        )
      ).ShardIterator;
      while (iterator) {
        const out = await streams.send(new GetRecordsCommand({ ShardIterator: iterator }));
        records.push(...(out.Records ?? []));
        // An open shard always returns a next iterator; an empty read means we are at its end.
        iterator = out.Records?.length ? out.NextShardIterator : undefined;
      }
    }
  } finally {
    streams.destroy();
  }
  return records;
}

/**
 * Lambda's event filter semantics for the patterns the docs use: every key of the pattern must be present, and
 * a leaf array lists the values a field may have.
 */
function matchesFilter(pattern: unknown, value: unknown): boolean {
  if (Array.isArray(pattern)) return pattern.includes(value);
  if (typeof pattern !== 'object' || pattern === null) return false;
  if (typeof value !== 'object' || value === null) return false;
  return Object.entries(pattern).every(([k, p]) => matchesFilter(p, (value as Record<string, unknown>)[k]));
}

const TAGGERS = wordTaggers({ Kim: 'PERSON', Seoul: 'LOCATION', Berlin: 'LOCATION' });

if (hasJava()) {
  describe('the stream contract (DynamoDB Local streams)', () => {
    let p: TestPipeline;
    let events: StreamRecord[];
    let articleId: string;

    beforeAll(async () => {
      // Prepare: one article created, overwritten, then deleted, through the real pipeline.
      p = await startTestPipeline('dynamodb-local', { taggers: TAGGERS });
      articleId = articleIdFor(p.runtime.names.rawBucket, 'raw/story.txt');
      await p.upload('raw/story.txt', 'date 2019-12-20\n\nKim visited Seoul on Friday.');
      await p.runtime.waitForIdle();
      await p.upload('raw/story.txt', 'date 2019-12-20\n\nKim visited Berlin on Friday.');
      await p.runtime.waitForIdle();
      await p.remove('raw/story.txt');
      await p.runtime.waitForIdle();

      // Act
      // The article's own partition, and its lookup items (which name it) in theirs.
      const ofArticle = (e: StreamRecord) =>
        e.dynamodb?.Keys?.pk?.S === articlePk(articleId) ||
        (e.dynamodb?.NewImage ?? e.dynamodb?.OldImage)?.articleId?.S === articleId;
      events = (await readStream(p)).filter(ofArticle);
    }, 120_000);

    afterAll(async () => {
      await p?.stop();
    });

    it('streams INSERT, MODIFY and REMOVE for the record item, with the images the contract names', () => {
      // Prepare
      const recordEvents = events.filter((e) => e.dynamodb?.Keys?.sk?.S === 'RECORD');

      // Assess
      expect(
        recordEvents.map((e) => [
          e.eventName,
          !!e.dynamodb?.NewImage,
          !!e.dynamodb?.OldImage,
          e.dynamodb?.StreamViewType,
        ]),
      ).toEqual([
        ['INSERT', true, false, 'NEW_AND_OLD_IMAGES'],
        ['MODIFY', true, true, 'NEW_AND_OLD_IMAGES'],
        ['REMOVE', false, true, 'NEW_AND_OLD_IMAGES'],
      ]);
      const textOf = (image: Record<string, AttributeValue> | undefined) =>
        image && recordFromItem(unmarshall(image)).text;
      expect(textOf(recordEvents[1]?.dynamodb?.OldImage as never)).toContain('Seoul');
      expect(textOf(recordEvents[1]?.dynamodb?.NewImage as never)).toContain('Berlin');
      expect(textOf(recordEvents[2]?.dynamodb?.OldImage as never)).toContain('Berlin');
    });

    it('streams lookup items as they come and go, each before the record change that commits them', () => {
      // Prepare
      const trail = events.map((e) => `${e.eventName} ${labelOf(e)}`);
      const at = (entry: string) => trail.indexOf(entry);
      const [seoul, berlin, kim] = [entityPk('Seoul'), entityPk('Berlin'), entityPk('Kim')];

      // Assess
      expect(at(`INSERT ${seoul}`)).toBeLessThan(at('INSERT RECORD'));
      expect(at(`INSERT ${berlin}`)).toBeLessThan(at('MODIFY RECORD'));
      expect(at(`INSERT ${berlin}`)).toBeGreaterThan(at('INSERT RECORD'));
      expect(at(`REMOVE ${seoul}`)).toBeGreaterThan(at('INSERT RECORD'));
      expect(at(`REMOVE ${kim}`)).toBeLessThan(at('REMOVE RECORD'));
      // Kim's item is the same in both versions: the overwrite does not write it again.
      expect(trail.filter((t) => t.endsWith(kim))).toEqual([`INSERT ${kim}`, `REMOVE ${kim}`]);
    });

    it('passes exactly the record item events through the documented Lambda event filter', () => {
      // Act
      const passed = events.filter((e) => matchesFilter(RECORD_CHANGES_FILTER, e));

      // Assess
      expect(passed.map((e) => e.eventName)).toEqual(['INSERT', 'MODIFY', 'REMOVE']);
      expect(events.length).toBeGreaterThan(passed.length);
    });

    it('reads each record event as a typed article change, and lookup events as none', () => {
      // Act: the Lambda event's records have the same shape as the stream API's.
      const changes = events
        .map((e) => articleChangeOf(e as unknown as DynamoDBRecord))
        .filter((c): c is ArticleChange => c !== undefined);

      // Assess
      expect(changes.map((c) => [c.kind, c.articleId])).toEqual([
        ['created', articleId],
        ['updated', articleId],
        ['deleted', articleId],
      ]);
      const [created, updated, deleted] = changes;
      expect(created?.kind === 'created' && created.record.text).toContain('Seoul');
      expect(updated?.kind === 'updated' && [updated.previous.text, updated.record.text]).toEqual([
        expect.stringContaining('Seoul'),
        expect.stringContaining('Berlin'),
      ]);
      expect(deleted?.kind === 'deleted' && deleted.previous.entitySummary.map((e) => e.canonical)).toEqual(
        expect.arrayContaining(['Kim', 'Berlin']),
      );
      expect(created?.kind === 'created' && created.record).not.toHaveProperty('pk');
    });
  });
} else {
  describe('the stream contract (DynamoDB Local streams)', () => {
    it.todo('needs a Java runtime for DynamoDB Local: install a JRE (apt install default-jre-headless)');
  });
}
