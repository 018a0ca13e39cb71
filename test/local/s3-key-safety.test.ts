import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { type LocalS3, startLocalS3 } from '../../local/s3-server';

/** A raw HTTP exchange: the path goes out byte for byte, as `curl --path-as-is` sends it. */
interface Reply {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
}

function send(
  endpoint: string,
  method: string,
  path: string,
  body: string | Buffer = '',
  headers: Record<string, string> = {},
): Promise<Reply> {
  const url = new URL(endpoint);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method,
        path,
        headers: { 'content-length': Buffer.byteLength(body), ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The S3 error code of an XML error response. */
function errorCode(reply: Reply): string | undefined {
  return /<Code>([^<]+)<\/Code>/.exec(reply.body.toString())?.[1];
}

/** Every file under `dir`, relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)));
}

describe('the local S3 API refuses keys its file store cannot hold safely (raw HTTP)', () => {
  let s3: LocalS3;
  const root = mkdtempSync(join(tmpdir(), 'newsflow-s3-safety-'));
  // Deep enough that a traversal lands inside `root`, where the test can look for it.
  const data = join(root, 'a', 'b', 'data');

  beforeAll(async () => {
    mkdirSync(data, { recursive: true });
    s3 = await startLocalS3({
      port: 0,
      directory: data,
      buckets: ['raw', 'processed'],
      onEvent: () => undefined,
    });
  });
  afterAll(async () => {
    await s3.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it.each([
    [
      'a `..` traversal out of the data directory',
      'PUT',
      '/raw/raw/../../../../escape-proof',
      400,
      'InvalidArgument',
    ],
    [
      'a traversal with encoded dots',
      'PUT',
      '/raw/raw/%2E%2E/%2E%2E/%2E%2E/%2E%2E/escape-encoded',
      400,
      'InvalidArgument',
    ],
    [
      'a traversal with encoded slashes',
      'PUT',
      '/raw/raw%2F..%2F..%2F..%2Fescape-slashes',
      400,
      'InvalidArgument',
    ],
    [
      'a traversal into another bucket',
      'PUT',
      '/raw/raw/../../processed/articles/forged.json',
      400,
      'InvalidArgument',
    ],
    ['a `.` segment', 'PUT', '/raw/raw/./dot', 400, 'InvalidArgument'],
    ['a leading slash (empty segment)', 'PUT', '/raw//leading-slash', 400, 'InvalidArgument'],
    ['a doubled slash', 'PUT', '/raw/raw//doubled-slash', 400, 'InvalidArgument'],
    ['a NUL character', 'PUT', '/raw/raw/nul%00byte', 400, 'InvalidArgument'],
    ['the file name marker of the store', 'PUT', '/raw/raw/x._S3rver_object', 400, 'InvalidArgument'],
    ['a last segment of 256 bytes', 'PUT', `/raw/raw/${'a'.repeat(256)}`, 400, 'KeyTooLongError'],
    [
      'a last segment of 234 bytes (no room for the file suffix)',
      'PUT',
      `/raw/raw/${'a'.repeat(234)}`,
      400,
      'KeyTooLongError',
    ],
    ['a folder segment of 256 bytes', 'PUT', `/raw/${'d'.repeat(256)}/x`, 400, 'KeyTooLongError'],
    ['a key over 1,024 bytes', 'PUT', `/raw/${'k/'.repeat(520)}x`, 400, 'KeyTooLongError'],
    ['a `..` bucket', 'PUT', '/../escape-bucket', 400, 'InvalidBucketName'],
    ['an encoded `..` bucket', 'PUT', '/%2E%2E/escape-bucket-encoded', 400, 'InvalidBucketName'],
    ['malformed percent-encoding', 'PUT', '/raw/raw/bad%ZZescape', 400, 'InvalidURI'],
    ['a GET outside the data directory', 'GET', '/raw/raw/../../../../etc-passwd', 400, 'InvalidArgument'],
    ['a HEAD with a `..` segment', 'HEAD', '/raw/raw/../x', 400, undefined],
    [
      'a DELETE in another bucket',
      'DELETE',
      '/raw/raw/../../processed/articles/x.json',
      400,
      'InvalidArgument',
    ],
  ])('%s: %s → %d', async (_name, method, path, status, code) => {
    // Act
    const reply = await send(s3.endpoint, method, path, method === 'PUT' ? 'forged text' : '');

    // Assess
    expect(reply.status).toBe(status);
    if (code !== undefined) expect(errorCode(reply)).toBe(code);
  });

  it('refuses a copy whose source leaves the data directory', async () => {
    // Act
    const reply = await send(s3.endpoint, 'PUT', '/raw/raw/copy.txt', '', {
      'x-amz-copy-source': '/raw/raw/../../../../secret',
    });

    // Assess
    expect(reply.status).toBe(400);
    expect(errorCode(reply)).toBe('InvalidArgument');
  });

  it('refuses a multi-object delete naming a key outside its folder', async () => {
    // Prepare
    const xml = '<Delete><Object><Key>raw/../../processed/articles/x.json</Key></Object></Delete>';
    const md5 = createHash('md5').update(xml).digest('base64');

    // Act
    const reply = await send(s3.endpoint, 'POST', '/raw?delete', xml, { 'content-md5': md5 });

    // Assess
    expect(reply.status).toBe(400);
    expect(errorCode(reply)).toBe('InvalidArgument');
  });

  it.each([
    ['a last segment of 233 bytes', `raw/${'a'.repeat(233)}`],
    ['a folder segment of 255 bytes', `raw/${'d'.repeat(255)}/x.txt`],
    ['a trailing slash (a folder marker)', 'raw/folder/'],
    ['dots inside a segment', 'raw/a..b/.hidden/x...txt'],
  ])('stores and reads back %s', async (_name, key) => {
    // Prepare
    const path = `/raw/${key.split('/').map(encodeURIComponent).join('/')}`;

    // Act
    const put = await send(s3.endpoint, 'PUT', path, 'kept');
    const get = await send(s3.endpoint, 'GET', path);

    // Assess
    expect(put.status).toBe(200);
    expect(get.status).toBe(200);
    expect(get.body.toString()).toBe('kept');
  });

  it('wrote nothing outside the data directory and still answers', async () => {
    // Act
    const outside = filesUnder(root).filter((f) => !f.startsWith(`a${'/'}b${'/'}data${'/'}`));
    const alive = await send(s3.endpoint, 'GET', '/raw?list-type=2');

    // Assess
    expect(outside).toEqual([]);
    expect(alive.status).toBe(200);
  });
});

describe('concurrent writes to one key on the local S3 API', () => {
  let s3: LocalS3;
  const dir = mkdtempSync(join(tmpdir(), 'newsflow-s3-race-'));

  beforeAll(async () => {
    s3 = await startLocalS3({ port: 0, directory: dir, buckets: ['raw'], onEvent: () => undefined });
  });
  afterAll(async () => {
    await s3.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('never fail a read: every GET returns one whole version with its own ETag', async () => {
    // Prepare: versions of different sizes, so a body cut short or mixed would show.
    const versions = Array.from({ length: 10 }, (_, i) => `version ${i} `.repeat(20_000 * (i + 1)));
    await send(s3.endpoint, 'PUT', '/raw/raw/race.txt', versions[0]);

    // Act
    const writes = versions.map((v) => send(s3.endpoint, 'PUT', '/raw/raw/race.txt', v));
    const reads = Array.from({ length: 20 }, () => send(s3.endpoint, 'GET', '/raw/raw/race.txt'));
    const [written, read] = await Promise.all([Promise.all(writes), Promise.all(reads)]);

    // Assess
    expect(written.map((w) => w.status)).toEqual(versions.map(() => 200));
    for (const r of read) {
      expect(r.status).toBe(200);
      expect(versions).toContain(r.body.toString());
      expect(r.headers.etag).toBe(`"${createHash('md5').update(r.body).digest('hex')}"`);
    }
  });
});
