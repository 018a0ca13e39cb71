/**
 * Benchmarks and cost model: `npm run bench [-- --quick] [--write-docs] [--no-shared]`.
 *
 * Measures, in this order: tagger throughput against compromise and chrono-node, the cleaner, each stage's CPU
 * time and requests per article, the Lambda bundles, end to end through the embedded runtime, the tag function's
 * cold start, peak memory tagging a 1 MB article, and both stages on the worst pathological text at the 5 MiB
 * object limit; then prices a million articles. Prints a table, then
 * exactly one JSON line (progress goes to stderr). `--quick` runs shorter (under 90 s on a quiet machine,
 * construct bundling instead of `cdk synth`); `--no-shared` ignores `../shared` as a fresh clone would;
 * `--write-docs` writes docs/benchmarks.md from the run.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { isIntentItem } from '../../lambdas/adapters/article-table';
import { loadTaggers } from '../../lambdas/adapters/load-taggers';
import { DEFAULT_MAX_BYTES } from '../../lambdas/core/clean/types';
import { PIPELINE_SPEC } from '../../lambdas/core/pipeline-spec';
import { taggerVersion } from '../../lambdas/core/tagging/tag-text';
import { bundleFunctions } from './bundle';
import { measureClean } from './clean';
import { measureColdStart } from './cold-start';
import { dateCorpus, entityCorpus, loadSamples, REPO_ROOT } from './corpora';
import { ASSUMPTIONS, costModel, type StageRequests } from './cost-model';
import { meteredWrites } from './cross-check';
import { itemSize, lookupIndexEntrySize, writeUnits } from './dynamodb-units';
import { measureE2e, type UploadDoc, withRuntime } from './e2e';
import { describeMachine, uptime } from './machine';
import { measureMemory, measureWorstCase } from './memory';
import { type BenchResults, benchmarksMarkdown, formatTable, jsonLine, tableRows } from './report';
import { type CallsPerArticle, measureStages } from './stage-run';
import type { Plan } from './stats';
import { measureDates, measureEntities } from './taggers';

/** The article the cost model prices: the seed, a real scraped wire story of about 5 KB. */
const COST_ARTICLE = 'seed-korea-2019-12-20.txt';

/**
 * The costliest shape of `shapes.ts` at the object size limit (each measured with `worst-case-child.ts` on
 * 2026-12-03: distinct capitalised words need the most CPU and memory, each word its own feature entry).
 */
const WORST_SHAPE = 'distinct-capitalised';

/** How long each measurement runs, and on how much. */
interface Settings {
  /** Documents of the dev sets to use (all when undefined). */
  readonly entityDocs: number | undefined;
  readonly dateDocs: number | undefined;
  readonly taggers: Plan;
  readonly clean: Plan;
  /** Timed page cleans. */
  readonly pages: number;
  /** Timed batches through the stages. */
  readonly stageRounds: number;
  readonly bundle: 'synth' | 'construct';
  /** Articles uploaded at once, then one at a time. */
  readonly e2eArticles: number;
  readonly e2eSingle: number;
  readonly coldStarts: number;
  /** Compare the computed write units with DynamoDB Local's (`newsflow query cost`; needs Java). */
  readonly crossCheck: boolean;
}

/** The settings of each mode. */
const SETTINGS = {
  quick: {
    entityDocs: 40,
    dateDocs: 60,
    taggers: { warmupMs: 300, runs: 3, runMs: 600 },
    clean: { warmupMs: 200, runs: 3, runMs: 400 },
    pages: 15,
    stageRounds: 3,
    bundle: 'construct',
    e2eArticles: 30,
    e2eSingle: 5,
    coldStarts: 3,
    crossCheck: false,
  },
  full: {
    entityDocs: undefined,
    dateDocs: undefined,
    taggers: { warmupMs: 2000, runs: 7, runMs: 2000 },
    clean: { warmupMs: 1000, runs: 7, runMs: 1500 },
    pages: 100,
    stageRounds: 9,
    bundle: 'synth',
    e2eArticles: 300,
    e2eSingle: 30,
    coldStarts: 7,
    crossCheck: true,
  },
} as const satisfies Record<'quick' | 'full', Settings>;

