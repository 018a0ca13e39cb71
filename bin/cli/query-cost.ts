import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { TableArticleStore } from '../../lambdas/adapters/article-store';
import {
  isIntentItem,
  isRecordItem,
  mentionKeysFor,
  recordFromItem,
} from '../../lambdas/adapters/article-table';
import { DynamoItemTable } from '../../lambdas/adapters/item-table';
import { listObjects } from '../../lambdas/adapters/object-listing';
import { daysInMonth } from '../../lambdas/core/calendar/days';
import { articleIdFor } from '../../lambdas/core/record/article-id';
import {
  type ArticleQuery,
  ArticleReader,
  type ArticleRecord,
  type ArticleSummary,
} from '../../lambdas/reader';
import { localDynamoDbClient } from '../../local/clients';
import { ensureArticleTable } from '../../local/resources';
import { LocalRuntime } from '../../local/runtime';
import { CliError } from './errors';
import { writeLine } from './io';
import { type CapacityMeter, type CapacityTotals, meterCapacity } from './query-capacity';
import { planUploads, uploadFiles } from './upload';

const REPO_ROOT = resolve(__dirname, '..', '..');
const SCRATCH_TABLE = 'newsflow-cost-scratch';

/** What writing one article's items costs, as DynamoDB Local accounts it. */
export interface WriteCost {
  readonly file: string;
  readonly articleId: string;
  readonly lookupItems: number;
  readonly recordUnits: { readonly table: number; readonly index: number };
  readonly lookupUnits: { readonly table: number; readonly index: number };
  /** Strongly consistent read of the article's partition (what an overwrite or delete reads first). */
  readonly partitionReadUnits: number;
}

/** What the pipeline's handlers consumed on DynamoDB, for all articles together. */
export interface DeliveryCost {
  readonly articles: number;
  /** First delivery: reads, conditional writes, lookup items, record. */
  readonly first: CapacityTotals;
  /** A redelivered tag notification of each article (the idempotent path). */
  readonly duplicate: CapacityTotals;
}

/** What one read costs. */
export interface ReadCost {
  readonly query: string;
  readonly hits: number;
  readonly units: number;
  readonly requests: number;
}

/**
 * `newsflow query cost [FILE|DIR…]`: runs the articles through a throwaway local runtime on DynamoDB Local
 * (which, unlike dynalite, accounts index writes), then measures the write units of each article's stored
 * items and the read units of each access pattern. Defaults to the bundled samples.
 */
