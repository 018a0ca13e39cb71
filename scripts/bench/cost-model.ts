/**
 * What processing articles costs on AWS, from measured inputs (CPU time per stage, requests counted in the
 * stages, item sizes of the records written) and list prices, beside Amazon Comprehend's entity detection for
 * the same text. Pure arithmetic: `npm run bench` feeds it, the tests check it.
 */

/**
 * AWS list prices, us-east-1, on-demand, as published on the AWS pricing pages in 2025 (DynamoDB after its
 * 2024-11-01 on-demand price cut; Lambda after its 2025-08-01 change to bill the INIT phase). No free tiers.
 */
export const PRICES = {
  asOf: '2025 list prices (AWS pricing pages as published in 2025), us-east-1, no free tier',
  /** Lambda, arm64, per GB-second (first 7.5 billion GB-s a month). */
  lambdaArmGbSecond: 0.0000133334,
  /** Lambda, per request (invocation). */
  lambdaRequest: 0.2 / 1e6,
  /** S3 Standard PUT, COPY, POST, LIST, per request. */
  s3Put: 0.005 / 1000,
  /** S3 Standard GET, SELECT and all other requests (HEAD), per request. */
  s3GetOrHead: 0.0004 / 1000,
  /** S3 DELETE is free. */
  s3Delete: 0,
  /** SQS standard queue, per request (64 KB chunk), after the free tier. */
  sqsRequest: 0.4 / 1e6,
  /** DynamoDB on-demand, standard table class, per write request unit. */
  dynamoDbWru: 0.625 / 1e6,
  /** DynamoDB on-demand, per read request unit. */
  dynamoDbRru: 0.125 / 1e6,
  /** S3 Standard storage, per GB-month (first 50 TB). */
  s3StorageGbMonth: 0.023,
  /** DynamoDB standard table storage, per GB-month (after the first 25 GB). */
  dynamoDbStorageGbMonth: 0.25,
  /** Amazon Comprehend DetectEntities: per unit of 100 characters, at least 3 units a request. */
  comprehendUnit: 0.0001,
  comprehendUnitChars: 100,
  comprehendMinUnits: 3,
} as const;

/** Assumptions the model needs and a local run cannot measure; each is stated in the report. */
export const ASSUMPTIONS = {
  /** Lambda gives a function one full vCPU at 1,769 MB and a proportional share below it. */
  fullVcpuMb: 1769,
  /** A Graviton vCPU is taken to run the code as fast as one core of the bench machine. */
  cpuSpeedFactor: 1,
  /** In-region request latency a stage waits for, per request (typical small-object figures). */
  requestMs: { s3Get: 15, s3Head: 10, s3Put: 30, s3Delete: 15, dynamoDb: 8 },
  /** Share of invocations that start a new container (steady ingest keeps containers warm). */
  coldStartShare: 0.01,
  /** S3 sends one message per object change; Lambda's poller receives and deletes a batch per request. */
  sqsRequestsPerBatch: 2,
} as const;

/** Requests one stage makes per article. */
export interface StageRequests {
  readonly s3Get: number;
  readonly s3Head: number;
  readonly s3Put: number;
  readonly s3Delete: number;
  /** DynamoDB requests (queries, batch writes, puts), for their latency only: units are billed, not requests. */
  readonly dynamoDb: number;
}

/** The measured inputs of the model, per article. */
export interface CostInputs {
  readonly articles: number;
  /** Raw article size, bytes, and the characters of its cleaned text (what Comprehend would be sent). */
  readonly articleBytes: number;
  readonly textChars: number;
  /** The functions' configured memory. */
  readonly memoryMb: number;
  /** SQS batch size of the event source mappings (articles per invocation when queues are busy). */
  readonly batchSize: number;
  /** CPU milliseconds per article of each stage, on the bench machine. */
  readonly cleanCpuMs: number;
  readonly tagCpuMs: number;
  readonly cleanRequests: StageRequests;
  readonly tagRequests: StageRequests;
  /**
   * Milliseconds per article each stage's invocation spends waiting on requests beyond its CPU time, with a
   * batch's messages handled side by side and every request taking its assumed latency (measured).
   */
  readonly cleanWaitMs: number;
  readonly tagWaitMs: number;
  /** DynamoDB write units per article: table and index, from the sizes of the items written. */
  readonly writeUnits: number;
  /** DynamoDB read units per article (the tag stage's strongly consistent partition read). */
  readonly readUnits: number;
  /** Extra milliseconds of a cold invocation over a warm one (module and model load). */
  readonly coldStartExtraMs: number;
  /** Bytes stored per article: S3 (raw + processed document) and DynamoDB (items and index entries). */
  readonly s3StoredBytes: number;
  readonly dynamoDbStoredBytes: number;
}

