import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ArticleRecord } from '../../lambdas/core/record/types';
import { ArticleReader, readArticleText, TextReadError, TextVersionError } from '../../lambdas/reader';
import { localS3Client } from '../../local/clients';
import { missingKeyHint, resolveArticleRef } from './article-ref';
import { readFailure, UsageError } from './errors';
import { type QueryTarget, resolveQueryTarget } from './query-target';
import { escapeControls } from './terminal-text';
import { renderRecordHtml } from './view-html';

/**
 * `newsflow view ID|KEY|s3://BUCKET/KEY`: writes a self-contained HTML page of one record (highlighted entities and dates, metadata
 * and grouped entities) and prints its path. Reads the local runtime by default, a deployed table with
 * `--stack`/`--table`, or a record file from `newsflow process` with `--record FILE`.
 */
export async function viewCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string', short: 'o' },
      record: { type: 'string' },
      stack: { type: 'string' },
      table: { type: 'string' },
      endpoint: { type: 'string' },
      'data-dir': { type: 'string' },
    },
  });
  let record: ArticleRecord;
  let text: string | undefined;
  if (values.record !== undefined) {
    if (positionals.length > 0) throw new UsageError('view takes an ID or --record FILE, not both');
    record = readRecordFile(values.record);
    text = record.text;
  } else {
    const [ref] = positionals;
    if (ref === undefined || positionals.length > 1)
      throw new UsageError(
        'view needs one article: an ID, a KEY (raw/x.txt), s3://BUCKET/KEY or --record FILE',
      );
    const target = await resolveQueryTarget({
      stack: values.stack,
      table: values.table,
      endpoint: values.endpoint,
      dataDir: values['data-dir'],
    });
    try {
      const article = resolveArticleRef(ref, target.rawBucket);
      const found = await readRecord(target, article.id);
      if (found === undefined) {
        process.stderr.write(
          `no article ${article.label} in ${target.description}${missingKeyHint(ref, target.rawPrefix)}\n`,
        );
        return 1;
      }
      record = found;
    } finally {
      target.client.destroy();
    }
    text = await readStoredText(target, record);
  }
  const out = resolve(values.out ?? `newsflow-${record.id}.html`);
  writeFileSync(out, renderRecordHtml(record, text));
  process.stdout.write(`${out}\n`);
  return 0;
}

async function readRecord(target: QueryTarget, id: string): Promise<ArticleRecord | undefined> {
  const reader = new ArticleReader({
    client: DynamoDBDocumentClient.from(target.client),
    tableName: target.tableName,
  });
  try {
    return await reader.getArticle(id);
  } catch (error) {
    throw readFailure(error, target.description);
  }
}

function readRecordFile(path: string): ArticleRecord {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new UsageError(`--record ${path} is not a JSON record (newsflow process writes one)`, { cause });
  }
  const r = parsed as Partial<ArticleRecord>;
  if (typeof r.id !== 'string' || !Array.isArray(r.entities) || !Array.isArray(r.entitySummary))
    throw new UsageError(`--record ${path} is not an article record`);
  return parsed as ArticleRecord;
}

/**
 * The text of a record, from the processed document its item references when the item does not carry it. A
 * document that holds another version, or cannot be read, leaves the page without text and says why.
 */
async function readStoredText(target: QueryTarget, record: ArticleRecord): Promise<string | undefined> {
  if (record.text !== undefined || record.textRef === undefined) return record.text;
  const s3 = target.s3Endpoint ? localS3Client(target.s3Endpoint) : new S3Client({});
  try {
    return await readArticleText(s3, record);
  } catch (error) {
    if (!(error instanceof TextReadError || error instanceof TextVersionError)) throw error;
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    process.stderr.write(`${escapeControls(error.message)}${cause}\n`);
    return undefined;
  } finally {
    s3.destroy();
  }
}
