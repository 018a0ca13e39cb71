/** The bench's outputs: the results, the table it prints, its one JSON line and docs/benchmarks.md. */
import type { Bundle } from './bundle';
import type { CleanResults } from './clean';
import type { ColdStart } from './cold-start';
import { ASSUMPTIONS, type CostInputs, type CostModel, PRICES, sequentialWaitMs } from './cost-model';
import type { MeteredWrites } from './cross-check';
import type { WriteUnits } from './dynamodb-units';
import type { E2eResults } from './e2e';
import type { Machine } from './machine';
import type { MemoryResult, WorstCaseResult } from './memory';
import type { CallsPerArticle } from './stage-run';
import type { DateRates, EntityRates } from './taggers';

/** Everything one run measured. */
export interface BenchResults {
  readonly mode: 'quick' | 'full';
  /** ISO timestamp of the run's start. */
  readonly date: string;
  readonly machine: Machine;
  readonly taggerVersion: string;
  readonly corpora: {
    readonly entities: string;
    readonly dates: string;
    readonly clean: string;
    readonly e2e: string;
    readonly cost: string;
  };
  readonly entities: EntityRates;
  readonly dates: DateRates;
  readonly clean: CleanResults;
  readonly bundle: Bundle;
  readonly coldStart: ColdStart;
  readonly e2e: E2eResults;
  readonly memory: MemoryResult;
  /** Both stages on the worst pathological text at the object size limit. */
  readonly worstCase: WorstCaseResult;
  /** DynamoDB Local's write units for the cost article, when measured. */
  readonly metered: MeteredWrites;
  readonly stages: {
    readonly cleanCpuMs: number;
    readonly tagCpuMs: number;
    readonly clean: CallsPerArticle;
    readonly tag: CallsPerArticle;
    readonly recordBytes: number;
    readonly lookupItems: number;
    readonly record: WriteUnits;
    readonly lookups: WriteUnits;
    /** Write units of the intent item a first write puts before its lookup items (0 if none). */
    readonly intentUnits: number;
  };
  readonly costInputs: CostInputs;
  readonly cost: CostModel;
  /** Wall seconds of the whole run. */
  readonly seconds: number;
}

const round = (x: number, digits = 0): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

/** The one JSON line a run ends with (flat keys first, then context). */
export function jsonLine(r: BenchResults): Record<string, unknown> {
  return {
    ner_tokens_per_s: round(r.entities.ner.perCpuS),
    compromise_tokens_per_s: round(r.entities.compromise.perCpuS),
    dates_chars_per_s: round(r.dates.dates.perCpuS),
    chrono_chars_per_s: round(r.dates.chrono.perCpuS),
    clean_mb_per_s: round(r.clean.text.perCpuS, 2),
    html_ms_per_page: round(r.clean.page.cpuMs, 2),
    cold_start_ms: round(r.coldStart.coldStartMs, 1),
    cold_start_cpu_ms: round(r.coldStart.coldCpuMs, 1),
    bundle_kb: { clean: round(r.bundle.clean.bundleKb), tag: round(r.bundle.tag.bundleKb) },
    asset_kb: { clean: round(r.bundle.clean.assetKb), tag: round(r.bundle.tag.assetKb) },
    e2e_articles_per_s: round(r.e2e.burst.articlesPerS, 2),
    e2e_p50_ms: round(r.e2e.single.p50Ms, 1),
    e2e_p95_ms: round(r.e2e.single.p95Ms, 1),
    e2e_burst_p50_ms: round(r.e2e.burst.p50Ms, 1),
    e2e_burst_p95_ms: round(r.e2e.burst.p95Ms, 1),
    peak_rss_mb: round(r.memory.peakRssMb, 1),
    worst_case: {
      shape: r.worstCase.shape,
      bytes: r.worstCase.bytes,
      clean_cpu_ms: round(r.worstCase.cleanCpuMs),
      tag_cpu_ms: round(r.worstCase.tagCpuMs),
      peak_rss_mb: round(r.worstCase.peakRssMb, 1),
    },
    cost_per_1m_articles_usd: round(r.cost.totalUsd, 2),
    comprehend_per_1m_articles_usd: round(r.cost.comprehendUsd, 2),
    cost_lines_usd: Object.fromEntries(r.cost.lines.map((l) => [l.item, round(l.usd, 2)])),
    storage_per_1m_articles_month_usd: round(r.cost.storagePerMonthUsd, 2),
    ratios: ratios(r),
    mode: r.mode,
    date: r.date,
    corpora: { entities: r.corpora.entities, dates: r.corpora.dates, e2e: r.corpora.e2e },
    machine: {
      nproc: r.machine.nproc,
      cpu: r.machine.cpu,
      ram_gb: round(r.machine.ramGb, 1),
      node: r.machine.node,
      uptime_start: r.machine.uptimeAtStart,
      uptime_end: r.machine.uptimeAtEnd,
    },
    tagger: r.taggerVersion,
    bundle_source: r.bundle.source,
    seconds: round(r.seconds, 1),
  };
}

