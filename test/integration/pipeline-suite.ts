import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { mentionPk, RECORD_SK } from '../../lambdas/adapters/article-table';
import type { DynamoDbEngine } from '../../local/dynamodb-server';
import { startTestPipeline, type TestPipeline } from '../helpers/runtime';

const SEED = readFileSync(join(__dirname, '..', '..', 'samples', 'seed-korea-2019-12-20.txt'));

/**
 * The end-to-end contract, run against a real local S3 API and a real local DynamoDB API over HTTP with the
 * real AWS SDK: objects in, one record per live object out.
 */
export function pipelineSuite(engine: DynamoDbEngine): void {
  describe(`pipeline end to end (${engine})`, () => {
    let p: TestPipeline;

    beforeAll(async () => {
      // The first invocations of a fresh runtime can take seconds on a loaded machine (a full test run, DynamoDB
      // Local warming up); a message redelivered meanwhile would be received again and could end in the DLQ.
      p = await startTestPipeline(engine, { visibilityTimeoutMs: 5000 });
    }, 60_000);

    afterAll(async () => {
      await p?.stop();
    });

    it('turns an upload into a processed record with entities and dates', async () => {
      // Act
      await p.upload('raw/seed.txt', SEED);
      await p.runtime.waitForIdle();

      // Assess
      const record = await p.record('raw/seed.txt');
      expect(record).toMatchObject({
        status: 'processed',
        publishedAt: '2019-12-20',
        source: { bucket: p.runtime.names.rawBucket, key: 'raw/seed.txt', size: SEED.length },
      });
      // The seed's text would cost its record item two more write units: it stays in the processed document.
      expect(record?.text).toBeUndefined();
      const ref = record?.textRef;
      expect(ref).toEqual({
        bucket: p.runtime.names.processedBucket,
        key: expect.stringMatching(/^articles\//),
      });
      const got = await p.runtime.s3Client.send(new GetObjectCommand({ Bucket: ref?.bucket, Key: ref?.key }));
      const { article } = JSON.parse((await got.Body?.transformToString()) ?? '{}');
      expect(article.contentHash).toBe(record?.contentHash);
      expect(article.text).not.toContain('Loading...');
      expect(record?.entities.length).toBeGreaterThan(10);
      expect(record?.dates.some((d) => d.value === '2019-12-20')).toBe(true);
      const text = Array.from(String(article.text));
      for (const e of record?.entities ?? []) expect(text.slice(e.start, e.end).join('')).toBe(e.text);
      expect(await p.itemKeys('raw/seed.txt')).toEqual(
        expect.arrayContaining([RECORD_SK, mentionPk('2019-12')]),
      );
    });

    it.each([
      ['en-GB', '2024-04-03'],
      ['en-US', '2024-03-04'],
    ])('reads numeric dates by the Content-Language the uploader set (%s)', async (language, value) => {
      // Prepare
      const key = `raw/locale-${language}.txt`;

      // Act
      await p.runtime.s3Client.send(
        new PutObjectCommand({
          Bucket: p.runtime.names.rawBucket,
          Key: key,
          Body: 'date 2024-04-10\n\nBids for the Thames crossing closed on 03/04/2024, the council said.',
          ContentType: 'text/plain',
          ContentLanguage: language,
        }),
      );
      await p.runtime.waitForIdle();

      // Assess
      const record = await p.record(key);
      expect(record?.locale).toBe(language);
      expect(record?.dates.map((d) => d.value)).toContain(value);
    });

    it('replaces the record and its lookup items when the object is overwritten', async () => {
      // Prepare
      await p.upload('raw/overwrite.txt', 'date 2019-12-20\n\nKim Jong Un visited Seoul on Friday.');
      await p.runtime.waitForIdle();
      const before = await p.record('raw/overwrite.txt');

      // Act
      await p.upload('raw/overwrite.txt', 'date 2020-01-03\n\nAngela Merkel spoke in Berlin.');
      await p.runtime.waitForIdle();

      // Assess
      const after = await p.record('raw/overwrite.txt');
      expect(after?.publishedAt).toBe('2020-01-03');
      expect(after?.text).toContain('Merkel');
      expect((after?.source.sequencer ?? '') > (before?.source.sequencer ?? '')).toBe(true);
      const keys = await p.itemKeys('raw/overwrite.txt');
      expect(keys.some((k) => k.toLowerCase().includes('seoul'))).toBe(false);
      expect(keys.some((k) => k.toLowerCase().includes('berlin'))).toBe(true);
    });

    it('removes the processed document and every item when the object is deleted', async () => {
      // Prepare
      await p.upload('raw/delete-me.txt', 'date 2019-12-20\n\nKim Jong Un visited Seoul on Friday.');
      await p.runtime.waitForIdle();
      expect(await p.record('raw/delete-me.txt')).toBeDefined();

      // Act
      await p.remove('raw/delete-me.txt');
      await p.runtime.waitForIdle();

      // Assess
      expect(await p.record('raw/delete-me.txt')).toBeUndefined();
      expect(await p.itemKeys('raw/delete-me.txt')).toEqual([]);
    });

    it.each([
      'raw/with spaces and+plus.txt',
      'raw/über café – 北朝鮮.txt',
      'raw/a%20literal percent.txt',
      // `..` only inside a segment: the local S3 API refuses a `..` segment (hostile-keys.test.ts).
      'raw/..dots../(brackets)!.txt',
    ])('handles the key %j as an opaque key', async (key) => {
      // Act
      await p.upload(key, 'date 2019-12-20\n\nTony Blair met Bill Clinton in London.');
      await p.runtime.waitForIdle();

      // Assess
      const record = await p.record(key);
      expect(record?.status).toBe('processed');
      expect(record?.source.key).toBe(key);
    });

    it('records empty and binary objects as rejected while the rest of their batch succeeds', async () => {
      // Prepare: hold deliveries so all four notifications arrive in one batch.
      p.runtime.pauseDelivery();
      const firstInvocation = p.invocations.length;
      await p.upload('raw/empty.txt', '');
      await p.upload(
        'raw/binary.pdf',
        Buffer.from('%PDF-1.7\n\u0000\u0001\u0002binary', 'latin1'),
        // A generic type, so the cleaner has to recognise the bytes themselves as binary.
        'application/octet-stream',
      );
      await p.upload('raw/good.txt', 'date 2019-12-20\n\nTony Blair met Bill Clinton in London.');
      p.runtime.cleanQueue.send('this is not an S3 notification');

      // Act
      p.runtime.resumeDelivery();
      await p.runtime.waitForIdle({ timeoutMs: 30_000 });

      // Assess
      const cleanInvocation = p.invocations
        .slice(firstInvocation)
        .find((i) => i.functionName === 'newsflow-clean');
      expect(cleanInvocation).toMatchObject({
        functionName: 'newsflow-clean',
        received: 4,
        failed: 1,
      });
      expect(await p.record('raw/empty.txt')).toMatchObject({
        status: 'rejected',
        rejection: { code: 'EMPTY' },
      });
      expect(await p.record('raw/binary.pdf')).toMatchObject({
        status: 'rejected',
        rejection: { code: 'BINARY' },
      });
      expect((await p.record('raw/binary.pdf'))?.rejection?.message.length).toBeGreaterThan(0);
      expect(await p.record('raw/good.txt')).toMatchObject({ status: 'processed' });
      // The poison message was retried maxReceiveCount times, then dead-lettered.
      expect(p.runtime.cleanDlq.snapshot().map((m) => [m.body, m.receiveCount])).toEqual([
        ['this is not an S3 notification', 3],
      ]);
    });

    it('never re-triggers the clean stage with its own output (no recursion)', async () => {
      // Prepare
      const cleanBatches = () =>
        p.invocations.filter((i) => i.functionName === 'newsflow-clean').reduce((n, i) => n + i.received, 0);
      const before = cleanBatches();

      // Act
      await p.upload('raw/once.txt', 'date 2019-12-20\n\nTony Blair met Bill Clinton in London.');
      await p.runtime.waitForIdle();

      // Assess: one raw upload, one clean delivery, one processed document.
      expect(cleanBatches() - before).toBe(1);
      expect((await p.processedKeys()).every((k) => /^articles\/[0-9a-f]{32}\.json$/.test(k))).toBe(true);
    });

    it('never modifies or deletes the raw object', async () => {
      // Prepare
      const body = 'date 2019-12-20\n\n\u200bTony Blair met Bill Clinton in London.\r\n';
      await p.upload('raw/untouched.txt', body);

      // Act
      await p.runtime.waitForIdle();

      // Assess
      const { GetObjectCommand } = await import('@aws-sdk/client-s3');
      const out = await p.runtime.s3Client.send(
        new GetObjectCommand({ Bucket: p.runtime.names.rawBucket, Key: 'raw/untouched.txt' }),
      );
      expect(await out.Body?.transformToString()).toBe(body);
    });
  });
}
