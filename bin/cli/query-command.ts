import { parseArgs } from 'node:util';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { daysInMonth } from '../../lambdas/core/calendar/days';
import type { EntityType } from '../../lambdas/core/entities/types';
import {
  type ArticleQuery,
  ArticleReader,
  type ArticleSummary,
  type QueryOptions,
} from '../../lambdas/reader';
import { missingKeyHint, resolveArticleRef } from './article-ref';
import { readFailure, UsageError } from './errors';
import { writeLine } from './io';
import { type CapacityMeter, type CapacityTotals, meterCapacity } from './query-capacity';
import { queryCostCommand } from './query-cost';
import { formatHitHeader, formatHitRow } from './query-format';
import { type QueryTarget, resolveQueryTarget } from './query-target';

/** Usage of `newsflow query`, also shown by `newsflow --help`. */
export const QUERY_USAGE = `newsflow query article ID|KEY|s3://BUCKET/KEY   one record (JSON); KEY as uploaded (raw/x.txt)
newsflow query published DAY|DAY..DAY|YYYY-MM    articles published on those days
newsflow query published unknown                 articles without a publication date (by upload day)
newsflow query entity NAME [--type T] [--related] [--from DAY] [--to DAY]
                                                 articles mentioning an entity (case-insensitive);
                                                 --related: also its other names (U.S. for United States)
newsflow query mentions VALUE [--from DAY] [--to DAY]
                                                 articles mentioning a date (2020, 2019-12, 2019-W51, …)
newsflow query cost [FILE|DIR…]                  measure write and read units on DynamoDB Local

Lists are newest first. Options:
  --limit N (50)   hits per page; prints the --cursor of the next page on stderr
  --all            every hit          --cursor C   resume after a page
  --json           JSON lines         --records    full records (JSON lines) instead of index hits
  --consistent     strongly consistent record reads
  --capacity       report the read units DynamoDB consumed (on stderr)
  --stack NAME     a deployed stack (its TableName output)   --table NAME   a table (AWS credentials)
  --endpoint URL   another DynamoDB API                      --data-dir D   the local runtime's data
Without --stack/--table/--endpoint, reads the running local runtime (npm start).`;

const OPTIONS = {
  type: { type: 'string' },
  related: { type: 'boolean', default: false },
  from: { type: 'string' },
  to: { type: 'string' },
  limit: { type: 'string' },
  all: { type: 'boolean', default: false },
  cursor: { type: 'string' },
  json: { type: 'boolean', default: false },
  records: { type: 'boolean', default: false },
  consistent: { type: 'boolean', default: false },
  capacity: { type: 'boolean', default: false },
  stack: { type: 'string' },
  table: { type: 'string' },
  endpoint: { type: 'string' },
  'data-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

type Values = ReturnType<
  typeof parseArgs<{ args: string[]; options: typeof OPTIONS; allowPositionals: true }>
>['values'];

/** `newsflow query …`: reads the article table through the reader library, as downstream services do. */
export async function queryCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  const [what, ...args] = positionals;
  if (values.help || what === undefined) {
    process.stdout.write(`${QUERY_USAGE}\n`);
    return what === undefined && !values.help ? 2 : 0;
  }
  // The cost command has options of its own: it gets the arguments as given, less its name.
  if (what === 'cost') return queryCostCommand(argv.filter((_, i) => i !== argv.indexOf('cost')));
  // Arguments first: a mistyped day is the user's first error to hear about, wherever the table is.
  if (what === 'published' && args.length === 1 && args[0] !== 'unknown') parseDays(args[0]!);
  const target = await resolveQueryTarget({
    stack: values.stack,
    table: values.table,
    endpoint: values.endpoint,
    dataDir: values['data-dir'],
  });
  const meter = values.capacity ? meterCapacity(target.client) : undefined;
  const metering: Metering = { meter, query: noCapacity(), display: noCapacity() };
  try {
    const code = await runQuery(what, args, values, target, metering);
    if (meter) {
      const used = addCapacity(metering.query, meter.take());
      const display = metering.display;
      process.stderr.write(
        `consumed ${used.table + used.indexes} read units (table ${used.table}, index ${used.indexes}) in ${used.requests} requests\n`,
      );
      if (display.requests > 0)
        process.stderr.write(
          `(the key column read ${display.table} more units in ${display.requests} record reads; --json reads none)\n`,
        );
    }
    return code;
  } catch (error) {
    throw readFailure(error, target.description);
  } finally {
    target.client.destroy();
  }
}

/** The capacity meter (`--capacity`), with what the query read kept apart from the key column's reads. */
interface Metering {
  readonly meter: CapacityMeter | undefined;
  readonly query: CapacityTotals;
  readonly display: CapacityTotals;
}

function noCapacity(): CapacityTotals {
  return { requests: 0, table: 0, indexes: 0, writeRequests: 0 };
}

/** Adds `more` into `into` and returns it. */
function addCapacity(into: CapacityTotals, more: CapacityTotals): CapacityTotals {
  into.requests += more.requests;
  into.table += more.table;
  into.indexes += more.indexes;
  into.writeRequests += more.writeRequests;
  return into;
}