/** How the project's taggers and the whole pipeline compare with their peers. */
export function ratios(r: BenchResults): Record<string, number> {
  return {
    ner_vs_compromise: round(r.entities.ner.perCpuS / r.entities.compromise.perCpuS, 2),
    dates_vs_chrono: round(r.dates.dates.perCpuS / r.dates.chrono.perCpuS, 2),
    comprehend_vs_pipeline_cost: round(r.cost.comprehendUsd / r.cost.totalUsd, 1),
  };
}

function metered(r: BenchResults): string {
  if (!r.metered.ok) return '—';
  const m = r.metered;
  return String(m.record.table + m.record.index + m.lookups.table + m.lookups.index);
}

const int = (x: number): string => Math.round(x).toLocaleString('en-US');
const fixed = (x: number, d = 1): string => x.toFixed(d);
const usd = (x: number): string =>
  `$${x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** The rows of the results table: measure, value, unit, note. */
export function tableRows(r: BenchResults): string[][] {
  const e = r.entities;
  const d = r.dates;
  return [
    ['entity tagger (EntityTagger.tag)', int(e.ner.perCpuS), 'tokens/CPU-s', `wall ${int(e.ner.perWallS)}/s`],
    [
      'compromise 14.17.0 (people/places/orgs)',
      int(e.compromise.perCpuS),
      'tokens/CPU-s',
      `wall ${int(e.compromise.perWallS)}/s`,
    ],
    ['date tagger (DateTagger.tag)', int(d.dates.perCpuS), 'chars/CPU-s', `wall ${int(d.dates.perWallS)}/s`],
    [
      'chrono-node 2.10.3 (chrono.parse)',
      int(d.chrono.perCpuS),
      'chars/CPU-s',
      `wall ${int(d.chrono.perWallS)}/s`,
    ],
    [
      'cleaner, plain text',
      fixed(r.clean.text.perCpuS, 2),
      'MB/CPU-s',
      `${r.clean.textArticles} articles; wall ${fixed(r.clean.text.perWallS, 2)}`,
    ],
    [
      'cleaner, typical HTML page',
      fixed(r.clean.page.cpuMs, 1),
      'CPU ms/page',
      `${int(r.clean.page.kb)} KiB page; wall ${fixed(r.clean.page.wallMs, 1)} ms`,
    ],
    [
      'cold start, tag function',
      fixed(r.coldStart.coldStartMs, 0),
      'ms',
      `boot ${int(r.coldStart.bootMs)} + module load ${int(r.coldStart.loadMs)} + first invocation ${int(r.coldStart.firstInvokeMs)}; CPU ${int(r.coldStart.coldCpuMs)} ms (warm: ${int(r.coldStart.warmInvokeMs)}; loadTaggers() alone: ${int(r.memory.loadMs)})`,
    ],
    [
      'bundle (index.js): clean / tag',
      `${int(r.bundle.clean.bundleKb)} / ${int(r.bundle.tag.bundleKb)}`,
      'KB',
      `assets with maps and models: ${int(r.bundle.clean.assetKb)} / ${int(r.bundle.tag.assetKb)} KB`,
    ],
    [
      'end to end, burst',
      fixed(r.e2e.burst.articlesPerS, 1),
      'articles/s',
      `${r.e2e.burst.articles} articles; p50 ${int(r.e2e.burst.p50Ms)} ms, p95 ${int(r.e2e.burst.p95Ms)} ms`,
    ],
    [
      'end to end, one at a time',
      `${int(r.e2e.single.p50Ms)} / ${int(r.e2e.single.p95Ms)}`,
      'ms p50 / p95',
      `${r.e2e.single.articles} articles, upload to record`,
    ],
    [
      'peak RSS tagging 1 MB',
      fixed(r.memory.peakRssMb, 0),
      'MB',
      `${fixed(r.memory.loadedRssMb, 0)} MB after model load; tagging took ${int(r.memory.tagMs)} ms`,
    ],
    [
      `worst case at ${fixed(r.worstCase.bytes / 1024 / 1024, 0)} MiB: clean / tag`,
      `${int(r.worstCase.cleanCpuMs)} / ${int(r.worstCase.tagCpuMs)}`,
      'CPU ms',
      `${r.worstCase.shape} text; peak RSS ${fixed(r.worstCase.peakRssMb, 0)} MB (${fixed(r.worstCase.loadedRssMb, 0)} MB after model load); ${r.worstCase.entities} entities, ${r.worstCase.items} table ${r.worstCase.items === 1 ? 'item' : 'items'}${r.worstCase.truncated ? ', mention lists dropped' : ''}`,
    ],
    [
      'stage CPU per article: clean / tag',
      `${fixed(r.stages.cleanCpuMs, 1)} / ${fixed(r.stages.tagCpuMs, 1)}`,
      'CPU ms',
      r.corpora.cost,
    ],
    [
      'DynamoDB per article',
      int(r.costInputs.writeUnits),
      'WRU',
      `record ${r.stages.record.table}+${r.stages.record.index}, ${r.stages.lookupItems} lookup items ${r.stages.lookups.table}+${r.stages.lookups.index} (table+index), intent item ${r.stages.intentUnits}`,
    ],
    [
      'DynamoDB Local (newsflow query cost)',
      metered(r),
      'WRU',
      r.metered.ok
        ? `record ${r.metered.record.table}+${r.metered.record.index}, ${r.metered.lookupItems} lookup items ${r.metered.lookups.table}+${r.metered.lookups.index}`
        : r.metered.reason,
    ],
    [
      'cost per 1M articles',
      usd(r.cost.totalUsd),
      'USD',
      `Comprehend DetectEntities alone: ${usd(r.cost.comprehendUsd)}`,
    ],
  ];
}

/** A plain-text table with aligned columns. */
export function formatTable(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => (row[c] ?? '').length)));
  return rows
    .map((row) =>
      row
        .map((cell, c) => (c === 1 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function crossCheck(r: BenchResults): string {
  const m = r.metered;
  if (!m.ok) return `(Not checked against DynamoDB Local in this run: ${m.reason}.)`;
  const total = m.record.table + m.record.index + m.lookups.table + m.lookups.index;
  // The metered items are what the table holds afterwards: the intent item is bookkeeping the bench adds on top.
  const stored = r.costInputs.writeUnits - r.stages.intentUnits;
  const agree = total === stored ? 'the same' : `${total}, not ${stored}`;
  return `DynamoDB Local's own accounting of the same article's items (\`newsflow query cost\`, run by the bench) gives ${agree}: record ${m.record.table} + ${m.record.index}, ${m.lookupItems} lookup items ${m.lookups.table} + ${m.lookups.index}.`;
}

