import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { S3Client } from '@aws-sdk/client-s3';
import { PIPELINE_SPEC } from '../../lambdas/core/pipeline-spec';
import { localS3Client } from '../../local/clients';
import { CliError, UNREACHABLE_HINT, UsageError } from './errors';
import { readRuntimeState } from './runtime-state';
import { escapeControls } from './terminal-text';
import { planUploads, uploadFiles } from './upload';

/**
 * `newsflow ingest DIR|FILE…`: uploads articles to the running local runtime (default), to another S3 API
 * (`--endpoint`), or to a deployed stack's raw bucket (`--bucket` with your AWS credentials).
 */
export async function ingestCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      endpoint: { type: 'string' },
      bucket: { type: 'string' },
      prefix: { type: 'string' },
      'data-dir': { type: 'string' },
      concurrency: { type: 'string', default: '8' },
    },
  });
  if (positionals.length === 0) throw new UsageError('ingest needs at least one FILE or DIR');
  // A mistyped path is the user's first error to hear about, before where the files would go.
  for (const path of positionals)
    if (!existsSync(path))
      throw new UsageError(`No such file or directory: ${path} (give files or folders of articles)`);
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new UsageError('--concurrency must be ≥ 1');

  let client: S3Client;
  let bucket: string;
  let prefix = values.prefix;
  if (values.bucket && !values.endpoint) {
    client = new S3Client({});
    bucket = values.bucket;
  } else if (values.endpoint) {
    client = localS3Client(values.endpoint);
    bucket = values.bucket ?? PIPELINE_SPEC.localNames.rawBucket;
  } else {
    const state = readRuntimeState(values['data-dir']);
    client = localS3Client(state.s3Endpoint);
    bucket = state.names.rawBucket;
    prefix ??= state.names.rawPrefix;
  }
  const items = planUploads(positionals, prefix ?? PIPELINE_SPEC.rawPrefix);
  const failures = await uploadFiles(client, bucket, items, {
    concurrency,
    label: `ingest → s3://${bucket}`,
  });
  client.destroy();
  if (items.length > 0 && failures.length === items.length && failures.every((f) => f.unreachable))
    throw new CliError(`Cannot upload to s3://${bucket}: ${UNREACHABLE_HINT}`);
  for (const f of failures) process.stderr.write(`failed: ${escapeControls(f.key)}: ${f.error}\n`);
  return failures.length === 0 ? 0 : 1;
}
