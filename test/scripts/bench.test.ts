import { LAYOUT, recordKey, TABLE_DESIGN } from '../../lambdas/adapters/article-table';
import { PreconditionFailedError } from '../../lambdas/adapters/errors';
import { functionsOfTemplate } from '../../scripts/bench/bundle';
import {
  ASSUMPTIONS,
  comprehendUnits,
  costModel,
  lambdaMs,
  PRICES,
  sequentialWaitMs,
} from '../../scripts/bench/cost-model';
import {
  itemSize,
  lookupIndexEntrySize,
  strongQueryReadUnits,
  writeUnits,
} from '../../scripts/bench/dynamodb-units';
import { type BenchResults, formatTable, jsonLine, tableRows } from '../../scripts/bench/report';
import { compare, median, percentile, timedRun } from '../../scripts/bench/stats';
import {
  countingItemTable,
  countingObjectStore,
  delayingItemTable,
  delayingObjectStore,
  newCallLog,
} from '../../scripts/bench/stores';
import { MemoryItemTable, MemoryObjectStore } from '../helpers/memory-stores';

// The bench's pure pieces. Nothing here times anything: timings belong to `npm run bench`, not to tests.

describe('percentile and median', () => {
  it('takes the nearest rank', () => {
    // Arrange
    const oneToTwenty = Array.from({ length: 20 }, (_, i) => 20 - i);

    // Assess
    expect(percentile(oneToTwenty, 0.5)).toBe(10);
    expect(percentile(oneToTwenty, 0.95)).toBe(19);
    expect(percentile(oneToTwenty, 1)).toBe(20);
    expect(percentile(oneToTwenty, 0)).toBe(1);
    expect(percentile([7], 0.95)).toBe(7);
    expect(percentile([], 0.5)).toBeNaN();
  });

  it('averages the middle two of an even count', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});

describe('timed runs', () => {
  it('counts the units of the items it processed, cycling from the start item', () => {
    // Arrange
    const seen: string[] = [];
    const items = [
      { value: 'a', units: 1 },
      { value: 'b', units: 10 },
    ];

    // Act: a zero-length run still processes one item.
    const run = timedRun(items, 0, 1, (v) => seen.push(v));

    // Assess
    expect(run.units).toBe(10);
    expect(seen).toEqual(['b']);
  });

  it('warms every contender up on every item, then alternates their runs', () => {
    // Arrange
    const calls: string[] = [];
    const items = [{ value: 1, units: 3 }];

    // Act
    const rates = compare(
      items,
      { warmupMs: 0, runs: 2, runMs: 0 },
      { a: () => void calls.push('a'), b: () => void calls.push('b') },
    );

    // Assess
    expect(calls).toEqual(['a', 'a', 'b', 'b', 'a', 'b', 'a', 'b']);
    expect(rates.a?.runs).toBe(2);
    expect(rates.a?.units).toBe(6);
  });
});

describe('DynamoDB item sizes and units', () => {
  it('sizes attribute names and values as DynamoDB does', () => {
    expect(itemSize({ pk: 'ARTICLE#x' })).toBe(2 + 9);
    expect(itemSize({ n: 123 })).toBe(1 + 3);
    expect(itemSize({ n: 1_000_000 })).toBe(1 + 2);
    expect(itemSize({ b: true, z: null })).toBe(2 + 2);
    expect(itemSize({ l: [1, 'ab'] })).toBe(1 + 3 + (1 + 2) + (1 + 2));
    expect(itemSize({ m: { a: 'b' } })).toBe(1 + 3 + (1 + 1 + 1));
    expect(itemSize({ s: 'é', gone: undefined })).toBe(1 + 2);
  });

  it('charges a write unit per KB in the table and per KB of the index entry', () => {
    // Arrange
    const lookup = { pk: 'ARTICLE#1', sk: 'MENTION#2019', gsi1pk: 'MENTION#2019', gsi1sk: '2019-12-20#1' };
    const big = {
      pk: 'ARTICLE#1',
      sk: 'RECORD',
      text: 'x'.repeat(3000),
      gsi1pk: 'P',
      gsi1sk: 'S',
      title: 't',
    };
    const unindexed = { pk: 'ARTICLE#1', sk: 'OTHER', text: 'x'.repeat(1100) };

    // Assess
    expect(writeUnits(lookup)).toEqual({ table: 1, index: 1 });
    expect(writeUnits(big)).toEqual({ table: 3, index: 1 });
    expect(lookupIndexEntrySize(big)).toBe(
      itemSize({ pk: 'ARTICLE#1', sk: 'RECORD', gsi1pk: 'P', gsi1sk: 'S', title: 't' }) + 100,
    );
    expect(writeUnits(unindexed)).toEqual({ table: 2, index: 0 });
  });

  it('charges a strongly consistent query per 4 KB, at least one unit', () => {
    expect(strongQueryReadUnits([])).toBe(1);
    expect(strongQueryReadUnits([4096])).toBe(1);
    expect(strongQueryReadUnits([4000, 200])).toBe(2);
  });
});

describe('cost model', () => {
  const noRequests = { s3Get: 0, s3Head: 0, s3Put: 0, s3Delete: 0, dynamoDb: 0 };
  const inputs = {
    articles: 1_000_000,
    articleBytes: 5000,
    textChars: 4813,
    memoryMb: 2048,
    batchSize: 10,
    cleanCpuMs: 10,
    tagCpuMs: 40,
    cleanRequests: { ...noRequests, s3Get: 1, s3Head: 3, s3Put: 1 },
    tagRequests: { ...noRequests, s3Get: 1, s3Head: 1 },
    cleanWaitMs: 12,
    tagWaitMs: 7,
    writeUnits: 100,
    readUnits: 1,
    coldStartExtraMs: 0,
    s3StoredBytes: 10_000,
    dynamoDbStoredBytes: 40_000,
  };

  it('counts Comprehend units of 100 characters, at least 3 a request', () => {
    expect(comprehendUnits(0)).toBe(3);
    expect(comprehendUnits(300)).toBe(3);
    expect(comprehendUnits(301)).toBe(4);
    expect(comprehendUnits(4813)).toBe(49);
  });

  it('stretches CPU time below a full vCPU and adds the waits it does not hide', () => {
    expect(lambdaMs(10, 0, ASSUMPTIONS.fullVcpuMb)).toBeCloseTo(10);
    expect(lambdaMs(10, 0, ASSUMPTIONS.fullVcpuMb * 2)).toBeCloseTo(10);
    expect(lambdaMs(10, 0, ASSUMPTIONS.fullVcpuMb / 2)).toBeCloseTo(20);
    expect(lambdaMs(0, 7, 1024)).toBeCloseTo(7);
  });

  it('sums the assumed round trips of requests made one after another', () => {
    const io = ASSUMPTIONS.requestMs;
    expect(sequentialWaitMs(noRequests)).toBe(0);
    expect(sequentialWaitMs({ ...noRequests, s3Get: 2, dynamoDb: 1 })).toBeCloseTo(
      2 * io.s3Get + io.dynamoDb,
    );
  });

  it('prices a million articles line by line', () => {
    // Act
    const model = costModel(inputs);
    const line = (item: string) => model.lines.find((l) => l.item === item);

    // Assess
    const [cleanMs, tagMs] = [10 + 12, 40 + 7];
    expect(model.lambdaMsPerArticle.clean).toBeCloseTo(cleanMs);
    expect(model.lambdaMsPerArticle.tag).toBeCloseTo(tagMs);
    expect(line('Lambda compute (arm64)')?.quantity).toBeCloseTo(1e6 * ((cleanMs + tagMs) / 1000) * 2);
    expect(line('Lambda requests')).toMatchObject({ quantity: 200_000 });
    expect(line('Lambda requests')?.usd).toBeCloseTo(0.04);
    expect(line('S3 PUT (upload)')?.usd).toBeCloseTo(5);
    expect(line('S3 PUT (processed documents)')?.usd).toBeCloseTo(5);
    expect(line('S3 GET + HEAD')?.quantity).toBe(6_000_000);
    expect(line('S3 GET + HEAD')?.usd).toBeCloseTo(2.4);
    expect(line('SQS')?.quantity).toBeCloseTo(2_400_000);
    expect(line('DynamoDB writes')?.usd).toBeCloseTo(62.5);
    expect(line('DynamoDB reads')?.usd).toBeCloseTo(0.125);
    expect(model.totalUsd).toBeCloseTo(model.lines.reduce((s, l) => s + l.usd, 0));
    expect(model.comprehendUsd).toBeCloseTo(4900);
    expect(model.storagePerMonthUsd).toBeCloseTo(
      10 * PRICES.s3StorageGbMonth + 40 * PRICES.dynamoDbStorageGbMonth,
    );
  });

  it('bills cold starts on their share of the invocations', () => {
    // Act
    const warm = costModel(inputs);
    const cold = costModel({ ...inputs, coldStartExtraMs: 1000 });
    const gbs = (m: typeof warm) => m.lines.find((l) => l.item === 'Lambda compute (arm64)')?.quantity ?? 0;

    // Assess: 200,000 invocations, 1% cold, 1 s each, 2 GB.
    expect(gbs(cold) - gbs(warm)).toBeCloseTo(200_000 * ASSUMPTIONS.coldStartShare * 1 * 2);
  });
});

describe('stores', () => {
  it('makes each request wait its round trip, per batch of items for the table', async () => {
    // Prepare
    const latencies = { s3Get: 30, s3Head: 0, s3Put: 0, s3Delete: 0, dynamoDb: 15 };
    const objects = new MemoryObjectStore();
    objects.upload({ bucket: 'b', key: 'k' }, Buffer.from('x'), 'text/plain');
    const store = delayingObjectStore(objects, latencies);
    const table = delayingItemTable(new MemoryItemTable(), latencies);
    const items = Array.from({ length: 30 }, (_, i) => ({ pk: `P#${i}`, sk: 'S' }));

    // Act
    const t0 = performance.now();
    const got = await store.get({ bucket: 'b', key: 'k' });
    const t1 = performance.now();
    await table.putItems(items);
    const t2 = performance.now();

    // Assess: timers never fire early (a millisecond of rounding aside); 30 items are two BatchWriteItems.
    expect(got.status).toBe('found');
    expect(t1 - t0).toBeGreaterThanOrEqual(29);
    expect(t2 - t1).toBeGreaterThanOrEqual(29);
    expect(await table.getItems(items.slice(0, 2))).toHaveLength(2);
  });

  it('keeps S3 conditional-write semantics and counts requests', async () => {
    // Arrange
    const log = newCallLog();
    const store = countingObjectStore(new MemoryObjectStore(), log);
    const at = { bucket: 'b', key: 'k' };

    // Act
    const eTag = await store.put(at, 'one', { contentType: 'text/plain', ifNoneMatch: '*' });
    const again = store.put(at, 'two', { contentType: 'text/plain', ifNoneMatch: '*' });
    await expect(again).rejects.toBeInstanceOf(PreconditionFailedError);
    await store.put(at, 'two', { contentType: 'text/plain', ifMatch: eTag });
    const head = await store.head(at);
    const got = await store.get(at);

    // Assess
    expect(head?.eTag).not.toBe(eTag);
    expect(got.status === 'found' && Buffer.from(got.object.bytes).toString()).toBe('two');
    expect(log).toMatchObject({ s3Put: 3, s3Head: 1, s3Get: 1, s3Delete: 0 });
  });

  it('counts item-table requests and commits a record only over an older sequencer', async () => {
    // Arrange
    const log = newCallLog();
    const items = new MemoryItemTable();
    const table = countingItemTable(items, log);
    const record = (sequencer: string, revision = 'r') => ({
      ...recordKey('a'),
      [TABLE_DESIGN.sequencerAttribute]: sequencer,
      [TABLE_DESIGN.revisionAttribute]: revision,
      [TABLE_DESIGN.layoutAttribute]: LAYOUT,
    });

    // Act / Assess
    expect(await table.putRecord(record('02'))).toBe('written');
    expect(await table.putRecord(record('01'))).toBe('stale');
    expect(await table.putRecord(record('02'))).toBe('stale');
    expect(await table.putRecord(record('02', 'other'))).toBe('written');
    expect(await table.loadArticle('a')).toEqual([record('02', 'other')]);
    expect(log).toMatchObject({ ddbPutItem: 4, ddbQueries: [[itemSize(record('02', 'other'))]] });
    expect(items.itemsOf('a')).toEqual([record('02', 'other')]);
  });
});

describe('synthesized template', () => {
  it('finds the functions that have staged assets, with their settings', () => {
    // Arrange
    const template = {
      Resources: {
        Fn: {
          Type: 'AWS::Lambda::Function',
          Metadata: {
            'aws:cdk:path': 'Newsflow/Pipeline/TagFunction/Resource',
            'aws:asset:path': 'asset.abc',
          },
          Properties: {
            MemorySize: 1024,
            Architectures: ['arm64'],
            Runtime: 'nodejs22.x',
            Handler: 'index.handler',
            Environment: { Variables: { NODE_OPTIONS: '--enable-source-maps', TABLE_NAME: { Ref: 'T' } } },
          },
        },
        Inline: { Type: 'AWS::Lambda::Function', Properties: {} },
        Queue: { Type: 'AWS::SQS::Queue' },
      },
    };

    // Act
    const functions = functionsOfTemplate('/out', template);

    // Assess
    expect(functions).toEqual([
      {
        path: 'Newsflow/Pipeline/TagFunction/Resource',
        assetDir: '/out/asset.abc',
        memoryMb: 1024,
        architectures: ['arm64'],
        runtime: 'nodejs22.x',
        handler: 'index.handler',
        nodeOptions: '--enable-source-maps',
      },
    ]);
  });
});

describe('report', () => {
  const rate = (perCpuS: number) => ({ perCpuS, perWallS: perCpuS / 2, runs: 3, units: 1000 });
  const calls = {
    s3Get: 1,
    s3Head: 1,
    s3Put: 0,
    s3Delete: 0,
    ddbQueries: 1,
    ddbReadUnits: 1,
    ddbGet: 0,
    ddbBatchWrites: 2,
    ddbPutItem: 1,
    itemsPut: 46,
    itemsDeleted: 0,
  };
  const fn = {
    path: 'p',
    assetDir: '/a',
    memoryMb: 1024,
    architectures: ['arm64'],
    runtime: 'nodejs22.x',
    handler: 'index.handler',
    bundleKb: 500,
    assetKb: 4000,
    asset: 'asset.x',
  };
  const costInputs = {
    articles: 1_000_000,
    articleBytes: 4950,
    textChars: 4813,
    memoryMb: 1024,
    batchSize: 10,
    cleanCpuMs: 2,
    tagCpuMs: 18,
    cleanRequests: { s3Get: 1, s3Head: 3, s3Put: 1, s3Delete: 0, dynamoDb: 0 },
    tagRequests: { s3Get: 1, s3Head: 1, s3Put: 0, s3Delete: 0, dynamoDb: 4 },
    cleanWaitMs: 6,
    tagWaitMs: 8,
    writeUnits: 106,
    readUnits: 1,
    coldStartExtraMs: 1500,
    s3StoredBytes: 12_000,
    dynamoDbStoredBytes: 50_000,
  };
  const latencies = { articles: 30, p50Ms: 180, p95Ms: 240, maxMs: 300 };
  const results: BenchResults = {
    mode: 'quick',
    date: '2025-06-01T00:00:00.000Z',
    machine: {
      nproc: 2,
      cpu: 'cpu',
      ramGb: 8,
      node: 'v20',
      platform: 'linux x64',
      uptimeAtStart: 'load average: 1',
      uptimeAtEnd: 'load average: 2',
      commit: 'abc',
    },
    taggerVersion: 'entities/x dates/y',
    corpora: { entities: 'samples', dates: 'samples', clean: 'fixtures', e2e: 'samples', cost: 'the seed' },
    entities: { ner: rate(30_000), compromise: rate(10_000) },
    dates: { dates: rate(4e6), chrono: rate(6e6) },
    clean: { text: rate(8), textArticles: 10, page: { kb: 230, cpuMs: 30, wallMs: 60, runs: 15 } },
    bundle: {
      source: 'construct bundling',
      clean: fn,
      tag: { ...fn, nodeOptions: '--enable-source-maps' },
      seconds: 10,
    },
    coldStart: {
      runs: 3,
      coldStartMs: 1700,
      bootMs: 100,
      loadMs: 800,
      firstInvokeMs: 800,
      coldCpuMs: 900,
      warmInvokeMs: 150,
      maxRssMb: 200,
    },
    e2e: {
      burst: { ...latencies, articlesPerS: 4, seconds: 7.5 },
      single: { ...latencies, articleIds: ['a', 'b'] },
      calls,
    },
    memory: {
      bytes: 1_000_000,
      loadMs: 150,
      loadedRssMb: 100,
      peakRssMb: 230,
      tagMs: 5000,
      entities: 10,
      dates: 5,
    },
    worstCase: {
      shape: 'distinct-capitalised',
      bytes: 5 * 1024 * 1024,
      cleanCpuMs: 400,
      tagCpuMs: 12_000,
      cleanWallMs: 500,
      tagWallMs: 15_000,
      loadedRssMb: 180,
      peakRssMb: 720,
      entities: 5000,
      items: 30,
      truncated: true,
    },
    metered: { ok: false, reason: 'not in quick runs' },
    stages: {
      cleanCpuMs: 2,
      tagCpuMs: 18,
      clean: calls,
      tag: calls,
      recordBytes: 14_668,
      lookupItems: 45,
      record: { table: 15, index: 1 },
      lookups: { table: 45, index: 45 },
      intentUnits: 1,
    },
    costInputs,
    cost: costModel(costInputs),
    seconds: 60,
  };

  it('puts every promised figure in the JSON line as a number', () => {
    // Act
    const line = JSON.parse(JSON.stringify(jsonLine(results))) as Record<string, unknown>;

    // Assess
    for (const key of [
      'ner_tokens_per_s',
      'compromise_tokens_per_s',
      'dates_chars_per_s',
      'chrono_chars_per_s',
      'clean_mb_per_s',
      'html_ms_per_page',
      'cold_start_ms',
      'e2e_articles_per_s',
      'e2e_p50_ms',
      'e2e_p95_ms',
      'peak_rss_mb',
      'cost_per_1m_articles_usd',
      'comprehend_per_1m_articles_usd',
    ]) {
      expect(typeof line[key]).toBe('number');
      expect(Number.isFinite(line[key])).toBe(true);
    }
    expect(line.bundle_kb).toEqual({ clean: 500, tag: 500 });
    expect(line.ratios).toEqual({
      ner_vs_compromise: 3,
      dates_vs_chrono: 0.67,
      comprehend_vs_pipeline_cost: expect.any(Number),
    });
    expect(JSON.stringify(jsonLine(results))).not.toContain('\n');
  });

  it('prints one aligned table row per measure', () => {
    // Act
    const table = formatTable([['measure', 'value', 'unit', 'detail'], ...tableRows(results)]).split('\n');

    // Assess
    expect(table.length).toBe(tableRows(results).length + 1);
    expect(table[1]).toMatch(/^entity tagger .* 30,000 {2}tokens\/CPU-s/);
  });
});