/** docs/benchmarks.md from a run. */
export function benchmarksMarkdown(r: BenchResults, json: string): string {
  const m = r.machine;
  const x = ratios(r);
  const c = r.cost;
  const ci = r.costInputs;
  const io = ASSUMPTIONS.requestMs;
  return `# Benchmarks and cost

Generated by \`npm run bench -- --write-docs\` (a ${r.mode} run, ${r.seconds.toFixed(0)} s) on ${r.date.slice(0, 10)}. Every number
below comes from that one run; rerun the command to check them. \`npm run bench -- --quick\` runs the same
measurements shorter (construct bundling instead of \`cdk synth\`, fewer documents and runs) and works on a fresh
clone without \`../shared\`. The code is in \`scripts/bench/\`, one file per measurement.

## Machine

| | |
|---|---|
| processors (\`nproc\`) | ${m.nproc} |
| CPU | ${m.cpu} |
| RAM | ${m.ramGb.toFixed(1)} GB |
| Node.js | ${m.node} (${m.platform}) |
| code | ${m.commit}; tagger ${r.taggerVersion} |
| load at start (\`uptime\`) | \`${m.uptimeAtStart}\` |
| load at end | \`${m.uptimeAtEnd}\` |

The machine is shared: other work (model training, other engineers' tests) ran beside the bench, so a load
average above ${m.nproc} means processes waited for a core. The tagger and cleaner rates are therefore given per CPU
second of the bench's single-threaded process (what one core delivers, robust to that load); wall-clock rates are
beside them. Even CPU-time rates move with the load, since caches and memory bandwidth are shared: quick runs a few
minutes apart differed by up to 2× on the smaller measurements. End-to-end latencies, throughput and cold starts
are wall-clock and suffer from the load directly.

## Results

${markdownTable(['measure', 'value', 'unit', 'detail'], tableRows(r))}

**Against peers, same documents, same run:** the entity tagger tags **${x.ner_vs_compromise}×** as many tokens per CPU second
as compromise (a rule-based part-of-speech tagger with a lexicon, whose people, places and organisations
are the nearest npm peer to entity tagging); the date tagger reads **${x.dates_vs_chrono}×** as many characters per CPU second as
chrono-node. Speed only: accuracy is not compared here (the date tagger's comparison with chrono-node on TimeML is in
\`lambdas/core/dates/README.md\`; chrono-node has no durations, sets, quarters or TimeML values to produce).

## What is measured, exactly

- **Documents.** Entities: ${r.corpora.entities}; rates count the gold tokens (the tagger's own tokenizer on the samples).
  Dates: ${r.corpora.dates}; rates count UTF-16 characters of the text. Each contender processes the same documents
  in the same process: one pass to warm up, then timed runs that alternate between the contenders (A, B, A, B…)
  so load from other processes falls on both alike; the value is the median run. The entity tagger is measured
  as \`EntityTagger.tag\`; compromise as \`nlp(text)\` plus \`people()\`, \`places()\` and \`organizations()\` with
  offsets. The date tagger is \`DateTagger.tag\` with the document's reference day; chrono-node is \`chrono.parse\`
  with the same day.
- **Cleaner.** ${r.corpora.clean}. Plain-text MB (10⁶ bytes of input) per CPU second, median of the runs; the HTML
  page is the cleaner bench's typical page (the article fixture inside ~230 KB of scripts, styles, menus,
  rails and comments), median CPU milliseconds of ${r.clean.page.runs} cleans.
- **Cold start** (\`cold_start_ms\`). The functions are bundled by ${r.bundle.source === 'cdk synth' ? '`npx cdk synth -q --output <temp dir>`' : 'building the stack (the same `NodejsFunction` bundling `cdk synth` runs)'}
  (${r.bundle.seconds.toFixed(0)} s); the tag function's staged asset (\`${r.bundle.tag.asset}\`: \`index.js\`, its source map,
  \`models/\`) is loaded by a fresh plain \`node\` process with the function's \`NODE_OPTIONS\` (\`${r.bundle.tag.nodeOptions ?? ''}\`)
  and environment. It \`require\`s \`index.js\` and invokes the exported \`handler\` with an SQS event for one processed
  document held by the embedded runtime's S3; the handler builds its SDK clients, loads the models from the asset's
  \`models/\`, reads the document, tags it and writes the record and lookup items to the runtime's DynamoDB.
  \`cold_start_ms\` = Node's bootstrap (${r.coldStart.bootMs.toFixed(0)} ms) + module load (${r.coldStart.loadMs.toFixed(0)} ms) + that first invocation
  (${r.coldStart.firstInvokeMs.toFixed(0)} ms), median of ${r.coldStart.runs} processes; a second article in the same process took ${r.coldStart.warmInvokeMs.toFixed(0)} ms (warm).
  The process spent ${r.coldStart.coldCpuMs.toFixed(0)} ms of CPU (user + system) up to the first response: the wall time on
  an idle core, whatever else the machine runs.
  Loading the taggers alone (\`loadTaggers()\`: model decode and index) takes ${r.memory.loadMs.toFixed(0)} ms (measured in the memory child).
  Not included: Lambda's own sandbox start and code download. The AWS SDK v3 is in the bundle
  (\`bundleAwsSDK\`, the version the tests run, resolved from ES modules so esbuild drops what the handlers do
  not use); the process has no path to the repository's \`node_modules\`. Peak RSS of the cold process:
  ${r.coldStart.maxRssMb.toFixed(0)} MB (the function has ${ci.memoryMb} MB).
- **End to end.** The embedded runtime (\`LocalRuntime\`: s3rver, dynalite, SQS-semantics queues, the real
  handlers, 4 concurrent invocations per stage) on free ports and a temporary data directory. ${r.e2e.burst.articles} articles
  (${r.corpora.e2e}) are uploaded at once with \`uploadFiles\` (8 concurrent PUTs, as \`newsflow ingest\`);
  \`e2e_articles_per_s\` is articles over the time from the first upload to the last record. A record counts when
  its conditional write (the commit point) succeeds, observed through the runtime's \`wrapStores\` hook; latency
  runs from the upload's S3 event time. \`e2e_p50_ms\`/\`e2e_p95_ms\` are for ${r.e2e.single.articles} articles uploaded one at a time
  (an idle pipeline); under the burst the same latencies are ${r.e2e.burst.p50Ms.toFixed(0)}/${r.e2e.burst.p95Ms.toFixed(0)} ms, mostly waiting in the queues.
  Everything — emulators, both stages and the uploader — shares this machine's ${m.nproc} cores.
- **Memory** (\`peak_rss_mb\`). A fresh process loads the taggers as the tag function does and tags one
  ${(r.memory.bytes / 1e6).toFixed(2)} MB article (news texts of the corpus joined as paragraphs) with \`tagText\`: ${r.memory.entities} entity mentions,
  ${r.memory.dates} date expressions; \`process.resourceUsage().maxRSS\`.
- **Worst case** (\`worst_case\`). A fresh process builds ${(r.worstCase.bytes / 1024 / 1024).toFixed(0)} MiB (the object size limit) of the costliest
  pathological shape of \`scripts/bench/shapes.ts\` (${r.worstCase.shape}: no sentence punctuation, every word new) and runs both
  stages' core work on it (\`worst-case-child.ts\`): clean ${r.worstCase.cleanCpuMs.toFixed(0)} CPU ms, tag and build the record
  ${r.worstCase.tagCpuMs.toFixed(0)} CPU ms, peak RSS ${r.worstCase.peakRssMb.toFixed(0)} MB for both in one process. The functions have a 60 s timeout and
  1,024 MB; at 1,024 MB a function gets less than a full vCPU (see the Lambda GB-seconds assumption below).
  \`test/core/tagging/scaling.test.ts\` checks on every test run that time and memory grow linearly on all shapes.

## Cost per ${int(c.articles)} articles

For articles like ${r.corpora.cost}: ${ci.articleBytes} bytes raw, ${ci.textChars} characters cleaned. Prices: ${c.pricesAsOf}.

${markdownTable(
  ['item', 'quantity', 'unit', 'cost'],
  c.lines.map((l) => [l.item, int(l.quantity), l.unit, usd(l.usd)]),
)}
| **total** | | | **${usd(c.totalUsd)}** |
| Amazon Comprehend DetectEntities, same texts | ${int(c.articles * c.comprehendUnitsPerArticle)} | units of 100 characters (${c.comprehendUnitsPerArticle} per article, minimum 3) | **${usd(c.comprehendUsd)}** |

Entity detection by Comprehend alone would cost **${x.comprehend_vs_pipeline_cost}×** what the whole pipeline costs here (cleaning,
entities, dates, storage writes), and it finds no TimeML dates. Storing what the run keeps costs a further
${usd(c.storagePerMonthUsd)} a month (S3 Standard: raw object and processed document; DynamoDB: items and index entries).

Where the quantities come from:

- **Requests per article** are counted, not assumed: the real handlers (\`createStageHandler\` with the two stages)
  run over in-memory stores wrapped to count calls. Clean: ${ci.cleanRequests.s3Head} HEAD, ${ci.cleanRequests.s3Get} GET, ${ci.cleanRequests.s3Put} PUT;
  tag: ${ci.tagRequests.s3Get} GET, ${ci.tagRequests.s3Head} HEAD, and ${ci.tagRequests.dynamoDb} DynamoDB requests (a strongly consistent read of the article's
  partition, \`BatchWriteItem\`s of the intent item and the lookup items, the record's conditional \`PutItem\`); a new upload's
  processed document is created without a HEAD first (\`If-None-Match\`). The end-to-end run counted, per article, S3
  ${fixed(r.e2e.calls.s3Get, 2)} GET, ${fixed(r.e2e.calls.s3Head, 2)} HEAD, ${fixed(r.e2e.calls.s3Put, 2)} PUT and ${fixed(r.e2e.calls.itemsPut, 1)} items put (its own articles).
- **DynamoDB write units** from the sizes of the items the tag stage wrote for this article, by DynamoDB's
  sizing rules (attribute names and values; 1 WRU per KB in the table and again per KB of the index entry,
  which adds 100 bytes): record ${r.stages.recordBytes} bytes = ${r.stages.record.table} + ${r.stages.record.index} WRU, ${r.stages.lookupItems} lookup items = ${r.stages.lookups.table} + ${r.stages.lookups.index} WRU, the intent item ${r.stages.intentUnits} WRU.
  ${crossCheck(r)}
  Reads: ${ci.readUnits} RRU (the partition query finds nothing for a new article; the minimum charge).
- **Lambda GB-seconds** at the configured ${ci.memoryMb} MB (\`defaultFunctionProps()\` in
  \`lib/article-pipeline-defaults.ts\`), arm64. Measured: CPU time per article of each stage, ${fixed(ci.cleanCpuMs, 2)} ms clean and
  ${fixed(ci.tagCpuMs, 2)} ms tag (the handlers over a batch of ${ci.batchSize}, median of batches). Assumed: at ${ci.memoryMb} MB a function
  gets ${ci.memoryMb}/${ASSUMPTIONS.fullVcpuMb} of a vCPU, so CPU time stretches by ${(ASSUMPTIONS.fullVcpuMb / ci.memoryMb).toFixed(2)}×; a Graviton vCPU runs as fast as one core here;
  each request waits in-region (S3 GET ${io.s3Get} ms, HEAD ${io.s3Head} ms, PUT ${io.s3Put} ms, DynamoDB ${io.dynamoDb} ms). A stage handles a batch's
  messages side by side (up to ${ci.batchSize} at once, within 5 MiB of objects), so their round trips overlap: the bench runs
  batches again with every request delayed by those latencies and measures the wall time beyond CPU time,
  ${fixed(ci.cleanWaitMs, 1)} ms (clean) and ${fixed(ci.tagWaitMs, 1)} ms (tag) per article, where one message after another would wait
  ${sequentialWaitMs(ci.cleanRequests).toFixed(0)} ms and ${sequentialWaitMs(ci.tagRequests).toFixed(0)} ms. ${ASSUMPTIONS.coldStartShare * 100}% of invocations are cold and pay the measured
  ${ci.coldStartExtraMs.toFixed(0)} ms more (INIT is billed since 2025-08-01). That gives ${c.lambdaMsPerArticle.clean.toFixed(0)} ms (clean) +
  ${c.lambdaMsPerArticle.tag.toFixed(0)} ms (tag) per article.
- **Lambda requests and SQS**: full batches of ${ci.batchSize} (a busy queue); S3 sends one message per object to each
  stage's queue, and the event source mapping receives and deletes a batch per request. At one article per
  invocation (a trickle) Lambda requests rise ${ci.batchSize}× and SQS requests ${(3 / (1 + 2 / ci.batchSize)).toFixed(1)}×: ${usd(c.articles * 2 * (PRICES.lambdaRequest + 3 * PRICES.sqsRequest) - (c.lines.find((l) => l.item === 'Lambda requests')?.usd ?? 0) - (c.lines.find((l) => l.item === 'SQS')?.usd ?? 0))} more per million.
- **Not included**: X-Ray traces (active tracing samples 1 request a second plus 5%, $5 per million traces),
  CloudWatch Logs ingestion of the functions' log lines and metrics ($0.50 per GB), the pollers' empty receives on
  idle queues, data transfer (none leaves the region), free tiers.

## The JSON line

\`\`\`json
${json}
\`\`\`
`;
}
