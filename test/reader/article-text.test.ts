import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { buildRecord } from '../../lambdas/core/record/build-record';
import type { ArticleRecord } from '../../lambdas/core/record/types';
import { readArticleText, TextReadError, TextVersionError } from '../../lambdas/reader';
import { localS3Client } from '../../local/clients';
import { type LocalS3, startLocalS3 } from '../../local/s3-server';
import { cleanedArticle, processedDocument, wordTaggers } from '../helpers/fixtures';

const TEXT = 'Talks resumed in Geneva on Friday.';
const BUCKET = 'processed';

/** A record as the table returns it when the item does not carry the text: `textRef` names the document. */
function recordWithoutText(key: string, contentHash: string): ArticleRecord {
  const { text: _inline, ...record } = buildRecord(processedDocument(cleanedArticle(TEXT, { contentHash })), {
    taggers: wordTaggers({ Geneva: 'LOCATION' }),
    ingestedAt: '2019-12-21T09:00:00.000Z',
    textRef: { bucket: BUCKET, key },
  });
  return record;
}

describe('readArticleText (against the local S3 API)', () => {
  let s3: LocalS3;
  let client: S3Client;
  const dir = mkdtempSync(join(tmpdir(), 'newsflow-text-'));

  beforeAll(async () => {
    s3 = await startLocalS3({ port: 0, directory: dir, buckets: [BUCKET], onEvent: () => undefined });
    client = localS3Client(s3.endpoint);
    // The processed document of version "v1" of the article.
    const doc = processedDocument(cleanedArticle(TEXT, { contentHash: 'v1' }));
    await client.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: 'articles/a.json', Body: JSON.stringify(doc) }),
    );
  });

  afterAll(async () => {
    client.destroy();
    await s3.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads the text from the processed document the record names', async () => {
    // Act
    const text = await readArticleText(client, recordWithoutText('articles/a.json', 'v1'));
    // Assess
    expect(text).toBe(TEXT);
  });

  it('returns the record’s own text without reading S3', async () => {
    // Prepare: a client whose every request would fail.
    const unreachable = localS3Client('http://127.0.0.1:9');
    const record = { ...recordWithoutText('articles/none.json', 'v1'), text: 'inline' };
    // Act
    const text = await readArticleText(unreachable, record);
    unreachable.destroy();
    // Assess
    expect(text).toBe('inline');
  });

  it('returns nothing for a record without text (a rejection)', async () => {
    // Prepare
    const { textRef: _ref, ...rejected } = recordWithoutText('articles/a.json', 'v1');
    // Act / Assess
    expect(await readArticleText(client, rejected)).toBeUndefined();
  });

  it.each([
    ['the document holds another version', 'articles/a.json', 'v2', TextVersionError],
    ['the document is gone', 'articles/missing.json', 'v1', TextReadError],
  ])('fails with a typed error when %s', async (_, key, contentHash, errorClass) => {
    // Act
    const read = readArticleText(client, recordWithoutText(key, contentHash));
    // Assess
    await expect(read).rejects.toBeInstanceOf(errorClass);
  });

  it('keeps the S3 error as the cause', async () => {
    // Act
    const error = await readArticleText(client, recordWithoutText('articles/missing.json', 'v1')).catch(
      (e: unknown) => e,
    );
    // Assess
    expect((error as TextReadError).cause).toBeInstanceOf(Error);
  });
});
