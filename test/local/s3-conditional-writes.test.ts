import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PreconditionFailedError } from '../../lambdas/adapters/errors';
import { S3ObjectStore } from '../../lambdas/adapters/object-store';
import { localS3Client } from '../../local/clients';
import { type LocalS3, startLocalS3 } from '../../local/s3-server';

describe('conditional writes on the local S3 API (as on AWS)', () => {
  let s3: LocalS3;
  let store: S3ObjectStore;
  const dir = mkdtempSync(join(tmpdir(), 'newsflow-s3-'));
  const at = (key: string) => ({ bucket: 'b', key });

  beforeAll(async () => {
    s3 = await startLocalS3({ port: 0, directory: dir, buckets: ['b'], onEvent: () => undefined });
    store = new S3ObjectStore(localS3Client(s3.endpoint));
  });
  afterAll(async () => {
    await s3.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates only when absent with If-None-Match: *', async () => {
    // Act
    const first = await store.put(at('create.json'), '1', {
      contentType: 'application/json',
      ifNoneMatch: '*',
    });
    const second = store.put(at('create.json'), '2', { contentType: 'application/json', ifNoneMatch: '*' });

    // Assess
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    await expect(second).rejects.toBeInstanceOf(PreconditionFailedError);
  });

  it('swaps only from the ETag it read with If-Match, and keeps user metadata', async () => {
    // Prepare
    const v1 = await store.put(at('cas.json'), 'v1', {
      contentType: 'text/plain',
      metadata: { 'newsflow-sequencer': 'A1' },
    });

    // Act
    const v2 = await store.put(at('cas.json'), 'v2', { contentType: 'text/plain', ifMatch: v1 });
    const stale = store.put(at('cas.json'), 'v3', { contentType: 'text/plain', ifMatch: v1 });

    // Assess
    await expect(stale).rejects.toBeInstanceOf(PreconditionFailedError);
    expect((await store.head(at('cas.json')))?.eTag).toBe(v2);
    expect(
      await store.put(at('meta.json'), 'x', {
        contentType: 'text/plain',
        metadata: { 'newsflow-sequencer': 'B2' },
      }),
    ).toBeTruthy();
    expect((await store.head(at('meta.json')))?.metadata).toEqual({ 'newsflow-sequencer': 'B2' });
  });

  it('deletes only the version it read with If-Match', async () => {
    // Prepare
    const v1 = await store.put(at('del.json'), 'v1', { contentType: 'text/plain' });
    await store.put(at('del.json'), 'v2', { contentType: 'text/plain' });

    // Act
    const stale = store.delete(at('del.json'), { ifMatch: v1 });

    // Assess
    await expect(stale).rejects.toBeInstanceOf(PreconditionFailedError);
    expect(await store.head(at('del.json'))).toBeDefined();
    await expect(store.delete(at('missing.json'), { ifMatch: v1 })).rejects.toBeInstanceOf(
      PreconditionFailedError,
    );
    await store.delete(at('missing.json'));
  });
});