/** One line of the bill. */
export interface CostLine {
  readonly item: string;
  readonly quantity: number;
  readonly unit: string;
  readonly usd: number;
}

/** The bill for `articles` articles. */
export interface CostModel {
  readonly articles: number;
  readonly pricesAsOf: string;
  /** Estimated billed Lambda milliseconds per article, per stage. */
  readonly lambdaMsPerArticle: { readonly clean: number; readonly tag: number };
  readonly lines: readonly CostLine[];
  /** Everything above, processing only (the uploader's PUT included). */
  readonly totalUsd: number;
  /** Storage of what the run keeps, per month (not in the total). */
  readonly storagePerMonthUsd: number;
  /** Comprehend DetectEntities for the same texts. */
  readonly comprehendUsd: number;
  readonly comprehendUnitsPerArticle: number;
}

/** Comprehend units of one DetectEntities request for `chars` characters. */
export function comprehendUnits(chars: number): number {
  return Math.max(PRICES.comprehendMinUnits, Math.ceil(chars / PRICES.comprehendUnitChars));
}

/** Milliseconds one article's requests wait in a stage when they run one after another (the assumed latencies). */
export function sequentialWaitMs(requests: StageRequests): number {
  const io = ASSUMPTIONS.requestMs;
  return (
    requests.s3Get * io.s3Get +
    requests.s3Head * io.s3Head +
    requests.s3Put * io.s3Put +
    requests.s3Delete * io.s3Delete +
    requests.dynamoDb * io.dynamoDb
  );
}

/**
 * Billed Lambda milliseconds of one article in a stage: its CPU time at the function's CPU share, plus the
 * request waits that CPU work does not hide.
 */
export function lambdaMs(cpuMs: number, waitMs: number, memoryMb: number): number {
  const share = Math.min(1, memoryMb / ASSUMPTIONS.fullVcpuMb);
  return (cpuMs * ASSUMPTIONS.cpuSpeedFactor) / share + waitMs;
}

/** Prices `inputs.articles` articles. */
export function costModel(inputs: CostInputs): CostModel {
  const n = inputs.articles;
  const gb = inputs.memoryMb / 1024;
  const clean = lambdaMs(inputs.cleanCpuMs, inputs.cleanWaitMs, inputs.memoryMb);
  const tag = lambdaMs(inputs.tagCpuMs, inputs.tagWaitMs, inputs.memoryMb);
  const invocations = (2 * n) / inputs.batchSize;
  const coldMs = invocations * ASSUMPTIONS.coldStartShare * inputs.coldStartExtraMs;
  const gbSeconds = ((n * (clean + tag) + coldMs) / 1000) * gb;
  const s3 = (key: keyof StageRequests): number => n * (inputs.cleanRequests[key] + inputs.tagRequests[key]);
  const sqs = 2 * n * (1 + ASSUMPTIONS.sqsRequestsPerBatch / inputs.batchSize);
  const line = (item: string, quantity: number, unit: string, price: number): CostLine => ({
    item,
    quantity,
    unit,
    usd: quantity * price,
  });
  const lines: CostLine[] = [
    line('Lambda compute (arm64)', gbSeconds, 'GB-s', PRICES.lambdaArmGbSecond),
    line('Lambda requests', invocations, 'invocations', PRICES.lambdaRequest),
    line('S3 PUT (upload)', n, 'requests', PRICES.s3Put),
    line('S3 PUT (processed documents)', s3('s3Put'), 'requests', PRICES.s3Put),
    line('S3 GET + HEAD', s3('s3Get') + s3('s3Head'), 'requests', PRICES.s3GetOrHead),
    line('SQS', sqs, 'requests', PRICES.sqsRequest),
    line('DynamoDB writes', n * inputs.writeUnits, 'WRU', PRICES.dynamoDbWru),
    line('DynamoDB reads', n * inputs.readUnits, 'RRU', PRICES.dynamoDbRru),
  ];
  const units = comprehendUnits(inputs.textChars);
  const storagePerMonthUsd =
    ((n * inputs.s3StoredBytes) / 1e9) * PRICES.s3StorageGbMonth +
    ((n * inputs.dynamoDbStoredBytes) / 1e9) * PRICES.dynamoDbStorageGbMonth;
  return {
    articles: n,
    pricesAsOf: PRICES.asOf,
    lambdaMsPerArticle: { clean, tag },
    lines,
    totalUsd: lines.reduce((s, l) => s + l.usd, 0),
    storagePerMonthUsd,
    comprehendUsd: n * units * PRICES.comprehendUnit,
    comprehendUnitsPerArticle: units,
  };
}