function say(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

/** Uploads for the end-to-end run: the samples as they are, plus the TimeML dev texts when present. */
function e2eDocs(useShared: boolean): { docs: UploadDoc[]; source: string } {
  const samples = loadSamples().map((s) => ({ name: s.name, bytes: s.bytes }));
  const dates = dateCorpus(useShared);
  if (!dates.source.startsWith('../shared')) return { docs: samples, source: 'the samples, cycled' };
  const texts = dates.docs.map((d, i) => ({ name: `timeml-${i}.txt`, bytes: Buffer.from(d.text) }));
  return {
    docs: [...samples, ...texts],
    source: `the samples and ${texts.length} TimeML dev texts, cycled`,
  };
}

function requests(calls: CallsPerArticle): StageRequests {
  return {
    s3Get: calls.s3Get,
    s3Head: calls.s3Head,
    s3Put: calls.s3Put,
    s3Delete: calls.s3Delete,
    dynamoDb: calls.ddbQueries + calls.ddbGet + calls.ddbBatchWrites + calls.ddbPutItem,
  };
}

function configuredMemoryMb(): number {
  // Loaded last: aws-cdk-lib is heavy and must not sit in memory while the taggers are timed.
  const { defaultFunctionProps } =
    require('../../lib/article-pipeline-defaults') as typeof import('../../lib/article-pipeline-defaults');
  const mb = defaultFunctionProps().memorySize;
  if (mb === undefined) throw new Error('defaultFunctionProps() sets no memorySize');
  return mb;
}

async function main(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      'write-docs': { type: 'boolean', default: false },
      'no-shared': { type: 'boolean', default: false },
    },
  });
  const mode = values.quick ? 'quick' : 'full';
  const s = SETTINGS[mode];
  const useShared = !values['no-shared'];
  const started = performance.now();
  const date = new Date().toISOString();
  const machine = describeMachine();
  say(`${mode} run; ${machine.uptimeAtStart}`);

  const taggers = loadTaggers();
  const entityDocs = entityCorpus(useShared, s.entityDocs);
  say(`entities: ${entityDocs.source}`);
  const entities = measureEntities(entityDocs, taggers, s.taggers);
  const dateDocs = dateCorpus(useShared, s.dateDocs);
  say(`dates: ${dateDocs.source}`);
  const dates = measureDates(dateDocs, taggers, s.taggers);
  say('cleaner');
  const clean = measureClean(s.clean, s.pages);

  say(`stages: ${COST_ARTICLE}`);
  const costPath = join(REPO_ROOT, 'samples', COST_ARTICLE);
  const costBytes = readFileSync(costPath);
  const memoryMb = configuredMemoryMb();
  const stages = await measureStages(
    { name: basename(costPath), bytes: costBytes, contentType: 'text/plain' },
    taggers,
    {
      rounds: s.stageRounds,
      batchSize: PIPELINE_SPEC.queue.batchSize,
      memoryMb,
      latencies: ASSUMPTIONS.requestMs,
    },
  );

  const outdir = mkdtempSync(join(tmpdir(), 'newsflow-bench-cdk-'));
  let results: BenchResults;
  try {
    say(
      s.bundle === 'synth'
        ? 'npx cdk synth -q --output <temp>'
        : 'bundling the functions (stack construction)',
    );
    const bundle = bundleFunctions(s.bundle, outdir);
    if (bundle.tag.memoryMb !== memoryMb) {
      say(
        `warning: the tag function has ${bundle.tag.memoryMb} MB, defaultFunctionProps() says ${memoryMb} MB`,
      );
    }
    const uploads = e2eDocs(useShared);
    say(`end to end: ${s.e2eArticles} articles, then ${s.e2eSingle} one at a time; cold starts`);
    const { e2e, coldStart } = await withRuntime(async (bench, log) => {
      const e2e = await measureE2e(bench, log, uploads.docs, s.e2eArticles, s.e2eSingle);
      const coldStart = await measureColdStart(
        bench,
        bundle.tag,
        e2e.single.articleIds.slice(0, 2),
        s.coldStarts,
      );
      return { e2e, coldStart };
    });
    say('memory: tagging a 1 MB article in a child process');
    const memory = measureMemory(dateDocs);
    say(`worst case: ${WORST_SHAPE} text at the ${DEFAULT_MAX_BYTES}-byte object limit, in a child process`);
    const worstCase = measureWorstCase(WORST_SHAPE, DEFAULT_MAX_BYTES);
    if (s.crossCheck) say('write units on DynamoDB Local (newsflow query cost)');
    const metered = s.crossCheck
      ? meteredWrites(costPath)
      : ({ ok: false, reason: 'not in quick runs' } as const);

    const record = stages.items[0];
    if (record === undefined) throw new Error('the tag stage wrote no record');
    const others = stages.items.slice(1);
    const lookups = others.filter((i) => !isIntentItem(i)).map(writeUnits);
    const intentUnits = others.filter(isIntentItem).reduce((n, i) => n + writeUnits(i).table, 0);
    const lookupUnits = {
      table: lookups.reduce((n, w) => n + w.table, 0),
      index: lookups.reduce((n, w) => n + w.index, 0),
    };
    const recordUnits = writeUnits(record);
    const costInputs = {
      articles: 1_000_000,
      articleBytes: stages.article.bytes,
      textChars: stages.article.textChars,
      memoryMb,
      batchSize: stages.batchSize,
      cleanCpuMs: stages.clean.cpuMs,
      tagCpuMs: stages.tag.cpuMs,
      cleanRequests: requests(stages.clean.calls),
      tagRequests: requests(stages.tag.calls),
      cleanWaitMs: stages.clean.waitMs,
      tagWaitMs: stages.tag.waitMs,
      writeUnits: recordUnits.table + recordUnits.index + lookupUnits.table + lookupUnits.index + intentUnits,
      readUnits: stages.tag.calls.ddbReadUnits,
      coldStartExtraMs: Math.max(0, coldStart.coldStartMs - coldStart.warmInvokeMs),
      s3StoredBytes: stages.article.bytes + stages.article.processedBytes,
      dynamoDbStoredBytes: stages.items.reduce((n, i) => n + itemSize(i) + 100 + lookupIndexEntrySize(i), 0),
    };
    machine.uptimeAtEnd = uptime();
    results = {
      mode,
      date,
      machine,
      taggerVersion: taggerVersion(taggers),
      corpora: {
        entities: entityDocs.source,
        dates: dateDocs.source,
        clean: `${clean.textArticles} plain-text articles (the seed and the cleaner's text fixtures)`,
        e2e: uploads.source,
        cost: `the seed (samples/${COST_ARTICLE})`,
      },
      entities,
      dates,
      clean,
      bundle,
      coldStart,
      e2e,
      memory,
      worstCase,
      metered,
      stages: {
        cleanCpuMs: stages.clean.cpuMs,
        tagCpuMs: stages.tag.cpuMs,
        clean: stages.clean.calls,
        tag: stages.tag.calls,
        recordBytes: itemSize(record),
        lookupItems: lookups.length,
        record: recordUnits,
        lookups: lookupUnits,
        intentUnits,
      },
      costInputs,
      cost: costModel(costInputs),
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
  const json = JSON.stringify(jsonLine(results));
  if (values['write-docs']) {
    const file = join(REPO_ROOT, 'docs', 'benchmarks.md');
    writeFileSync(file, benchmarksMarkdown(results, json));
    say(`wrote ${file}`);
  }
  process.stdout.write(`${formatTable([['measure', 'value', 'unit', 'detail'], ...tableRows(results)])}\n`);
  process.stdout.write(`${json}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