export async function queryCostCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false } },
  });
  const paths = positionals.length > 0 ? positionals : [join(REPO_ROOT, 'samples')];
  const dataDir = mkdtempSync(join(tmpdir(), 'newsflow-cost-'));
  let runtime: LocalRuntime;
  try {
    runtime = await LocalRuntime.start({
      s3Port: 0,
      dynamodbPort: 0,
      dynamodb: 'dynamodb-local',
      dataDir,
      fresh: true,
      logLevel: 'ERROR',
    });
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw new CliError(
      `query cost needs DynamoDB Local (Java): ${error instanceof Error ? error.message : error}`,
      { cause: error },
    );
  }
  const client = localDynamoDbClient(runtime.dynamodb.endpoint);
  try {
    const uploads = planUploads(paths, runtime.names.rawPrefix);
    // What the pipeline's own requests cost: the first delivery of each article, then a redelivery of its
    // tag notification (the duplicate path: the record is found current, nothing is written).
    const handlerMeter = meterCapacity(runtime.handlerDynamoDbClient);
    const failures = await uploadFiles(runtime.s3Client, runtime.names.rawBucket, uploads, {
      label: 'ingest',
    });
    if (failures.length > 0) throw new CliError(`upload failed: ${failures.map((f) => f.key).join(', ')}`);
    await runtime.waitForIdle();
    const first = handlerMeter.take();
    const processedKeys = (await listObjects(runtime.s3Client, runtime.names.processedBucket)).map(
      (o) => o.key,
    );
    runtime.reprocess(processedKeys);
    await runtime.waitForIdle();
    const deliveries: DeliveryCost = { articles: uploads.length, first, duplicate: handlerMeter.take() };
    const meter = meterCapacity(client);
    const doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
    await ensureArticleTable(client, SCRATCH_TABLE);
    meter.take();
    const writes: WriteCost[] = [];
    const records: ArticleRecord[] = [];
    for (const upload of uploads) {
      const articleId = articleIdFor(runtime.names.rawBucket, upload.key);
      const cost = await measureWrite(doc, meter, runtime.names.table, articleId, basename(upload.path));
      writes.push(cost.write);
      if (cost.record) records.push(cost.record);
    }
    const reader = new ArticleReader({ client: doc, tableName: runtime.names.table, pageSize: 100 });
    const reads = await measureReads(reader, meter, records);
    if (values.json) {
      await writeLine(JSON.stringify({ writes, reads, deliveries }));
    } else {
      await writeLine(formatWrites(writes));
      await writeLine('');
      await writeLine(formatReads(reads));
      await writeLine('');
      await writeLine(formatDeliveries(deliveries));
    }
    return 0;
  } finally {
    client.destroy();
    await runtime.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Reads an article's items as stored, then writes them to a scratch table item by item, metering each put. */
async function measureWrite(
  doc: DynamoDBDocumentClient,
  meter: CapacityMeter,
  tableName: string,
  articleId: string,
  file: string,
): Promise<{ write: WriteCost; record?: ArticleRecord }> {
  const table = new DynamoItemTable(doc, tableName);
  // What an overwrite or delete reads first: the article's own partition (record and intent items).
  await table.loadArticle(articleId);
  const partitionReadUnits = meter.take().table;
  const items = (await new TableArticleStore(table).itemsOf(articleId)).filter((i) => !isIntentItem(i));
  meter.take();
  const recordUnits = { table: 0, index: 0 };
  const lookupUnits = { table: 0, index: 0 };
  for (const item of items) {
    await doc.send(new PutCommand({ TableName: SCRATCH_TABLE, Item: item }));
    const used = meter.take();
    const into = isRecordItem(item) ? recordUnits : lookupUnits;
    into.table += used.table;
    into.index += used.indexes;
  }
  const recordItem = items.find(isRecordItem);
  const record = recordItem && recordFromItem(recordItem);
  const write = {
    file,
    articleId,
    lookupItems: items.length - 1,
    recordUnits,
    lookupUnits,
    partitionReadUnits,
  };
  return record ? { write, record } : { write };
}

/** Runs each access pattern for the articles' own entities and dates, metering each. */
async function measureReads(
  reader: ArticleReader,
  meter: CapacityMeter,
  records: readonly ArticleRecord[],
): Promise<ReadCost[]> {
  const reads: ReadCost[] = [];
  const measure = async (query: string, run: () => Promise<number>): Promise<void> => {
    meter.take();
    const hits = await run();
    const used = meter.take();
    reads.push({ query, hits, units: used.table + used.indexes, requests: used.requests });
  };
  const count = async (q: ArticleQuery<ArticleSummary> | AsyncIterable<unknown>): Promise<number> => {
    let n = 0;
    for await (const _ of q) n++;
    return n;
  };
  const processed = records.filter((r) => r.status === 'processed');
  const seed = processed[0];
  if (seed === undefined) return reads;
  await measure(`getArticle ${seed.id} (eventually consistent)`, async () =>
    (await reader.getArticle(seed.id)) ? 1 : 0,
  );
  await measure(`getArticle ${seed.id} (consistentRead)`, async () =>
    (await reader.getArticle(seed.id, { consistentRead: true })) ? 1 : 0,
  );
  const day = seed.publishedAt?.slice(0, 10);
  if (day) {
    await measure(`listPublished ${day}..${day}`, () => count(reader.listPublished({ from: day, to: day })));
    const month = day.slice(0, 7);
    const last = `${month}-${String(daysInMonth(Number(day.slice(0, 4)), Number(day.slice(5, 7)))).padStart(2, '0')}`;
    await measure(`listPublished ${month}-01..${last}`, () =>
      count(reader.listPublished({ from: `${month}-01`, to: last })),
    );
  }
  const top = seed.entitySummary[0];
  if (top) {
    await measure(`findByEntity ${JSON.stringify(top.canonical)}`, () =>
      count(reader.findByEntity({ name: top.canonical })),
    );
    await measure(`findByEntity ${JSON.stringify(top.canonical)} --type ${top.type}`, () =>
      count(reader.findByEntity({ name: top.canonical, type: top.type })),
    );
    await measure(`findByEntity ${JSON.stringify(top.canonical)} .records()`, () =>
      count(reader.findByEntity({ name: top.canonical }).records()),
    );
  }
  const year = seed.dates.flatMap((d) => mentionKeysFor(d.value)).find((v) => /^\d{4}$/.test(v));
  if (year) await measure(`findByDateMention ${year}`, () => count(reader.findByDateMention(year)));
  return reads;
}

function formatWrites(writes: readonly WriteCost[]): string {
  const header =
    'article                                 lookup items  record WRU (table+index)  lookups WRU (table+index)  total WRU  partition read RRU';
  const rows = writes.map((w) => {
    const total = w.recordUnits.table + w.recordUnits.index + w.lookupUnits.table + w.lookupUnits.index;
    return [
      w.file.slice(0, 38).padEnd(38),
      String(w.lookupItems).padStart(12),
      `${w.recordUnits.table}+${w.recordUnits.index}`.padStart(24),
      `${w.lookupUnits.table}+${w.lookupUnits.index}`.padStart(25),
      String(total).padStart(9),
      String(w.partitionReadUnits).padStart(18),
    ].join('  ');
  });
  return [header, ...rows].join('\n');
}

function formatDeliveries(d: DeliveryCost): string {
  const line = (name: string, t: CapacityTotals): string =>
    `${name.padEnd(28)} ${String(t.requests).padStart(8)} ${String(t.writeRequests).padStart(8)} ${(t.table + t.indexes).toFixed(1).padStart(8)}`;
  return [
    `pipeline requests for ${d.articles} article${d.articles === 1 ? '' : 's'}   requests   writes    units`,
    line('first delivery', d.first),
    line('duplicate tag delivery', d.duplicate),
  ].join('\n');
}

function formatReads(reads: readonly ReadCost[]): string {
  const header = 'read                                                          hits  requests    RRU';
  const rows = reads.map((r) =>
    [
      r.query.slice(0, 60).padEnd(60),
      String(r.hits).padStart(5),
      String(r.requests).padStart(8),
      String(r.units).padStart(6),
    ].join('  '),
  );
  return [header, ...rows].join('\n');
}
