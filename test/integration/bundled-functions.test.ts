import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { DynamoArticleStore } from '../../lambdas/adapters/article-store';
import { documentClient } from '../../lambdas/adapters/document-client';
import { PIPELINE_SPEC } from '../../lambdas/core/pipeline-spec';
import { articleIdFor } from '../../lambdas/core/record/article-id';
import { processedKeyFor } from '../../lambdas/core/record/processed-key';
import { type Bundle, bundleFunctions } from '../../scripts/bench/bundle';
import { functionEnvironment, invokeBundled } from '../../scripts/bench/bundled-invoke';
import { startTestPipeline, type TestPipeline } from '../helpers/runtime';
import { s3Message, sqsBatch } from '../helpers/s3-messages';

/** Buckets without notifications: only the bundled functions act on them. */
const RAW = 'bundled-raw';
const PROCESSED = 'bundled-processed';
const KEY = 'raw/seed.txt';
const SEED = readFileSync(join(__dirname, '..', '..', 'samples', 'seed-korea-2019-12-20.txt'));

describe('the functions as bundled for deployment (SDK included)', () => {
  let outdir: string;
  let bundle: Bundle;
  let p: TestPipeline;
  let env: (fn: Bundle['clean'], name: string) => NodeJS.ProcessEnv;

  beforeAll(async () => {
    outdir = mkdtempSync(join(tmpdir(), 'newsflow-bundled-'));
    bundle = bundleFunctions('construct', outdir);
    p = await startTestPipeline('dynalite');
    for (const bucket of [RAW, PROCESSED])
      await p.runtime.s3Client.send(new CreateBucketCommand({ Bucket: bucket }));
    const endpoints = { s3: p.runtime.s3.endpoint, dynamodb: p.runtime.dynamodb.endpoint };
    env = (fn, name) =>
      functionEnvironment(fn, endpoints, {
        AWS_LAMBDA_FUNCTION_NAME: name,
        [PIPELINE_SPEC.env.processedBucket]: PROCESSED,
        [PIPELINE_SPEC.env.tableName]: p.runtime.names.table,
      });
  }, 120_000);

  afterAll(async () => {
    await p?.stop();
    if (outdir) rmSync(outdir, { recursive: true, force: true });
  });

  it.each(['clean', 'tag'] as const)(
    'the %s bundle requires no AWS SDK client from outside itself',
    (name) => {
      // Prepare
      const code = readFileSync(join(bundle[name].assetDir, 'index.js'), 'utf8');

      // Act
      const external = code.match(/require\("@aws-sdk\/(?:client|lib|util)-[^"]*"\)/g) ?? [];

      // Assess
      expect(external).toEqual([]);
    },
  );

  it('cleans a raw object and tags its document, in fresh processes without node_modules', async () => {
    // Prepare
    await p.runtime.s3Client.send(
      new PutObjectCommand({ Bucket: RAW, Key: KEY, Body: SEED, ContentType: 'text/plain' }),
    );
    const articleId = articleIdFor(RAW, KEY);

    // Act
    const clean = await invokeBundled(
      bundle.clean,
      [sqsBatch([s3Message({ kind: 'created', bucket: RAW, key: KEY, sequencer: '0A' })])],
      env(bundle.clean, 'newsflow-clean'),
    );
    const tag = await invokeBundled(
      bundle.tag,
      [
        sqsBatch([
          s3Message({ kind: 'created', bucket: PROCESSED, key: processedKeyFor(articleId), sequencer: '0B' }),
        ]),
      ],
      env(bundle.tag, 'newsflow-tag'),
    );

    // Assess
    expect([clean, tag].map((run) => run.invocations.map((i) => i.failures))).toEqual([[0], [0]]);
    const doc = await p.runtime.s3Client.send(
      new GetObjectCommand({ Bucket: PROCESSED, Key: processedKeyFor(articleId) }),
    );
    expect(JSON.parse(await (doc.Body?.transformToString() ?? Promise.resolve('{}')))).toMatchObject({
      status: 'cleaned',
      source: { bucket: RAW, key: KEY },
    });
    const record = await new DynamoArticleStore(
      documentClient(p.runtime.dynamodbClient),
      p.runtime.names.table,
    ).get(articleId);
    expect(record).toMatchObject({ status: 'processed', publishedAt: '2019-12-20' });
    expect(record?.entities.length).toBeGreaterThan(10);
  }, 60_000);
});