async function runQuery(
  what: string,
  args: string[],
  values: Values,
  target: QueryTarget,
  metering: Metering,
): Promise<number> {
  const reader = new ArticleReader({
    client: DynamoDBDocumentClient.from(target.client, { marshallOptions: { removeUndefinedValues: true } }),
    tableName: target.tableName,
    consistentRead: values.consistent,
  });
  const options: QueryOptions = {
    pageSize: parseLimit(values.limit),
    ...(values.cursor === undefined ? {} : { cursor: values.cursor }),
  };
  const range = {
    ...(values.from === undefined ? {} : { from: values.from }),
    ...(values.to === undefined ? {} : { to: values.to }),
  };
  switch (what) {
    case 'article': {
      const [ref] = args;
      if (ref === undefined || args.length > 1)
        throw new UsageError('query article needs one article: an ID, a KEY (raw/x.txt) or s3://BUCKET/KEY');
      const article = resolveArticleRef(ref, target.rawBucket);
      const record = await reader.getArticle(article.id);
      if (record === undefined) {
        process.stderr.write(
          `no article ${article.label} in ${target.description}${missingKeyHint(ref, target.rawPrefix)}\n`,
        );
        return 1;
      }
      await writeLine(JSON.stringify(record, null, values.json ? undefined : 2));
      return 0;
    }
    case 'published': {
      if (args.length !== 1) throw new UsageError('query published needs DAY, DAY..DAY, YYYY-MM or unknown');
      if (args[0] === 'unknown')
        return printHits(reader.listUndated(range, options), values, reader, metering);
      return printHits(reader.listPublished(parseDays(args[0]!), options), values, reader, metering);
    }
    case 'entity': {
      const name = args.join(' ');
      if (name.trim() === '') throw new UsageError('query entity needs a NAME');
      const type = values.type?.toUpperCase() as EntityType | undefined;
      const related = values.related ? { related: true } : {};
      return printHits(
        reader.findByEntity(type ? { name, type, ...related } : { name, ...related }, range, options),
        values,
        reader,
        metering,
        'as',
      );
    }
    case 'mentions': {
      if (args.length !== 1)
        throw new UsageError('query mentions needs one VALUE (2020, 2019-12, 2019-12-20, …)');
      return printHits(reader.findByDateMention(args[0]!, range, options), values, reader, metering);
    }
    default:
      throw new UsageError(`unknown query ${JSON.stringify(what)}\n\n${QUERY_USAGE}`);
  }
}

async function printHits<T extends ArticleSummary>(
  query: ArticleQuery<T>,
  values: Values,
  reader: ArticleReader,
  metering: Metering,
  extraColumn?: string,
): Promise<number> {
  let count = 0;
  if (values.records) {
    const limit = values.all ? Number.POSITIVE_INFINITY : parseLimit(values.limit);
    for await (const record of query.records()) {
      await writeLine(JSON.stringify(record));
      if (++count >= limit) break;
    }
  } else {
    for await (const page of query.pages()) {
      // After the first read, so a failing query prints nothing on stdout.
      if (!values.json && count === 0) await writeLine(formatHitHeader(extraColumn));
      // The index holds no keys: the table reads each hit's record for the key people uploaded.
      const keys = values.json ? [] : await sourceKeys(reader, page.items, metering);
      for (const [i, hit] of page.items.entries())
        await writeLine(values.json ? JSON.stringify(hit) : formatHitRow(hit, keys[i]));
      count += page.items.length;
      if (page.cursor !== undefined && !values.all) {
        process.stderr.write(`more: add --cursor ${page.cursor}\n`);
        break;
      }
    }
  }
  if (count === 0) process.stderr.write('no articles\n');
  return 0;
}

/** The S3 key of each hit's raw object (`undefined` for a record deleted since the index was read). */
async function sourceKeys(
  reader: ArticleReader,
  hits: readonly ArticleSummary[],
  metering: Metering,
): Promise<(string | undefined)[]> {
  if (metering.meter) addCapacity(metering.query, metering.meter.take());
  const records = await Promise.all(hits.map((hit) => reader.getArticle(hit.articleId)));
  if (metering.meter) addCapacity(metering.display, metering.meter.take());
  return records.map((record) => record?.source.key);
}

/** `2019-12-20`, `2019-12-01..2019-12-31` or a month `2019-12` as a day range. */
export function parseDays(spec: string): { from: string; to: string } {
  const month = /^(\d{4})-(\d{2})$/.exec(spec);
  if (month) {
    const last = daysInMonth(Number(month[1]), Number(month[2]));
    return { from: `${spec}-01`, to: `${spec}-${String(last).padStart(2, '0')}` };
  }
  const [from, to = from, ...rest] = spec.split('..');
  const day = /^\d{4}-\d{2}-\d{2}$/;
  if (from === undefined || to === undefined || !day.test(from) || !day.test(to) || rest.length > 0)
    throw new UsageError(
      `expected DAY (YYYY-MM-DD), DAY..DAY, YYYY-MM or unknown, got ${JSON.stringify(spec)}`,
    );
  return { from, to };
}

function parseLimit(value: string | undefined): number {
  if (value === undefined) return 50;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1000)
    throw new UsageError('--limit must be an integer from 1 to 1000');
  return n;
}
