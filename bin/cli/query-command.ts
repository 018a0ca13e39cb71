import { parseArgs } from 'node:util';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { daysInMonth } from '../../lambdas/core/calendar/days';
import type { EntityType } from '../../lambdas/core/entities/types';
import {
  type ArticleQuery,
  ArticleReader,
  type ArticleSummary,
  InvalidQueryError,
  type QueryOptions,
  TableReadError,
} from '../../lambdas/reader';
import { CliError, UsageError } from './errors';
import { writeLine } from './io';
import { meterCapacity } from './query-capacity';
import { queryCostCommand } from './query-cost';
import { formatHitHeader, formatHitRow } from './query-format';
import { type QueryTarget, resolveQueryTarget } from './query-target';

/** Usage of `newsflow query`, also shown by `newsflow --help`. */
export const QUERY_USAGE = `newsflow query article ID                        one record (JSON)
newsflow query published DAY|DAY..DAY|YYYY-MM    articles published on those days
newsflow query entity NAME [--type T] [--from DAY] [--to DAY]
                                                 articles mentioning an entity (case-insensitive)
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
  const target = await resolveQueryTarget({
    stack: values.stack,
    table: values.table,
    endpoint: values.endpoint,
    dataDir: values['data-dir'],
  });
  const meter = values.capacity ? meterCapacity(target.client) : undefined;
  try {
    const code = await runQuery(what, args, values, target);
    if (meter) {
      const used = meter.take();
      process.stderr.write(
        `consumed ${used.table + used.indexes} read units (table ${used.table}, index ${used.indexes}) in ${used.requests} requests\n`,
      );
    }
    return code;
  } catch (error) {
    if (error instanceof InvalidQueryError) throw new UsageError(error.message, { cause: error });
    if (error instanceof TableReadError) {
      const cause = error.cause instanceof Error ? `: ${error.cause.name}: ${error.cause.message}` : '';
      throw new CliError(`${error.message} (${target.description})${cause}`, { cause: error });
    }
    throw error;
  } finally {
    target.client.destroy();
  }
}

async function runQuery(what: string, args: string[], values: Values, target: QueryTarget): Promise<number> {
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
      const [id] = args;
      if (id === undefined || args.length > 1) throw new UsageError('query article needs one article ID');
      const record = await reader.getArticle(id);
      if (record === undefined) {
        process.stderr.write(`no article ${id} in ${target.description}\n`);
        return 1;
      }
      await writeLine(JSON.stringify(record, null, values.json ? undefined : 2));
      return 0;
    }
    case 'published': {
      if (args.length !== 1) throw new UsageError('query published needs DAY, DAY..DAY or YYYY-MM');
      return printHits(reader.listPublished(parseDays(args[0]!), options), values);
    }
    case 'entity': {
      const name = args.join(' ');
      if (name.trim() === '') throw new UsageError('query entity needs a NAME');
      const type = values.type?.toUpperCase() as EntityType | undefined;
      return printHits(reader.findByEntity(type ? { name, type } : { name }, range, options), values, 'as');
    }
    case 'mentions': {
      if (args.length !== 1)
        throw new UsageError('query mentions needs one VALUE (2020, 2019-12, 2019-12-20, …)');
      return printHits(reader.findByDateMention(args[0]!, range, options), values);
    }
    default:
      throw new UsageError(`unknown query ${JSON.stringify(what)}\n\n${QUERY_USAGE}`);
  }
}

async function printHits<T extends ArticleSummary>(
  query: ArticleQuery<T>,
  values: Values,
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
      for (const hit of page.items) await writeLine(values.json ? JSON.stringify(hit) : formatHitRow(hit));
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

/** `2019-12-20`, `2019-12-01..2019-12-31` or a month `2019-12` as a day range. */
export function parseDays(spec: string): { from: string; to: string } {
  const month = /^(\d{4})-(\d{2})$/.exec(spec);
  if (month) {
    const last = daysInMonth(Number(month[1]), Number(month[2]));
    return { from: `${spec}-01`, to: `${spec}-${String(last).padStart(2, '0')}` };
  }
  const [from, to = from, ...rest] = spec.split('..');
  if (from === undefined || to === undefined || from === '' || to === '' || rest.length > 0)
    throw new UsageError(`expected DAY, DAY..DAY or YYYY-MM, got ${JSON.stringify(spec)}`);
  return { from, to };
}

function parseLimit(value: string | undefined): number {
  if (value === undefined) return 50;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1000)
    throw new UsageError('--limit must be an integer from 1 to 1000');
  return n;
}
